// The reply clock: how long a client has waited, in calendar and business
// minutes, and the state (ok / soon / late / escalated) the calendar wait is in.
import { BusinessCalendar, businessMinutesBetween } from './business-hours';
import { describeValue } from '../validate';
import type { BusinessHours, ReplyClock, ReplyState, ReplyThresholds } from './types';

const MINUTE_MS = 60_000;

/** DESIGN §2: soon from 10 minutes, late over 15 (the case study's target), escalated over 30. */
export const DEFAULT_REPLY_THRESHOLDS: Readonly<ReplyThresholds> = Object.freeze({ soon: 10, late: 15, escalated: 30 });

/** Thresholds are whole minutes; 30 days is far past any "escalated" worth a badge. */
export const MAX_THRESHOLD_MINUTES = 30 * 24 * 60;

/** What is wrong with `thresholds`, as "field: problem" lines (empty when nothing). */
export function validateReplyThresholds(thresholds: unknown): string[] {
  if (typeof thresholds !== 'object' || thresholds === null || Array.isArray(thresholds)) return ['expected an object'];
  const values = thresholds as Record<string, unknown>;
  const problems: string[] = [];
  for (const name of ['soon', 'late', 'escalated'] as const) {
    const value = values[name];
    if (!Number.isInteger(value) || (value as number) < 1 || (value as number) > MAX_THRESHOLD_MINUTES) {
      problems.push(`${name}: expected whole minutes from 1 to ${MAX_THRESHOLD_MINUTES}, got ${describeValue(value)}`);
    }
  }
  if (problems.length > 0) return problems;
  const { soon, late, escalated } = values as unknown as ReplyThresholds;
  if (late <= soon) problems.push(`late: must be more than soon (${soon})`);
  if (escalated <= late) problems.push(`escalated: must be more than late (${late})`);
  return problems;
}

/** The state of a wait of `calendarMinutes`: below soon ok; up to late soon; up to escalated late; past it escalated. */
export function replyState(calendarMinutes: number, thresholds: ReplyThresholds): ReplyState {
  if (calendarMinutes < thresholds.soon) return 'ok';
  if (calendarMinutes <= thresholds.late) return 'soon';
  if (calendarMinutes <= thresholds.escalated) return 'late';
  return 'escalated';
}

/** Whole calendar minutes from `waitingSince` to `now` (never negative: a clock skew reads as 0). */
export function calendarMinutesBetween(waitingSince: number, now: number): number {
  return now > waitingSince ? Math.floor((now - waitingSince) / MINUTE_MS) : 0;
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

function splitMinutes(minutes: number): { days: number; hours: number; mins: number } {
  if (!Number.isFinite(minutes) || minutes < 0) throw new RangeError(`A wait is a non-negative number of minutes, not ${minutes}`);
  const whole = Math.floor(minutes);
  return { days: Math.floor(whole / 1440), hours: Math.floor((whole % 1440) / 60), mins: whole % 60 };
}

/**
 * A badge's short wait: "0m", "23m", "2h 5m", "2h", "3d 4h", "3d". From a day
 * on, minutes are noise and are left out.
 */
export function formatWait(minutes: number): string {
  const { days, hours, mins } = splitMinutes(minutes);
  if (days > 0) return hours > 0 ? `${days}d ${hours}h` : `${days}d`;
  if (hours > 0) return mins > 0 ? `${hours}h ${mins}m` : `${hours}h`;
  return `${mins}m`;
}

const plural = (count: number, unit: string): string => `${count} ${unit}${count === 1 ? '' : 's'}`;

/** The same wait in words, for accessible names ("Client waiting " + this): "23 minutes", "2 hours 5 minutes", "3 days 4 hours". */
export function describeWait(minutes: number): string {
  const { days, hours, mins } = splitMinutes(minutes);
  if (days > 0) return hours > 0 ? `${plural(days, 'day')} ${plural(hours, 'hour')}` : plural(days, 'day');
  if (hours > 0) return mins > 0 ? `${plural(hours, 'hour')} ${plural(mins, 'minute')}` : plural(hours, 'hour');
  return plural(mins, 'minute');
}
