// The reply feature's messages (part of lib/messages.ts `Protocol`) and the values they carry.
import type { Problem } from '../messages';
import type { ReplyTimeRow } from './report';
import type { BusinessRun, Person, ReplyClock } from './types';

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
  /** How the clock's business minutes run on from here (pages move badges on with it). */
  business: BusinessRun;
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

type None = Record<string, never>;

export interface ReplyMessages {
  'replies/queue': { request: None; response: { threads: WaitingThread[]; status: SyncStatus } };
  'replies/project': { request: { origin: string; projectId: string }; response: WaitingThread[] };
  'replies/task': { request: { origin: string; taskId: string }; response: WaitingThread | null };
  'sync/now': { request: None; response: SyncStatus };
  /** The user sent a comment in this task from this browser: re-read it now (a content script's origin is its page's). */
  'replies/sent': {
    request: { origin: string; taskId: string };
    response: { reread: true; waiting: boolean } | { reread: false; reason: 'not-connected' | 'other-account' | 'rate-limited' | 'not-a-task' | 'off' };
  };
  'reports/reply-times': {
    request: { from: number; to: number; measure: 'calendar' | 'business' };
    response: ReplyTimesReport;
  };
}
