// Account time's message shapes (part of lib/messages.ts `Protocol`) and the values they carry.
import type { Problem } from '../messages';
import type { Settings } from '../settings';
import type { PeriodKind } from './periods';
import type { AccountTimeReportRow } from './report';
import type { AccountShare } from './share';
import type { ManualEntry, StopReason } from './types';
import type { WriteBackEntry } from './write-back';

export const BACKUP_FORMAT = 'account-desk-backup';
/** The largest backup imported; options checks the file's size before reading it, the background the content's. */
export const BACKUP_MAX_BYTES = 20 * 1024 * 1024;

export interface PeriodSummary {
  kind: PeriodKind | 'month-back';
  /** "YYYY-MM" for months, else the first day. */
  label: string;
  firstDay: string;
  lastDay: string;
  accountMs: number;
  /** Null when project time could not be read. */
  loggedMinutes: number | null;
  share: AccountShare | null;
  cost: number | null;
  /**
   * Time recorded for another account's project with the same id, by host:
   * not in `accountMs`, the share or the cost, and never written to this account.
   */
  otherAccounts?: Array<{ host: string; ms: number }>;
}

export interface ProjectTimeSummary {
  projectId: string;
  today: PeriodSummary;
  week: PeriodSummary;
  month: PeriodSummary;
  /** The last six months, oldest first (the current one last). */
  trend: PeriodSummary[];
  thresholds: Settings['accountTime']['shareThresholds'];
  hourlyRate: number | null;
  /** The zone days, weeks and months are counted in. */
  timeZone: string;
  /** Set when project time could not be read for some period. */
  problem?: Problem;
}

export interface WriteBackOutcome {
  sent: number;
  /** Pending entries found already in Worksection (a crash after the call). */
  recovered: number;
  skipped: number;
  /** Entries Worksection refused this time; each keeps its reason, the others went on. */
  refused: number;
}

export interface AccountTimeReport {
  months: string[];
  rows: AccountTimeReportRow[];
  /** Project hours could not be read: shares are missing. */
  problem?: Problem;
}

export interface Backup {
  format: typeof BACKUP_FORMAT;
  schemaVersion: number;
  exportedAt: string;
  tables: Record<string, unknown[]>;
}

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
  /** Checks a backup as `time/import` would and counts the rows it would replace, per table (for the confirmation). */
  'time/import-check': { request: { backup: unknown }; response: { current: Record<string, number>; incoming: Record<string, number> } };
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
