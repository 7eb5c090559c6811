/**
 * The background's message router: one handler per message type, answers as
 * Result values so a failure reaches the asking page as a sentence.
 */
import { browser } from 'wxt/browser';
import { isEnvelope, type Handlers, type Problem, type Result } from '../messages';
import { WorksectionError } from '../worksection';
import { connect, ConnectProblem, connectionStatus, disconnect } from './connection';
import { recentVisits, recordVisit } from './diagnostics';
import { pageContext } from './page-context';

const handlers: Handlers = {
  'connection/connect': ({ accountUrl, apiKey }) => connect(accountUrl, apiKey),
  'connection/status': () => connectionStatus(),
  'connection/disconnect': async () => {
    await disconnect();
    return null;
  },
  'page/context': ({ page, origin }) => pageContext(page, origin),
  'diagnostics/report': async (visit) => {
    await recordVisit(visit);
    return null;
  },
  'diagnostics/list': () => recentVisits(),
  'ui/open-options': async ({ section }) => {
    await browser.tabs.create({ url: browser.runtime.getURL(`/options.html${section ? `#${section}` : ''}`) });
    return null;
  },
};

export function toProblem(error: unknown): Problem {
  if (error instanceof ConnectProblem) return { kind: error.kind, message: error.message };
  if (error instanceof WorksectionError) return { kind: error.kind, message: error.message };
  return { kind: 'internal', message: String((error as Error)?.message ?? error) };
}

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
