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
    // alarms: the reply sync's poll; notifications: late and escalated client threads.
    permissions: ['storage', 'alarms', 'notifications'],
    host_permissions: WORKSECTION_HOSTS,
    optional_host_permissions: ['https://*/*'],
    action: { default_title: '__MSG_extName__' },
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
  zip: {
    sourcesRoot: '.',
    excludeSources: ['.output/**', '.tmp/**', 'screenshots/**', 'node_modules/**'],
  },
});
