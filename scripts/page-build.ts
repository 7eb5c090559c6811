/**
 * Builds the code Account Desk runs inside Worksection pages as ES modules
 * into `<outDir>/page/`. WXT builds every content and unlisted script as one
 * self-contained IIFE, which would make every page parse every feature; here
 * the entry (entrypoints/worksection-ui.ts) holds the runner and what project
 * and task pages show as soon as they load (SHOWN_AT_LOAD), and everything
 * else a feature imports (the picker, menus, dialogs, the project widget) is
 * a chunk of its own, loaded where and when it shows.
 *
 * Called from wxt.config.ts after WXT's own build, so `wxt build` and
 * `wxt zip` both include it. The bootstrap content script imports
 * `page/worksection-ui.js`; every file here is web-accessible on
 * Worksection's hosts only.
 */
import fs from 'node:fs';
import path from 'node:path';
import { analyze } from 'eslint-scope';
import { build, parseAst, type Plugin, type Rollup } from 'vite';
import { compileMessages, type Catalog, type MessagesFile } from '../lib/i18n-catalog';
import { DEFAULT_LANGUAGE, LANGUAGES } from '../lib/locale';

export const PAGE_DIR = 'page';
export const PAGE_ENTRY = `${PAGE_DIR}/worksection-ui.js`;
/**
 * What project and task pages show at load: the page bar, reply badges, the
 * template, status-report and quick-reply buttons and a client thread's
 * time. They go into the entry with everything they import: as chunks of their own each cost every page load a
 * request, a code-cache lookup and a module instantiation (about 1 ms of the
 * page's main thread per task page on this machine kind, measured with
 * traces of the two builds alternated). Their features' `mount`s still
 * import them (lib/page/feature.ts lazyMount), which is then immediate.
 */
const SHOWN_AT_LOAD = [
  'components/page-bar/mount.tsx',
  'components/replies/badges.ts',
  'components/templates/buttons.tsx',
  'components/account-time/thread.ts',
  'components/account-time/thread-view.tsx',
  'components/status-report/button.tsx',
  'components/quick-replies/mount.tsx',
];

/** The manifest's default_locale: every other locale's missing messages come from it, as in Chrome. */
const DEFAULT_LOCALE = DEFAULT_LANGUAGE;

/**
 * Each locale's catalog for page code (lib/page/messages.ts), its missing
 * messages filled from the default locale's, written as a module
 * `page/messages/<locale>.js` that parses one JSON string (faster to load
 * than the same object as code).
 */
const localesDir = (root: string) => path.join(root, 'public/_locales');

/**
 * Every language Account Desk offers (lib/locale.ts), whether or not its
 * messages are written yet (a missing file is all gaps), and any other locale
 * public/_locales has messages for.
 */
function pageLocales(root: string): string[] {
  const folders = fs.readdirSync(localesDir(root)).filter((locale) => fs.existsSync(path.join(localesDir(root), locale, 'messages.json')));
  return [...new Set([...LANGUAGES, ...folders])];
}

/**
 * Whether page code uses a message: its key, or for plural forms
 * (`<base>_one`, `_few`…) its base, stands as a string literal in the built
 * code. Every key the UI uses is a literal in the sources (t() and tn() take
 * `MessageKey`/`PluralKey`, string literal types), and minifying keeps
 * literals, so the page catalogs carry what pages show and not the options
 * page's hundreds of strings.
 */
export function usedByPageCode(code: string, key: string): boolean {
  const plural = /^(.+)_(zero|one|two|few|many|other)$/.exec(key);
  const literal = (name: string) => new RegExp(`[\`'"]${name.replace(/[$]/g, '\\$&')}[\`'"]`).test(code);
  return literal(key) || (plural !== null && literal(plural[1]!));
}

/** The text of every built page module. */
function pageCode(outDir: string): string {
  const files = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const file = path.join(dir, entry.name);
      return entry.isDirectory() ? files(file) : file.endsWith('.js') ? [file] : [];
    });
  return files(path.join(outDir, PAGE_DIR))
    .map((file) => fs.readFileSync(file, 'utf8'))
    .join('\n');
}

function writePageMessages(root: string, outDir: string, locales: readonly string[]): void {
  const code = pageCode(outDir);
  const read = (locale: string): Catalog => {
    const file = path.join(localesDir(root), locale, 'messages.json');
    return fs.existsSync(file) ? compileMessages(JSON.parse(fs.readFileSync(file, 'utf8')) as MessagesFile) : {};
  };
  const fallback = read(DEFAULT_LOCALE);
  const dir = path.join(outDir, PAGE_DIR, 'messages');
  fs.mkdirSync(dir, { recursive: true });
  for (const locale of locales) {
    const catalog = Object.fromEntries(Object.entries({ ...fallback, ...read(locale) }).filter(([key]) => usedByPageCode(code, key)));
    fs.writeFileSync(path.join(dir, `${locale}.js`), `export default JSON.parse(${JSON.stringify(JSON.stringify(catalog))});\n`);
  }
}

type OutputChunk = Rollup.OutputChunk;
type ModuleInfo = { importedIds: readonly string[]; dynamicallyImportedIds: readonly string[] } | null;
let inEntry: { root: string; ids: Set<string> } | undefined;

/**
 * The modules that go into the entry chunk: the entry, SHOWN_AT_LOAD and
 * what they import statically, and every module two lazy chunks would share
 * (a chunk may import only the entry; see pageChunkLinks).
 */
function entryModules(root: string, info: (id: string) => ModuleInfo): Set<string> {
  if (inEntry?.root === root) return inEntry.ids;
  const closure = (start: string, stop: ReadonlySet<string>) => {
    const ids = new Set<string>();
    const visit = (id: string) => {
      if (ids.has(id) || stop.has(id)) return;
      ids.add(id);
      for (const imported of info(id)?.importedIds ?? []) visit(imported);
    };
    visit(start);
    return ids;
  };
  const ids = new Set<string>();
  for (const file of ['entrypoints/worksection-ui.ts', ...SHOWN_AT_LOAD]) {
    const id = path.join(root, file);
    if (!info(id)) throw new Error(`page build: ${file} is not in the page code's module graph (SHOWN_AT_LOAD is out of date)`);
    for (const member of closure(id, new Set())) ids.add(member);
  }
  // Every module imported with import() anywhere, and what each of them brings along.
  const lazyRoots = new Set<string>();
  const walked = new Set<string>();
  const walk = (id: string) => {
    if (walked.has(id)) return;
    walked.add(id);
    const module = info(id);
    for (const imported of module?.importedIds ?? []) walk(imported);
    for (const imported of module?.dynamicallyImportedIds ?? []) {
      if (!ids.has(imported)) lazyRoots.add(imported);
      walk(imported);
    }
  };
  walk(path.join(root, 'entrypoints/worksection-ui.ts'));
  const users = new Map<string, number>();
  for (const lazy of lazyRoots) for (const member of closure(lazy, ids)) users.set(member, (users.get(member) ?? 0) + 1);
  for (const [id, count] of users) if (count > 1) ids.add(id);
  inEntry = { root, ids };
  return ids;
}

/** The isolated world's global that holds the entry's exports for the lazy chunks (page scripts can't reach it). */
const SHARED = '__accountDeskPage';

interface Edit {
  start: number;
  end: number;
  text: string;
}

type Node = { type: string; start: number; end: number; [key: string]: unknown };

function walkNodes(node: unknown, visit: (node: Node) => void): void {
  if (Array.isArray(node)) for (const child of node) walkNodes(child, visit);
  else if (node && typeof node === 'object') {
    if (typeof (node as Node).type === 'string') visit(node as Node);
    for (const value of Object.values(node)) if (value && typeof value === 'object') walkNodes(value, visit);
  }
}

/**
 * Links between page chunks that hold under `use_dynamic_url` (Chrome): the
 * bootstrap imports the entry through its per-session address, but Chromium
 * gives the module the extension's fixed address as its base, and a relative
 * import from it is refused. So a lazy chunk is imported through
 * `runtime.getURL` (the per-session address), and takes what it needs from
 * the entry out of the isolated world's SHARED object instead of a static
 * import. Functions and constants only: an exported binding that is ever
 * assigned again would be copied stale, and fails the build.
 */
function pageChunkLinks(): Plugin {
  return {
    name: 'account-desk-page-chunk-links',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((file): file is OutputChunk => file.type === 'chunk');
      const entry = chunks.find((chunk) => chunk.isEntry);
      if (!entry) throw new Error('page build: no entry chunk');
      for (const chunk of chunks) chunk.code = linkChunk(chunk, entry.fileName, new Set(chunks.map((other) => other.fileName)));
    },
  };
}

/**
 * V8's explicit compile hint on the entry: nearly all of it runs as the page
 * loads (the runner, the page bar, badges, Preact), so compiling it eagerly
 * puts it in the code cache instead of compiling function by function on the
 * page's main thread (traces of task-page loads, two builds alternated: about
 * 1 ms, a tenth of the extension's thread time). The comment must open the file.
 */
function compileHint(): Plugin {
  return {
    name: 'account-desk-page-compile-hint',
    generateBundle(_options, bundle) {
      for (const file of Object.values(bundle)) if (file.type === 'chunk' && file.isEntry) file.code = `//# allFunctionsCalledOnLoad\n${file.code}`;
    },
  };
}

export function linkChunk(chunk: Pick<OutputChunk, 'code' | 'fileName' | 'isEntry'>, entryFile: string, files: ReadonlySet<string>): string {
  const code = chunk.code;
  const ast = parseAst(code) as unknown as { body: Node[] };
  const edits: Edit[] = [];
  const target = (source: string) => path.posix.join(path.posix.dirname(chunk.fileName), source);
  const literal = (node: Node): string | null =>
    node.type === 'Literal' && typeof node.value === 'string'
      ? node.value
      : node.type === 'TemplateLiteral' && (node.expressions as unknown[]).length === 0
        ? ((node.quasis as Array<{ value: { cooked: string } }>)[0]?.value.cooked ?? null)
        : null;
  for (const node of ast.body) {
    if (node.type !== 'ImportDeclaration') continue;
    const file = target(String((node.source as Node & { value: string }).value));
    if (file !== entryFile) {
      throw new Error(`page build: ${chunk.fileName} imports ${file}; a lazy chunk may import only the entry (modules two chunks share belong in it)`);
    }
    const names = (node.specifiers as Array<Node & { imported?: { name: string }; local: { name: string } }>).map((specifier) => {
      if (specifier.type !== 'ImportSpecifier' || !specifier.imported) throw new Error(`page build: ${chunk.fileName} has a ${specifier.type} of the entry`);
      return `${specifier.imported.name}:${specifier.local.name}`;
    });
    edits.push({ start: node.start, end: node.end, text: `const{${names.join(',')}}=globalThis.${SHARED};` });
  }
  walkNodes(ast.body, (node) => {
    if (node.type !== 'ImportExpression') return;
    const source = literal(node.source as Node);
    if (source === null) return; // A computed address: the code makes it with runtime.getURL itself.
    const file = target(source);
    if (!files.has(file)) throw new Error(`page build: ${chunk.fileName} imports ${file}, which the build did not write`);
    const from = node.source as Node;
    edits.push({ start: from.start, end: from.end, text: `globalThis.chrome.runtime.getURL(${JSON.stringify(`/${PAGE_DIR}/${file}`)})` });
  });
  if (chunk.isEntry) edits.push({ start: code.length, end: code.length, text: `\n${sharedExports(chunk.fileName, ast)}\n` });
  let out = code;
  for (const edit of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return out;
}

/**
 * `globalThis.SHARED = {exported: local, …}` for the entry's exports, after
 * checking (with eslint-scope's resolution of every reference) that none of
 * them is ever assigned again after its declaration.
 */
function sharedExports(file: string, ast: { body: Node[] }): string {
  const exported = ast.body.flatMap((node) =>
    node.type === 'ExportNamedDeclaration' && !node.declaration && !node.source
      ? (node.specifiers as Array<{ local: { name: string }; exported: { name: string } }>).map((s) => [s.exported.name, s.local.name] as const)
      : [],
  );
  // eslint-scope reads positions from `range`; the parser gives start and end.
  walkNodes(ast.body, (node) => (node.range = [node.start, node.end]));
  const moduleScope = analyze(ast, { ecmaVersion: 2022, sourceType: 'module', fallback: 'iteration' }).globalScope.childScopes.find(
    (scope) => scope.type === 'module',
  );
  if (!moduleScope) throw new Error(`page build: ${file} has no module scope`);
  for (const [, local] of exported) {
    const variable = moduleScope.set.get(local);
    if (!variable) throw new Error(`page build: ${file} exports ${local}, which it does not declare`);
    if (variable.references.some((reference) => reference.isWrite() && !reference.init)) {
      throw new Error(`page build: ${file} exports ${local} and assigns it again; lazy chunks would keep a stale copy`);
    }
  }
  return `globalThis.${SHARED}=Object.freeze({${exported.map(([name, local]) => `${name}:${local}`).join(',')}});`;
}

export async function buildPageModules(root: string, outDir: string, mode: string): Promise<void> {
  const locales = pageLocales(root);
  await build({
    configFile: false,
    plugins: [pageChunkLinks(), compileHint()],
    root,
    mode,
    logLevel: 'warn',
    // public/ is WXT's: it is copied once, to the extension's root.
    publicDir: false,
    resolve: {
      alias: [
        { find: /^@\//, replacement: `${root}/` },
        // Page code talks to the extension through the browser's own API object:
        // webextension-polyfill stays out of Worksection pages.
        { find: /^wxt\/browser$/, replacement: path.join(root, 'lib/page/browser.ts') },
      ],
    },
    define: {
      'import.meta.env.BROWSER': JSON.stringify(process.env.WXT_BROWSER ?? 'chrome'),
    },
    build: {
      outDir: path.join(outDir, PAGE_DIR),
      emptyOutDir: true,
      target: 'es2022',
      minify: mode === 'production',
      sourcemap: false,
      // No preload helper: chunks import each other through the module graph.
      modulePreload: false,
      cssCodeSplit: false,
      reportCompressedSize: false,
      rollupOptions: {
        input: { 'worksection-ui': path.join(root, 'entrypoints/worksection-ui.ts') },
        preserveEntrySignatures: false,
        output: {
          format: 'es',
          entryFileNames: '[name].js',
          chunkFileNames: 'chunks/[name]-[hash].js',
          // A module in a manual chunk named as the entry goes into the entry's own chunk.
          manualChunks: (id, { getModuleInfo }) => (entryModules(root, getModuleInfo as (id: string) => ModuleInfo).has(id) ? 'worksection-ui' : undefined),
        },
      },
    },
  });
  // After the build: it empties page/.
  writePageMessages(root, outDir, locales);
}
