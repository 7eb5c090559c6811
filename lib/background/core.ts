/**
 * The core's own messages: connecting, settings, the page bar's context,
 * diagnostics, and opening options. Features hear about a new or dropped
 * connection through their `onConnectionChanged`.
 */
import { browser } from 'wxt/browser';
import type { CoreMessages, Handlers } from '../messages';
import type { PageMessages } from '../page/protocol';
import { connect, connectionStatus, disconnect } from './connection';
import { recentVisits, recordVisit } from './diagnostics';
import { pageContext } from './page-context';
import { getSettings, saveSettings } from './settings-store';

export function coreHandlers(connectionChanged: (connected: boolean) => Promise<void>): Handlers<CoreMessages & PageMessages> {
  return {
    'connection/connect': async ({ accountUrl, apiKey }) => {
      const summary = await connect(accountUrl, apiKey);
      await connectionChanged(true);
      return summary;
    },
    'connection/status': () => connectionStatus(),
    'connection/disconnect': async () => {
      await disconnect();
      await connectionChanged(false);
      return null;
    },
    'settings/get': () => getSettings(),
    'settings/save': ({ patch }) => saveSettings(patch),
    'ui/open-options': async ({ section }) => {
      await browser.tabs.create({ url: browser.runtime.getURL(`/options.html${section ? `#${section}` : ''}`) });
      return null;
    },
    'page/context': ({ page, origin }) => pageContext(page, origin),
    'diagnostics/report': async (visit) => {
      await recordVisit(visit);
      return null;
    },
    'diagnostics/list': () => recentVisits(),
  };
}
