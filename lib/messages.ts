/**
 * How the content script, the extension pages and the background talk. The
 * background owns data and API calls; other contexts ask it through `ask()`.
 * Each feature declares its own messages next to its code (its
 * `protocol.ts`); the protocol is their union, and the background registers
 * each feature's handlers (lib/background/features.ts).
 */
import { browser } from 'wxt/browser';
import type { TimeMessages } from './account-time/protocol';
import type { PageMessages } from './page/protocol';
import type { ReplyMessages } from './replies/protocol';
import type { TemplateMessages } from './templates/protocol';
import type { DeepPartial, Settings } from './settings';

/** A failure that crosses contexts: a kind to branch on and a sentence to show. */
export interface Problem {
  kind: string;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; problem: Problem };

export interface AccountSummary {
  origin: string;
  host: string;
  authKind: 'admin' | 'oauth';
  /** The OAuth user's name, or the account owner's for an admin key. */
  userName?: string;
  users: number;
  clientTeams: number;
  projects: number;
  connectedAt: number;
}

/**
 * What the background announces to Worksection tabs and extension pages.
 * (A push, not a storage key: storage.onChanged would also carry the
 * credentials into content scripts.)
 */
export type Push = { type: 'push/replies-changed' } | { type: 'push/settings-changed' };

export function isPush(message: unknown): message is Push {
  const type = (message as Push | undefined)?.type;
  return type === 'push/replies-changed' || type === 'push/settings-changed';
}

/** Listen to the background's announcements; returns the unsubscribe function. */
export function onPush(listener: (push: Push) => void): () => void {
  const receive = (message: unknown) => {
    if (isPush(message)) listener(message);
    // Nothing returned: this listener never answers messages.
  };
  browser.runtime.onMessage.addListener(receive);
  return () => browser.runtime.onMessage.removeListener(receive);
}

type None = Record<string, never>;

/** The core's own messages: the connection, settings, and opening options. */
export interface CoreMessages {
  'connection/connect': { request: { accountUrl: string; apiKey: string }; response: AccountSummary };
  'connection/status': { request: None; response: AccountSummary | null };
  'connection/disconnect': { request: None; response: null };
  'settings/get': { request: None; response: Settings };
  'settings/save': { request: { patch: DeepPartial<Settings> }; response: Settings };
  'ui/open-options': { request: { section?: 'connection' | 'diagnostics' | 'replies' }; response: null };
}

/** Request and response types, by message type: every feature's messages. */
export interface Protocol extends CoreMessages, PageMessages, ReplyMessages, TimeMessages, TemplateMessages {}

export type MessageType = keyof Protocol;

export interface Envelope<K extends MessageType = MessageType> {
  type: K;
  request: Protocol[K]['request'];
}

/** Ask the background; a missing or broken background becomes a Problem, not a throw. */
export async function ask<K extends MessageType>(
  type: K,
  request: Protocol[K]['request'],
): Promise<Result<Protocol[K]['response']>> {
  try {
    const reply = (await browser.runtime.sendMessage({ type, request } satisfies Envelope<K>)) as
      | Result<Protocol[K]['response']>
      | undefined;
    if (!reply || typeof reply !== 'object' || !('ok' in reply)) {
      return { ok: false, problem: { kind: 'internal', message: `No answer from the background for ${type}` } };
    }
    return reply;
  } catch (error) {
    return { ok: false, problem: { kind: 'internal', message: String((error as Error)?.message ?? error) } };
  }
}

export interface Sender {
  tabId?: number;
  url?: string;
}

/** The background's answer to each message of `M` (a feature's own messages; all of them by default). */
export type Handlers<M extends { [K in keyof M]: { request: unknown; response: unknown } } = Protocol> = {
  [K in keyof M]: (request: M[K]['request'], sender: Sender) => Promise<M[K]['response']>;
};

export function isEnvelope(message: unknown): message is Envelope {
  return typeof message === 'object' && message !== null && typeof (message as Envelope).type === 'string';
}
