/**
 * The background's message router: one handler per message type, answers as
 * Result values so a failure reaches the asking page as a sentence.
 */
import { browser } from 'wxt/browser';
import { isEnvelope, type Handlers, type Result } from '../messages';
import { connect, connectionStatus, disconnect } from './connection';
import { recentVisits, recordVisit } from './diagnostics';
import { pageContext } from './page-context';
import { toProblem } from './problems';
import { refreshSurfaces, replyTimes, runSync, syncStatus, waitingInProject, waitingTask, waitingThreads } from './replies';
import { getSettings, saveSettings } from './settings-store';
import { accountTimeHandlers } from './account-time';
import { templateHandlers } from './templates/handlers';
import { wireHandlers } from './wire';

const handlers: Handlers = {
  'connection/connect': async ({ accountUrl, apiKey }) => {
    const summary = await connect(accountUrl, apiKey);
    void runSync(); // the first sync starts at once; the popup shows its progress
    return summary;
  },
  'connection/status': () => connectionStatus(),
  'connection/disconnect': async () => {
    await disconnect();
    await refreshSurfaces();
    return null;
  },
  'page/context': ({ page, origin }) => pageContext(page, origin),
  'diagnostics/report': async (visit) => {
    await recordVisit(visit);
    return null;
  },
  'diagnostics/list': () => recentVisits(),
  'replies/queue': async () => {
    const connection = await connectionStatus();
    const threads = connection ? await waitingThreads(connection.origin, await getSettings()) : [];
    return { threads, status: connection ? await syncStatus() : { phase: 'not-connected' } };
  },
  'replies/project': ({ origin, projectId }) => waitingInProject(origin, projectId),
  'replies/task': ({ origin, taskId }) => waitingTask(origin, taskId),
  'sync/now': () => runSync(),
  'settings/get': () => getSettings(),
  'settings/save': ({ patch }) => saveSettings(patch),
  'reports/reply-times': ({ from, to, measure }) => replyTimes(from, to, measure),
  // [account-time handlers]
  ...accountTimeHandlers,
  // [templates handlers]
  ...templateHandlers,
  ...wireHandlers,
  'ui/open-options': async ({ section }) => {
    await browser.tabs.create({ url: browser.runtime.getURL(`/options.html${section ? `#${section}` : ''}`) });
    return null;
  },
};

export async function route(message: unknown, sender: { tabId?: number; url?: string }): Promise<Result<unknown>> {
  if (!isEnvelope(message) || !(message.type in handlers)) {
    return { ok: false, problem: { kind: 'internal', message: 'Unknown message' } };
  }
  const handler = handlers[message.type] as (request: unknown, from: typeof sender) => Promise<unknown>;
  try {
    return { ok: true, value: await handler(message.request, sender) };
  } catch (error) {
    return { ok: false, problem: toProblem(error) };
  }
}

/** Registered at the top level of the service worker, so a woken worker hears the message that woke it. */
export function listen(): void {
  browser.runtime.onMessage.addListener((message, sender) =>
    route(message, { tabId: sender.tab?.id, url: sender.url }),
  );
}
