/**
 * The core's own messages: connecting, settings, the page bar's context,
 * diagnostics, and opening options. Features hear about a new or dropped
 * connection through their `onConnectionChanged`.
 */
import { browser } from 'wxt/browser';
import type { CallerPolicy, CoreMessages, Handlers } from '../messages';
import type { PageMessages } from '../page/protocol';
import { OAUTH_SCOPES } from '../worksection/oauth';
import { connect, connectionStatus, disconnect } from './connection';
import { oauthAppSummary, saveOAuthApp } from './oauth-app';
import { oauthRedirectUrl, signInWithWorksection } from './oauth-sign-in';
import { recentVisits, recordVisit } from './diagnostics';
import { keepDockPlace, keptDockPlace } from './dock-place';
import { pageContext } from './page-context';
import { getSettings, resetSettings, saveSettings, unreadableSettings } from './settings-store';

export function coreHandlers(connectionChanged: (connected: boolean) => Promise<void>): Handlers<CoreMessages & PageMessages> {
  return {
    'connection/connect': async ({ accountUrl, apiKey }) => {
      const summary = await connect(accountUrl, apiKey);
      await connectionChanged(true);
      return summary;
    },
    'connection/sign-in': async () => {
      const summary = await signInWithWorksection();
      await connectionChanged(true);
      return summary;
    },
    'oauth/app': async () => appView(await oauthAppSummary()),
    'oauth/save-app': async ({ clientId, clientSecret }) => appView(await saveOAuthApp({ clientId, clientSecret })),
    'connection/status': () => connectionStatus(),
    'connection/disconnect': async () => {
      await disconnect();
      await connectionChanged(false);
      return null;
    },
    'settings/get': () => getSettings(),
    'settings/save': ({ patch }) => saveSettings(patch),
    'settings/unreadable': () => unreadableSettings(),
    'settings/reset': () => resetSettings(),
    'ui/open-options': async ({ section }) => {
      await browser.tabs.create({ url: browser.runtime.getURL(`/options.html${section ? `#${section}` : ''}`) });
      return null;
    },
    'page/context': ({ page, origin }) => pageContext(page, origin),
    'page/dock': ({ place }) => (place === undefined ? keptDockPlace() : keepDockPlace(place)),
    'diagnostics/report': async (visit) => {
      await recordVisit(visit);
      return null;
    },
    'diagnostics/list': () => recentVisits(),
  };
}

function appView(app: { clientId: string; hasSecret: boolean; managed: boolean } | null) {
  return { clientId: app?.clientId ?? null, hasSecret: app?.hasSecret ?? false, redirectUrl: oauthRedirectUrl(), scopes: [...OAUTH_SCOPES], managed: app?.managed ?? false };
}

/** Connecting, disconnecting and saving settings only from options; the page bar reads settings, reports its visit and opens options. */
export const coreCallers: CallerPolicy<CoreMessages & PageMessages> = {
  'connection/connect': 'extension-pages',
  'connection/status': 'extension-pages',
  'connection/sign-in': 'extension-pages',
  'oauth/app': 'extension-pages',
  'oauth/save-app': 'extension-pages',
  'connection/disconnect': 'extension-pages',
  'settings/get': 'worksection-tabs',
  'settings/save': 'extension-pages',
  'settings/unreadable': 'extension-pages',
  'settings/reset': 'extension-pages',
  'ui/open-options': 'worksection-tabs',
  'page/context': 'worksection-tabs',
  'page/dock': 'worksection-tabs',
  'diagnostics/report': 'worksection-tabs',
  'diagnostics/list': 'extension-pages',
};
