// Account time's message shapes (registered in lib/messages.ts `Protocol`).
import type { ProjectTimeSummary } from '../background/account-time/queries';
import type { WriteBackOutcome } from '../background/account-time/write-back';
import type { AccountTimeReport } from '../background/account-time/report';
import type { Backup } from '../background/account-time/backup';
import type { ManualEntry, StopReason } from './types';
import type { WriteBackEntry } from './write-back';

export type { PeriodSummary, ProjectTimeSummary } from '../background/account-time/queries';

/** What a task page needs to know to capture and to show "time in this thread". */
export interface ThreadTime {
  taskId: string;
  projectId: string;
  clientThread: boolean;
  /** Time in this thread today (ms), up to the last heartbeat. */
  todayMs: number;
  /** Whether this tab owns the open session. */
  counting: boolean;
  paused: boolean;
  idleSeconds: number;
}

export type TimeMessageType = keyof TimeMessages;

export interface TimeMessages {
  'time/thread': { request: { origin: string; taskId: string }; response: ThreadTime | null };
  'time/heartbeat': {
    request: { origin: string; taskId: string; projectId: string; lastActivityAt: number; focusedAt: number; pageId: string };
    response: { counting: boolean; todayMs: number };
  };
  'time/stop': { request: { lastActivityAt: number; reason: StopReason }; response: null };
  'time/project': { request: { origin: string; projectId: string }; response: ProjectTimeSummary | null };
  'time/pause': { request: { paused: boolean }; response: { paused: boolean } };
  'time/status': { request: Record<string, never>; response: { paused: boolean; counting: { taskId: string; projectId: string; since: number } | null } };
  'time/entries': { request: { projectId: string }; response: ManualEntry[] };
  'time/entry-save': { request: { entry: Omit<ManualEntry, 'createdAt' | 'id'> & { id?: number } }; response: ManualEntry };
  'time/entry-delete': { request: { id: number }; response: null };
  /** Write account time back now; null when write-back is off or not connected. */
  'time/write-back': { request: Record<string, never>; response: WriteBackOutcome | null };
  'time/report': { request: { months: number }; response: AccountTimeReport };
  /** The whole database as JSON ("Your data"); credentials are never in it. */
  'time/export': { request: Record<string, never>; response: Backup };
  /** Replaces the whole database; nothing changes when the file has any problem. */
  'time/import': { request: { backup: unknown }; response: { tables: Record<string, number> } };
  /** Write-back entries Worksection refused (and those the user dismissed), with their reasons. */
  'time/refused': { request: Record<string, never>; response: RefusedEntryView[] };
  /** Retry sends the entry again now; Dismiss keeps its time local for good. */
  'time/refused-act': { request: { key: string; act: 'retry' | 'dismiss' }; response: RefusedEntryView[] };
}

/** A refused write-back entry as the reports page lists it. */
export interface RefusedEntryView {
  entry: WriteBackEntry;
  /** The thread's name when Account Desk knows it. */
  taskName?: string;
  /** Set when the entry belongs to an account other than the connected one (its host). */
  otherAccount?: string;
}
