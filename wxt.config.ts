import { defineConfig } from 'wxt';

// Worksection's hosted domains. Custom domains are asked for at run time
// through optional host permissions, so the shipped manifest names only these.
const WORKSECTION_HOSTS = ['*://*.worksection.com/*', '*://*.worksection.eu/*', '*://*.worksection.net/*'];

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Firefox gets MV3 too (WXT defaults Firefox to MV2).
  manifestVersion: 3,
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // alarms: the reply sync's poll; notifications: late and escalated client threads;
    // idle: a screen lock stops account time at once (DESIGN §2).
    permissions: ['storage', 'alarms', 'notifications', 'idle'],
    host_permissions: WORKSECTION_HOSTS,
    optional_host_permissions: ['https://*/*'],
    action: { default_title: '__MSG_extName__' },
    // The UI module the bootstrap content script imports after the page loads.
    web_accessible_resources: [{ resources: ['worksection-ui.js'], matches: WORKSECTION_HOSTS }],
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: 'account-desk@account-desk.app',
          strict_min_version: '140.0',
          // Account Desk sends nothing anywhere but the user's own Worksection account.
          data_collection_permissions: { required: ['none'] },
        },
      },
    }),
  }),
  hooks: {
    // Only the tiny bootstrap loads at page start (DESIGN.md §6); WXT has no
    // content-script entry without its runtime, so it is declared here.
    'build:manifestGenerated': (_wxt, manifest) => {
      manifest.content_scripts = [
        ...(manifest.content_scripts ?? []),
        { matches: WORKSECTION_HOSTS, js: ['worksection-bootstrap.js'], run_at: 'document_idle' },
      ];
    },
  },
  zip: {
    sourcesRoot: '.',
    excludeSources: ['.output/**', '.tmp/**', 'screenshots/**', 'node_modules/**'],
  },
});
