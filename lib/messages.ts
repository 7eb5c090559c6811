/**
 * How the content script, the extension pages and the background talk. The
 * background owns data and API calls; other contexts ask it through `ask()`.
 * Each feature declares its own messages next to its code (its
 * `protocol.ts`); the protocol is their union, and the background registers
 * each feature's handlers (lib/background/features.ts).
 */
import { browser } from 'wxt/browser';
import type { ActingAsMessages } from './acting-as/protocol';
import type { TimeMessages } from './account-time/protocol';
import type { PageMessages } from './page/protocol';
import type { PolicyMessages } from './policy/protocol';
import type { QuickReplyMessages } from './quick-replies/protocol';
import type { ReplyMessages } from './replies/protocol';
import type { StatusReportMessages } from './status-report/protocol';
import type { TemplateMessages } from './templates/protocol';
import type { WireMessages } from './worksection/protocol';
import type { DeepPartial, Settings } from './settings';
import { t } from './i18n';

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
  /** The signed-in person (`me`), with an OAuth sign-in. */
  userId?: string;
  userEmail?: string;
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

/** Stored settings that could not be read: why, and their text as stored. */
export interface UnreadableSettings {
  problems: string[];
  text: string;
  /** When they were first found unreadable. */
  at: number;
}

/** The OAuth app sign-in uses, as options shows it: never the secret itself. */
export interface OAuthAppView {
  clientId: string | null;
  hasSecret: boolean;
  /** The exact redirect URL to register with the app in Worksection. */
  redirectUrl: string;
  scopes: string[];
  /** Set up by the organization's policy: options shows it and cannot change it. */
  managed?: boolean;
}

/** The core's own messages: the connection, settings, and opening options. */
export interface CoreMessages {
  'connection/connect': { request: { accountUrl: string; apiKey: string }; response: AccountSummary };
  'connection/status': { request: None; response: AccountSummary | null };
  'connection/disconnect': { request: None; response: null };
  /** "Sign in with Worksection": the consent window, then the connection as that person. */
  'connection/sign-in': { request: None; response: AccountSummary };
  /** The agency's OAuth app as options may show it (never the secret), the redirect URL to register and the scopes asked. */
  'oauth/app': { request: None; response: OAuthAppView };
  /** Keeps the app's client id and secret (an empty secret keeps the stored one). */
  'oauth/save-app': { request: { clientId: string; clientSecret: string }; response: OAuthAppView };
  'settings/get': { request: None; response: Settings };
  'settings/save': { request: { patch: DeepPartial<Settings> }; response: Settings };
  /** Stored settings this version can't read (the defaults are in use meanwhile); null when they are fine. */
  'settings/unreadable': { request: None; response: UnreadableSettings | null };
  /** Saves the defaults over unreadable settings (a copy of those stays aside). */
  'settings/reset': { request: None; response: Settings };
  'ui/open-options': { request: { section?: 'connection' | 'diagnostics' | 'replies' }; response: null };
}

/** Request and response types, by message type: every feature's messages. */
export interface Protocol extends CoreMessages, PageMessages, ReplyMessages, TimeMessages, TemplateMessages, StatusReportMessages, WireMessages, PolicyMessages, ActingAsMessages, QuickReplyMessages {}

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
      return { ok: false, problem: { kind: 'internal', message: t('problemNoAnswer', type) } };
    }
    return reply;
  } catch (error) {
    return { ok: false, problem: { kind: 'internal', message: String((error as Error)?.message ?? error) } };
  }
}

/**
 * Who sent a message, as the browser says (never as the message says): the
 * router fills it in from `runtime.MessageSender` (lib/background/router.ts).
 */
export interface Sender {
  tabId?: number;
  url?: string;
  /** An extension page (options, popup, reports) or Account Desk's content script in a web page; absent for anyone else. */
  caller?: 'extension-page' | 'content-script';
  /** The web page's origin, for a content script: the only origin its requests may name. */
  origin?: string;
}

/**
 * Who may send a message. Extension pages may send every message;
 * 'worksection-tabs' also lets Account Desk's content script in a Worksection
 * tab send it. Anything that changes the connection, the settings or whole
 * tables is 'extension-pages' only: a page script that got hold of our
 * content script's world must not reach it.
 */
export type Callers = 'extension-pages' | 'worksection-tabs';

/** Each message's callers (a feature's own messages; all of them by default): a missing entry is a type error. */
export type CallerPolicy<M = Protocol> = { readonly [K in keyof M]: Callers };

/** The background's answer to each message of `M` (a feature's own messages; all of them by default). */
export type Handlers<M extends { [K in keyof M]: { request: unknown; response: unknown } } = Protocol> = {
  [K in keyof M]: (request: M[K]['request'], sender: Sender) => Promise<M[K]['response']>;
};

export function isEnvelope(message: unknown): message is Envelope {
  return typeof message === 'object' && message !== null && typeof (message as Envelope).type === 'string';
}
