/**
 * Builds the code Account Desk runs inside Worksection pages as ES modules
 * with one chunk per feature, into `<outDir>/page/`. WXT builds every content
 * and unlisted script as one self-contained IIFE, which would make every page
 * parse every feature; here the runner (entrypoints/worksection-ui.ts) is
 * small and each feature's `mount` imports its own chunk where it shows.
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

function writePageMessages(root: string, outDir: string, locales: readonly string[]): void {
  const read = (locale: string): Catalog => {
    const file = path.join(localesDir(root), locale, 'messages.json');
    return fs.existsSync(file) ? compileMessages(JSON.parse(fs.readFileSync(file, 'utf8')) as MessagesFile) : {};
  };
  const fallback = read(DEFAULT_LOCALE);
  const dir = path.join(outDir, PAGE_DIR, 'messages');
  fs.mkdirSync(dir, { recursive: true });
  for (const locale of locales) {
    const catalog = { ...fallback, ...read(locale) };
    fs.writeFileSync(path.join(dir, `${locale}.js`), `export default JSON.parse(${JSON.stringify(JSON.stringify(catalog))});\n`);
  }
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
        },
      },
    },
  });
  // After the build: it empties page/.
  writePageMessages(root, outDir, locales);
}
