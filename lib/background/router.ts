/**
 * The background's message router: one handler per message type, from the
 * features (features.ts); answers are Result values, so a failure reaches
 * the asking page as a sentence.
 */
import { browser } from 'wxt/browser';
import { isEnvelope, type Handlers, type Result, type Sender } from '../messages';
import { toProblem } from './problems';

export async function route(handlers: Handlers, message: unknown, sender: Sender): Promise<Result<unknown>> {
  // Own properties only: "toString" or "constructor" is no message type.
  if (!isEnvelope(message) || !Object.hasOwn(handlers, message.type)) {
    return { ok: false, problem: { kind: 'internal', message: 'Unknown message' } };
  }
  const handler = handlers[message.type] as (request: unknown, from: Sender) => Promise<unknown>;
  try {
    return { ok: true, value: await handler(message.request, sender) };
  } catch (error) {
    return { ok: false, problem: toProblem(error) };
  }
}

/** Registered at the top level of the service worker, so a woken worker hears the message that woke it. */
export function listen(handlers: Handlers): void {
  browser.runtime.onMessage.addListener((message, sender) => route(handlers, message, { tabId: sender.tab?.id, url: sender.url }));
}
