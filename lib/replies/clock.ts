// The reply clock: how long a client has waited, in calendar and business
// minutes, and the state (ok / soon / late / escalated) the calendar wait is in.
import { BusinessCalendar, businessCalendar, businessMinutesBetween } from './business-hours';
import { describeValue, inputProblem, type InputProblem } from '../validate';
import { calendarMinutesBetween, replyState } from './wait';
import type { BusinessHours, BusinessRun, ReplyClock, ReplyState, ReplyThresholds } from './types';

export { calendarMinutesBetween, describeWait, formatWait, replyState, runningClock } from './wait';

/** DESIGN §2: soon from 10 minutes, late over 15 (the case study's target), escalated over 30. */
export const DEFAULT_REPLY_THRESHOLDS: Readonly<ReplyThresholds> = Object.freeze({ soon: 10, late: 15, escalated: 30 });

/** Thresholds are whole minutes; 30 days is far past any "escalated" worth a badge. */
export const MAX_THRESHOLD_MINUTES = 30 * 24 * 60;

/** What is wrong with `thresholds`, each problem's path a field ("late"); empty when nothing. */
export function validateReplyThresholds(thresholds: unknown): InputProblem[] {
  if (typeof thresholds !== 'object' || thresholds === null || Array.isArray(thresholds)) return [inputProblem('', 'inputNotObject', describeValue(thresholds))];
  const values = thresholds as Record<string, unknown>;
  const problems: InputProblem[] = [];
  for (const name of ['soon', 'late', 'escalated'] as const) {
    const value = values[name];
    if (!Number.isInteger(value) || (value as number) < 1 || (value as number) > MAX_THRESHOLD_MINUTES) {
      problems.push(inputProblem(name, 'inputNotWholeMinutes', 1, MAX_THRESHOLD_MINUTES, describeValue(value)));
    }
  }
  if (problems.length > 0) return problems;
  const { soon, late, escalated } = values as unknown as ReplyThresholds;
  if (late <= soon) problems.push(inputProblem('late', 'inputNotMoreThan', 'soon', soon));
  if (escalated <= late) problems.push(inputProblem('escalated', 'inputNotMoreThan', 'late', late));
  return problems;
}

/**
 * The reply clock of a thread waiting since `waitingSince` (ms), read at `now`
 * (ms). For many threads pass `businessCalendar(hours)` once instead of `hours`.
 */
export function replyClock(
  waitingSince: number,
  now: number,
  hours: BusinessHours | BusinessCalendar,
  thresholds: ReplyThresholds,
): ReplyClock {
  if (!Number.isFinite(waitingSince) || !Number.isFinite(now)) {
    throw new RangeError(`replyClock needs finite instants, got ${waitingSince} and ${now}`);
  }
  const calendarMinutes = calendarMinutesBetween(waitingSince, now);
  return {
    calendarMinutes,
    businessMinutes: businessMinutesBetween(waitingSince, now, hours),
    state: replyState(calendarMinutes, thresholds),
  };
}

/**
 * The business time of a wait since `waitingSince`, read at `now`, and how
 * it runs on (see `runningClock` in wait.ts, which pages use to move it on).
 */
export function businessRun(waitingSince: number, now: number, hours: BusinessHours | BusinessCalendar): BusinessRun {
  const calendar = hours instanceof BusinessCalendar ? hours : businessCalendar(hours);
  // A wait that starts later (a skewed clock) runs from its start.
  const at = Math.max(now, waitingSince);
  return { at, workedMs: calendar.msBetween(waitingSince, at), ...calendar.runAt(at) };
}

const SEVERITY: Record<ReplyState, number> = { ok: 0, soon: 1, late: 2, escalated: 3 };

/** Sort comparator for a queue, most urgent first: worse state, then the longer wait. */
export function compareUrgency(a: Pick<ReplyClock, 'state' | 'calendarMinutes'>, b: Pick<ReplyClock, 'state' | 'calendarMinutes'>): number {
  return SEVERITY[b.state] - SEVERITY[a.state] || b.calendarMinutes - a.calendarMinutes;
}

/** The worse of two states (undefined counts as nothing waiting). */
export function worstState(a: ReplyState | undefined, b: ReplyState | undefined): ReplyState | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return SEVERITY[a] >= SEVERITY[b] ? a : b;
}
