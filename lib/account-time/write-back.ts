// Write-back journal rows: account time sent to Worksection as time costs,
// one entry per thread and finished day, journaled before and after each call.

/**
 * pending: about to be sent, or sent with the answer lost; sent: Worksection has it;
 * refused: Worksection said no (nothing was created), kept with its reason until
 * the user retries or dismisses it; dismissed: the user chose to keep it local.
 */
export type WriteBackStatus = 'pending' | 'sent' | 'refused' | 'dismissed';

/** Why Worksection refused an entry, in words the reports page shows. */
export type RefusalKind = 'task-deleted' | 'timer-only' | 'today-only' | 'other';

export interface WriteBackRefusal {
  kind: RefusalKind;
  /** Worksection's own words (cleaned of secrets), for "other" and for the curious. */
  message: string;
  at: number;
}

export interface WriteBackEntry {
  /** "origin|taskId|YYYY-MM-DD" ("taskId|YYYY-MM-DD" in rows journaled before): a thread's day is written once per account. */
  key: string;
  taskId: string;
  projectId: string;
  date: string;
  minutes: number;
  /** The comment on the cost; its marker finds the cost again after a crash. */
  comment: string;
  status: WriteBackStatus;
  /** Set once Worksection answered with the new cost's id. */
  costId?: string;
  attemptedAt: number;
  sentAt?: number;
  /** The account the time belongs to; absent in rows written before accounts were tracked. */
  origin?: string;
  /** Set while status is refused (and kept when dismissed). */
  refusal?: WriteBackRefusal;
}

/** Days written back: finished days (before today) this far back; older time stays local. */
export const WRITE_BACK_DAYS = 7;

/** The text Account Desk puts in a cost's comment; the marker finds it again in `get_costs`. */
export function writeBackComment(taskId: string, date: string): string {
  return `Account time (Account Desk) ${writeBackMarker(taskId, date)}`;
}

export function writeBackMarker(taskId: string, date: string): string {
  return `[account-desk:${taskId}:${date}]`;
}

/** Two accounts can have a task with the same id: the account is part of the key (rows journaled before it was have none). */
export const writeBackKey = (taskId: string, date: string, origin?: string): string => (origin === undefined ? `${taskId}|${date}` : `${origin}|${taskId}|${date}`);

/**
 * Whether a session or manual entry belongs to the account being written to.
 * A row from before accounts were tracked counts only when it started after
 * this connection was made, or is about a thread Account Desk synced from this
 * account; anything else may be another account's.
 */
export function belongsToAccount(
  row: { origin?: string; taskId?: string; start?: number; createdAt?: number },
  account: { origin: string; connectedAt: number; knowsTask: (taskId: string) => boolean },
): boolean {
  if (row.origin !== undefined) return row.origin === account.origin;
  const when = row.start ?? row.createdAt;
  if (when !== undefined && when >= account.connectedAt) return true;
  return row.taskId !== undefined && account.knowsTask(row.taskId);
}

export interface ThreadDay {
  taskId: string;
  projectId: string;
  date: string;
  ms: number;
}

/**
 * Session time per thread and calendar day (a session across midnight is
 * split), for `days` (ISO dates) with their [from, to) instants.
 */
export function threadDays(
  sessions: Iterable<{ taskId: string; projectId: string; start: number; end: number }>,
  days: ReadonlyArray<{ date: string; from: number; to: number }>,
): ThreadDay[] {
  const totals = new Map<string, ThreadDay>();
  for (const session of sessions) {
    for (const day of days) {
      const overlap = Math.min(session.end, day.to) - Math.max(session.start, day.from);
      if (overlap <= 0) continue;
      const key = writeBackKey(session.taskId, day.date);
      const row = totals.get(key) ?? { taskId: session.taskId, projectId: session.projectId, date: day.date, ms: 0 };
      row.ms += overlap;
      totals.set(key, row);
    }
  }
  return [...totals.values()].sort((a, b) => a.date.localeCompare(b.date) || a.taskId.localeCompare(b.taskId));
}

/** Whole minutes as Worksection stores them (rounded; under half a minute is not sent). */
export const wholeMinutes = (ms: number): number => Math.round(ms / 60_000);
