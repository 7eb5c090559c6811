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
  threadDays,
  wholeMinutes,
  WRITE_BACK_DAYS,
  writeBackComment,
  writeBackKey,
  writeBackMarker,
  type WriteBackEntry,
} from '../../account-time/write-back';
import type { WriteBackOutcome } from '../../account-time/protocol';
import type { WorksectionClient } from '../../worksection/client';

export interface WriteBackDeps {
  db: AccountDeskDb;
  client: WorksectionClient;
  timeZone: string;
  now: number;
  /** Whose time it is: required with the admin key, implied by an OAuth token. */
  emailUserFrom?: string;
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
  if (!first || !last) return { sent: 0, recovered: 0, skipped: 0 };
  // Closed sessions only: an open one is still growing (and can't be in a finished day for long).
  const sessions = await db.sessions.where('start').between(first.from - 24 * 3600_000, last.to, true, false).filter((session) => session.open === 0).toArray();
  const outcome: WriteBackOutcome = { sent: 0, recovered: 0, skipped: 0 };

  for (const day of threadDays(sessions, days)) {
    const minutes = wholeMinutes(day.ms);
    const key = writeBackKey(day.taskId, day.date);
    const journal = await db.writeBack.get(key);
    if (journal?.status === 'sent' || minutes < 1) {
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
    };
    await db.writeBack.put(entry); // before the call: a crash now leaves a pending row to check
    const { id } = await client.addCosts({ taskId: day.taskId, time: minutes, comment: entry.comment, date: day.date, emailUserFrom: deps.emailUserFrom });
    await db.writeBack.put({ ...entry, status: 'sent', costId: id, sentAt: Date.now() }); // after the call
    outcome.sent++;
  }
  return outcome;
}

/** The cost a pending entry may have created, by the marker in its comment. */
async function findWritten(client: WorksectionClient, entry: WriteBackEntry): Promise<string | undefined> {
  const { costs } = await client.getCosts({ taskId: entry.taskId, dateStart: entry.date, dateEnd: entry.date });
  const marker = writeBackMarker(entry.taskId, entry.date);
  return costs.find((cost) => cost.comment.includes(marker))?.id;
}
