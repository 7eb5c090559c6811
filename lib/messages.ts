/**
 * Every message between the content script, the extension pages and the
 * background, typed in one place. The background owns data and API calls;
 * other contexts ask it through `ask()`.
 */
import { browser } from 'wxt/browser';
import type { TimeMessages } from './account-time/protocol';
import type { TemplateMessages } from './templates/protocol';
import type { WireMessages } from './worksection/protocol';
import type { ReplyTimeRow } from './replies/report';
import type { Person, ReplyClock } from './replies/types';
import type { DeepPartial, Settings } from './settings';
import type { WorksectionPage } from './worksection/paths';

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

export interface PageContext {
  projectName?: string;
  clientName?: string;
  taskName?: string;
  taskStatus?: 'active' | 'done';
}

export interface AnchorReport {
  /** Anchor key from lib/page/selectors.ts. */
  name: string;
  found: boolean;
  /** Which alternative matched, for maintainers reading diagnostics. */
  selector?: string;
}

export interface PageVisit {
  id?: number;
  url: string;
  pageKind: WorksectionPage['kind'];
  placement: 'anchor' | 'dock';
  anchors: AnchorReport[];
  visitedAt: number;
}

/** A client thread waiting for a reply, with its clock now. */
export interface WaitingThread {
  taskId: string;
  projectId: string;
  projectName: string;
  taskName: string;
  /** The thread at the waiting client comment: https://…/project/P/T/#comID */
  url: string;
  client: Person;
  waitingSince: number;
  clock: ReplyClock;
}

export interface SyncStatus {
  phase: 'not-connected' | 'never' | 'syncing' | 'ok' | 'problem';
  lastSyncAt?: number;
  /** The last failure; kept while `phase` is problem. */
  problem?: Problem & { at: number };
  progress?: { done: number; total: number };
}

export interface ReplyTimesReport {
  byProject: ReplyTimeRow[];
  byClient: ReplyTimeRow[];
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

/** Request and response types, by message type. */
export interface Protocol {
  'connection/connect': { request: { accountUrl: string; apiKey: string }; response: AccountSummary };
  'connection/status': { request: Record<string, never>; response: AccountSummary | null };
  'connection/disconnect': { request: Record<string, never>; response: null };
  'page/context': { request: { page: WorksectionPage; origin: string }; response: PageContext | null };
  'diagnostics/report': { request: Omit<PageVisit, 'id'>; response: null };
  'diagnostics/list': { request: Record<string, never>; response: PageVisit[] };
  'ui/open-options': { request: { section?: 'connection' | 'diagnostics' | 'replies' }; response: null };
  'replies/queue': { request: Record<string, never>; response: { threads: WaitingThread[]; status: SyncStatus } };
  'replies/project': { request: { origin: string; projectId: string }; response: WaitingThread[] };
  'replies/task': { request: { origin: string; taskId: string }; response: WaitingThread | null };
  'sync/now': { request: Record<string, never>; response: SyncStatus };
  'settings/get': { request: Record<string, never>; response: Settings };
  'settings/save': { request: { patch: DeepPartial<Settings> }; response: Settings };
  'reports/reply-times': {
    request: { from: number; to: number; measure: 'calendar' | 'business' };
    response: ReplyTimesReport;
  };
  // [account-time messages]
  'time/thread': TimeMessages['time/thread'];
  'time/heartbeat': TimeMessages['time/heartbeat'];
  'time/stop': TimeMessages['time/stop'];
  'time/project': TimeMessages['time/project'];
  'time/pause': TimeMessages['time/pause'];
  'time/status': TimeMessages['time/status'];
  'time/entries': TimeMessages['time/entries'];
  'time/entry-save': TimeMessages['time/entry-save'];
  'time/entry-delete': TimeMessages['time/entry-delete'];
  'time/write-back': TimeMessages['time/write-back'];
  'time/report': TimeMessages['time/report'];
  'time/export': TimeMessages['time/export'];
  'time/import': TimeMessages['time/import'];
  'time/refused': TimeMessages['time/refused'];
  'time/refused-act': TimeMessages['time/refused-act'];
  // [templates messages]
  'templates/library': TemplateMessages['templates/library'];
  'templates/template': TemplateMessages['templates/template'];
  'templates/people': TemplateMessages['templates/people'];
  'templates/apply': TemplateMessages['templates/apply'];
  'templates/applications': TemplateMessages['templates/applications'];
  'templates/application': TemplateMessages['templates/application'];
  'templates/resume': TemplateMessages['templates/resume'];
  'templates/cancel': TemplateMessages['templates/cancel'];
  'templates/checklists': TemplateMessages['templates/checklists'];
  'templates/insert-checklist': TemplateMessages['templates/insert-checklist'];
  'templates/remember-checklist': TemplateMessages['templates/remember-checklist'];
  'templates/personal/list': TemplateMessages['templates/personal/list'];
  'templates/personal/save': TemplateMessages['templates/personal/save'];
  'templates/personal/duplicate': TemplateMessages['templates/personal/duplicate'];
  'templates/personal/delete': TemplateMessages['templates/personal/delete'];
  'templates/personal/move': TemplateMessages['templates/personal/move'];
  'templates/personal/import': TemplateMessages['templates/personal/import'];
  'templates/personal/export': TemplateMessages['templates/personal/export'];
  'templates/save-task': TemplateMessages['templates/save-task'];
  'templates/projects': TemplateMessages['templates/projects'];
  'wire/status': WireMessages['wire/status'];
}

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

export type Handlers = {
  [K in MessageType]: (request: Protocol[K]['request'], sender: { tabId?: number; url?: string }) => Promise<Protocol[K]['response']>;
};

export function isEnvelope(message: unknown): message is Envelope {
  return typeof message === 'object' && message !== null && typeof (message as Envelope).type === 'string';
}
