/**
 * Write-back: account time becomes Worksection time costs on the thread's
 * task, one cost per thread and finished day, in batches.
 *
 * Idempotent across crashes: a journal row is written as `pending` BEFORE
 * each add_costs call and marked `sent` with the cost id AFTER it. A pending
 * row found later means the outcome is unknown (the worker died, or the
 * answer was lost); it is looked up in get_costs for that task and day by
 * the marker in the comment before anything is sent again.
 */
import type { AccountDeskDb } from '../../db';
import { periodOf } from '../../account-time/periods';
import {
  belongsToAccount,
  threadDays,
  wholeMinutes,
  WRITE_BACK_DAYS,
  writeBackComment,
  writeBackKey,
  writeBackMarker,
  type RefusalKind,
  type WriteBackEntry,
  type WriteBackRefusal,
} from '../../account-time/write-back';
import type { WriteBackOutcome } from '../../account-time/protocol';
import type { WorksectionClient } from '../../worksection/client';
import { WorksectionError } from '../../worksection/errors';

export interface WriteBackDeps {
  db: AccountDeskDb;
  client: WorksectionClient;
  timeZone: string;
  now: number;
  /** Whose time it is: required with the admin key, implied by an OAuth token. */
  emailUserFrom?: string;
  /** The connected account: only its sessions are written, never another account's. */
  origin: string;
  /** When it was connected (rows without an account count only after it: belongsToAccount). */
  connectedAt: number;
}


/** The finished days the batch covers, oldest first. */
export function writeBackDays(now: number, timeZone: string, count = WRITE_BACK_DAYS) {
  const today = periodOf('day', now, timeZone);
  const days: Array<{ date: string; from: number; to: number }> = [];
  let to = today.from;
  for (let back = 0; back < count; back++) {
    const day = periodOf('day', to - 1, timeZone);
    days.unshift({ date: day.firstDay, from: day.from, to: day.to });
    to = day.from;
  }
  return days;
}

export async function writeBack(deps: WriteBackDeps): Promise<WriteBackOutcome> {
  const { db, client, timeZone, now } = deps;
  const days = writeBackDays(now, timeZone);
  const first = days[0];
  const last = days.at(-1);
  if (!first || !last) return { sent: 0, recovered: 0, skipped: 0, refused: 0 };
  // Closed sessions only: an open one is still growing (and can't be in a finished day for long).
  // Another account's sessions stay local: their task ids mean nothing (or something else) here.
  const account = { origin: deps.origin, connectedAt: deps.connectedAt, knowsTask: await accountThreads(db, deps.origin) };
  const sessions = await db.sessions
    .where('start')
    .between(first.from - 24 * 3600_000, last.to, true, false)
    .filter((session) => session.open === 0 && belongsToAccount(session, account))
    .toArray();
  const outcome: WriteBackOutcome = { sent: 0, recovered: 0, skipped: 0, refused: 0 };

  for (const day of threadDays(sessions, days)) {
    const minutes = wholeMinutes(day.ms);
    const key = writeBackKey(day.taskId, day.date, deps.origin);
    // A row journaled before keys carried the account counts when it is this account's (or says no account).
    const legacy = await db.writeBack.get(writeBackKey(day.taskId, day.date));
    const journal = (await db.writeBack.get(key)) ?? (legacy && (legacy.origin === undefined || legacy.origin === deps.origin) ? legacy : undefined);
    // Sent, refused (until the user retries) or dismissed: not sent again by the batch.
    if ((journal && journal.status !== 'pending') || minutes < 1) {
      outcome.skipped++;
      continue;
    }
    if (journal?.status === 'pending') {
      const found = await findWritten(client, journal);
      if (found) {
        await db.writeBack.put({ ...journal, status: 'sent', costId: found, sentAt: Date.now() });
        outcome.recovered++;
        continue;
      }
    }
    const entry: WriteBackEntry = {
      key,
      taskId: day.taskId,
      projectId: day.projectId,
      date: day.date,
      minutes,
      comment: writeBackComment(day.taskId, day.date),
      status: 'pending',
      attemptedAt: Date.now(),
      origin: deps.origin,
    };
    if (journal && journal.key !== key) await db.writeBack.delete(journal.key); // an old-style pending row, not found: re-journaled under the new key
    await db.writeBack.put(entry); // before the call: a crash now leaves a pending row to check
    let id: string;
    try {
      ({ id } = await client.addCosts({ taskId: day.taskId, time: minutes, comment: entry.comment, date: day.date, emailUserFrom: deps.emailUserFrom }));
    } catch (error) {
      // A refusal created nothing: record why on this entry and go on with the
      // others. Anything ambiguous (network, 5xx) or account-wide (credentials,
      // rate limit) stops the batch with the entry pending, checked next time.
      if (!isRefusal(error)) throw error;
      await db.writeBack.put({ ...entry, status: 'refused', refusal: await refusalOf(client, error, day.projectId) });
      outcome.refused++;
      continue;
    }
    await db.writeBack.put({ ...entry, status: 'sent', costId: id, sentAt: Date.now() }); // after the call
    outcome.sent++;
  }
  return outcome;
}

/** Threads reply sync stored for `origin` (none while the stored ones are still another account's). */
async function accountThreads(db: AccountDeskDb, origin: string): Promise<(taskId: string) => boolean> {
  // Reply sync keeps one account's threads and says whose (replies/index.ts).
  if ((await db.state.get('replies.account'))?.value !== origin) return () => false;
  const ids = new Set(await db.threads.toCollection().primaryKeys());
  return (taskId) => ids.has(taskId);
}

function isRefusal(error: unknown): error is WorksectionError {
  return error instanceof WorksectionError && error.kind === 'api';
}

/** Task invalid (code 5) means deleted or hidden; a field refusal is read against the project's time rules. */
async function refusalOf(client: WorksectionClient, error: WorksectionError, projectId: string): Promise<WriteBackRefusal> {
  const refusal = (kind: RefusalKind): WriteBackRefusal => ({ kind, message: error.message, at: Date.now() });
  if (error.code === 5) return refusal('task-deleted');
  try {
    const options = (await client.getProject(projectId, { extra: ['options'] })).options ?? {};
    if (options.timer_only === 1) return refusal('timer-only');
    if (options.time_today === 1) return refusal('today-only');
  } catch {
    // The project itself may be gone: the server's words will do.
  }
  return refusal('other');
}

/** Retry: the entry is forgotten, so the next batch sends it again (its day must still be in the batch's week). */
export async function retryRefused(db: AccountDeskDb, key: string): Promise<void> {
  const entry = await db.writeBack.get(key);
  if (entry?.status === 'refused' || entry?.status === 'dismissed') await db.writeBack.delete(key);
}

/** Dismiss: the time stays in Account Desk and is never sent. */
export async function dismissRefused(db: AccountDeskDb, key: string): Promise<void> {
  const entry = await db.writeBack.get(key);
  if (entry?.status === 'refused') await db.writeBack.put({ ...entry, status: 'dismissed' });
}

/** Refused and dismissed entries, newest day first, for the reports page. */
export async function refusedEntries(db: AccountDeskDb): Promise<WriteBackEntry[]> {
  const rows = await db.writeBack.where('status').anyOf(['refused', 'dismissed']).toArray();
  return rows.sort((a, b) => b.date.localeCompare(a.date) || a.taskId.localeCompare(b.taskId));
}

/** The cost a pending entry may have created, by the marker in its comment. */
async function findWritten(client: WorksectionClient, entry: WriteBackEntry): Promise<string | undefined> {
  const { costs } = await client.getCosts({ taskId: entry.taskId, dateStart: entry.date, dateEnd: entry.date });
  const marker = writeBackMarker(entry.taskId, entry.date);
  return costs.find((cost) => cost.comment.includes(marker))?.id;
}
