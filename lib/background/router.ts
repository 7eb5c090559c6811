/**
 * The background's message router: one handler per message type, from the
 * features (features.ts); answers are Result values, so a failure reaches
 * the asking page as a sentence.
 *
 * Every message type declares who may send it (`Callers`, next to its
 * handlers). Who sent a message comes from the browser's `MessageSender`,
 * never from the message: a content script runs beside page scripts on a site
 * we don't control, so it may only ask what Worksection pages need, and only
 * about its own page's origin.
 */
import { browser, type Browser } from 'wxt/browser';
import { isEnvelope, type CallerPolicy, type Handlers, type Problem, type Result, type Sender } from '../messages';
import { t } from '../i18n';
import { toProblem } from './problems';
import { useChosenLanguage } from './language';

const forbidden = (message: string): Result<never> => ({ ok: false, problem: { kind: 'forbidden', message } satisfies Problem });

/** Whether `sender` may send a message of `type`; a Problem saying why not otherwise. */
export function refusal(callers: CallerPolicy, type: string, request: unknown, sender: Sender): Result<never> | null {
  if (!Object.hasOwn(callers, type)) return forbidden(t('problemForbidden', type));
  if (sender.caller === 'extension-page') return null;
  if (sender.caller !== 'content-script' || callers[type as keyof CallerPolicy] !== 'worksection-tabs') return forbidden(t('problemForbidden', type));
  // A content script speaks for its own page only: an origin in the request must be the sender's.
  if (typeof request === 'object' && request !== null && Object.hasOwn(request, 'origin')) {
    const named = (request as { origin?: unknown }).origin;
    if (sender.origin === undefined || named !== sender.origin) return forbidden(t('problemForeignOrigin', [type, String(sender.origin)]));
  }
  return null;
}

export async function route(handlers: Handlers, callers: CallerPolicy, message: unknown, sender: Sender): Promise<Result<unknown>> {
  // Own properties only: "toString" or "constructor" is no message type.
  if (!isEnvelope(message) || !Object.hasOwn(handlers, message.type)) {
    return { ok: false, problem: { kind: 'internal', message: 'Unknown message' } };
  }
  const refused = refusal(callers, message.type, message.request, sender);
  if (refused) return refused;
  const handler = handlers[message.type] as (request: unknown, from: Sender) => Promise<unknown>;
  try {
    return { ok: true, value: await handler(message.request, sender) };
  } catch (error) {
    return { ok: false, problem: toProblem(error) };
  }
}

/**
 * The browser's word on who sent a message. An extension page is a document
 * of our own origin (the popup, options opened in a tab, reports); a content
 * script is ours (same extension id) in a tab whose document is elsewhere.
 */
export function senderOf(raw: Browser.runtime.MessageSender, extensionId: string, extensionBase: string): Sender {
  const sender: Sender = { tabId: raw.tab?.id, url: raw.url };
  if (raw.id !== extensionId || raw.url === undefined) return sender;
  // A prefix, not URL.origin: that is "null" for extension schemes in some engines.
  if (raw.url.startsWith(extensionBase)) return { ...sender, caller: 'extension-page' };
  if (raw.tab === undefined) return sender;
  // Chrome names the frame's origin itself (right for about:blank frames too); Firefox has the URL only.
  const named = (raw as { origin?: string }).origin;
  let origin: string | undefined = named;
  if (origin === undefined) {
    try {
      origin = new URL(raw.url).origin;
    } catch {
      return sender;
    }
  }
  return /^https:\/\/[^/]+$/.test(origin) ? { ...sender, caller: 'content-script', origin } : sender;
}

/** Registered at the top level of the service worker, so a woken worker hears the message that woke it. */
export function listen(handlers: Handlers, callers: CallerPolicy): void {
  const extensionBase = browser.runtime.getURL('/');
  browser.runtime.onMessage.addListener(async (message, raw) => {
    // Answers (problems included) are in the chosen language: a woken worker loads it first.
    await useChosenLanguage();
    return route(handlers, callers, message, senderOf(raw, browser.runtime.id, extensionBase));
  });
}
