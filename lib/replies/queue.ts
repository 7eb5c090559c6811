// Many threads at once: the waiting queue (popup), most urgent first, and the
// counts the toolbar badge shows. Business-hour windows are cached per
// `hours`, so 10,000 threads cost little more than their comments' walk.
import { businessCalendar } from './business-hours';
import { compareUrgency, replyClock, worstState } from './clock';
import { threadReplies } from './thread';
import type { BusinessHours, ReplyClock, ReplyState, ReplyThresholds, ThreadComment, ThreadReplies } from './types';

export interface QueueEntry<T> {
  thread: T;
  waiting: NonNullable<ThreadReplies['waiting']>;
  clock: ReplyClock;
}

/**
 * The waiting threads among `threads`, each with its reply clock at `now`,
 * most urgent first. Threads nobody waits on are left out.
 */
export function replyStates<T extends { comments: readonly ThreadComment[] }>(
  threads: Iterable<T>,
  now: number,
  hours: BusinessHours,
  thresholds: ReplyThresholds,
): QueueEntry<T>[] {
  const calendar = businessCalendar(hours);
  const queue: QueueEntry<T>[] = [];
  for (const thread of threads) {
    const { waiting } = threadReplies(thread.comments);
    if (waiting) queue.push({ thread, waiting, clock: replyClock(waiting.since, now, calendar, thresholds) });
  }
  return queue.sort((a, b) => compareUrgency(a.clock, b.clock));
}

export interface QueueSummary {
  counts: Record<ReplyState, number>;
  /** Late + escalated: the toolbar badge's number (0 → no badge text). */
  overdue: number;
  /** Worst state waiting, for the badge colour; undefined when nobody waits. */
  worst?: ReplyState;
}

export function summarizeQueue(clocks: Iterable<Pick<ReplyClock, 'state'>>): QueueSummary {
  const counts: Record<ReplyState, number> = { ok: 0, soon: 0, late: 0, escalated: 0 };
  let worst: ReplyState | undefined;
  for (const { state } of clocks) {
    counts[state]++;
    worst = worstState(worst, state);
  }
  const overdue = counts.late + counts.escalated;
  return worst === undefined ? { counts, overdue } : { counts, overdue, worst };
}
