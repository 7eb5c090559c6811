import { defineConfig } from 'wxt';
import { WORKSECTION_HOSTS } from './lib/worksection/hosts';
import { buildPageModules, PAGE_DIR } from './scripts/page-build';

/** Built by scripts/page-build.ts (ES modules split per feature), not by WXT. */
const PAGE_UI_ENTRY = 'worksection-ui';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Firefox gets MV3 too (WXT defaults Firefox to MV2).
  manifestVersion: 3,
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // alarms: the reply sync's poll; notifications: late and escalated client threads;
    // idle: a screen lock stops account time at once (DESIGN §2);
    // identity: "Sign in with Worksection" opens Worksection's consent page in the browser's sign-in window.
    permissions: ['storage', 'alarms', 'notifications', 'idle', 'identity'],
    host_permissions: [...WORKSECTION_HOSTS],
    optional_host_permissions: ['https://*/*'],
    action: { default_title: '__MSG_extName__' },
    // The page modules the bootstrap content script imports after the page loads. In Chrome
    // only through a per-session address (use_dynamic_url), so that no site can probe for
    // Account Desk at its fixed one; Firefox already gives each install an address of its own.
    web_accessible_resources: [
      { resources: [`${PAGE_DIR}/*`], matches: [...WORKSECTION_HOSTS], ...(browser !== 'firefox' && { use_dynamic_url: true }) },
    ],
    // The team's managed configuration (docs/managed-policy.md). Firefox reads
    // policies.json's 3rdparty section without a schema, and warns about this key.
    ...(browser !== 'firefox' && { storage: { managed_schema: 'managed-schema.json' } }),
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: 'account-desk@account-desk.app',
          strict_min_version: '140.0',
          // Account Desk sends nothing anywhere but the user's own Worksection account.
          data_collection_permissions: { required: ['none'] },
        },
        // Firefox for Android understands data_collection_permissions from 142 (desktop from 140, as ESR 140):
        // said here, Mozilla's linter has no minimum version to warn about.
        gecko_android: { strict_min_version: '142.0' },
      },
    }),
  }),
  hooks: {
    // The page UI is built apart (see scripts/page-build.ts): WXT would make it one IIFE.
    'entrypoints:found': (_wxt, infos) => {
      const index = infos.findIndex((info) => info.name === PAGE_UI_ENTRY);
      if (index >= 0) infos.splice(index, 1);
    },
    'build:done': async (wxt) => {
      process.env.WXT_BROWSER = wxt.config.browser;
      await buildPageModules(wxt.config.root, wxt.config.outDir, wxt.config.mode);
    },
    // Only the tiny bootstrap loads at page start (DESIGN.md §6); WXT has no
    // content-script entry without its runtime, so it is declared here.
    'build:manifestGenerated': (_wxt, manifest) => {
      manifest.content_scripts = [
        ...(manifest.content_scripts ?? []),
        { matches: [...WORKSECTION_HOSTS], js: ['worksection-bootstrap.js'], run_at: 'document_idle' },
      ];
    },
  },
  zip: {
    sourcesRoot: '.',
    // Images are not sources: the README's and the store's screenshots stay out of AMO's sources zip.
    excludeSources: ['.output/**', '.tmp/**', 'screenshots/**', 'node_modules/**', 'docs/screenshots/**', 'docs/store/screenshots/**'],
  },
});
