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
import { build } from 'vite';
import { compileMessages, type Catalog, type MessagesFile } from '../lib/i18n-catalog';
import { DEFAULT_LANGUAGE, LANGUAGES } from '../lib/locale';

export const PAGE_DIR = 'page';
export const PAGE_ENTRY = `${PAGE_DIR}/worksection-ui.js`;
/**
 * What project and task pages show at load: the page bar, reply badges, the
 * template buttons and a client thread's time. They go into the entry with
 * everything they import: as chunks of their own each cost every page load a
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

type ModuleInfo = { importedIds: readonly string[] } | null;
let atLoad: { root: string; ids: Set<string> } | undefined;

/** The entry, SHOWN_AT_LOAD and every module they import statically. */
function shownAtLoad(root: string, info: (id: string) => ModuleInfo): Set<string> {
  if (atLoad?.root === root) return atLoad.ids;
  const ids = new Set<string>();
  const visit = (id: string) => {
    if (ids.has(id)) return;
    ids.add(id);
    for (const imported of info(id)?.importedIds ?? []) visit(imported);
  };
  for (const file of ['entrypoints/worksection-ui.ts', ...SHOWN_AT_LOAD]) {
    const id = path.join(root, file);
    if (!info(id)) throw new Error(`page build: ${file} is not in the page code's module graph (SHOWN_AT_LOAD is out of date)`);
    visit(id);
  }
  atLoad = { root, ids };
  return ids;
}

export async function buildPageModules(root: string, outDir: string, mode: string): Promise<void> {
  const locales = pageLocales(root);
  await build({
    configFile: false,
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
          manualChunks: (id, { getModuleInfo }) => (shownAtLoad(root, getModuleInfo).has(id) ? 'worksection-ui' : undefined),
        },
      },
    },
  });
  // After the build: it empties page/.
  writePageMessages(root, outDir, locales);
}
