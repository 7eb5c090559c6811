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
import path from 'node:path';
import { build } from 'vite';

export const PAGE_DIR = 'page';
export const PAGE_ENTRY = `${PAGE_DIR}/worksection-ui.js`;

export async function buildPageModules(root: string, outDir: string, mode: string): Promise<void> {
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
    define: { 'import.meta.env.BROWSER': JSON.stringify(process.env.WXT_BROWSER ?? 'chrome') },
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
}
