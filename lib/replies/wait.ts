// A wait as a page shows it: its state, its short and spoken forms, and its
// clock moved on from the background's last reading. Nothing here needs a
// calendar or a time zone: pages load this, and a time zone's first use costs
// a page load more than all of Account Desk's own code (the background reads
// business hours, see `BusinessRun`). Words come from the active language
// (plural forms through `Intl.PluralRules`, which needs no time zone data).
import { t, tn } from '../i18n';
import type { BusinessRun, ReplyClock, ReplyState, ReplyThresholds } from './types';

const MINUTE_MS = 60_000;

/** The state of a wait of `calendarMinutes`: below soon ok; up to late soon; up to escalated late; past it escalated. */
export function replyState(calendarMinutes: number, thresholds: ReplyThresholds): ReplyState {
  if (calendarMinutes < thresholds.soon) return 'ok';
  if (calendarMinutes <= thresholds.late) return 'soon';
  if (calendarMinutes <= thresholds.escalated) return 'late';
  return 'escalated';
}

/**
 * When a thread waiting since `waitingSince` next changes state after `now`
 * (soon at `soon` minutes, late past `late`, escalated past `escalated`), or
 * undefined once it is escalated.
 */
export function nextStateChangeAt(waitingSince: number, now: number, thresholds: ReplyThresholds): number | undefined {
  // Whole minutes at which replyState changes: soon, late + 1, escalated + 1.
  for (const minutes of [thresholds.soon, thresholds.late + 1, thresholds.escalated + 1]) {
    const at = waitingSince + minutes * MINUTE_MS;
    if (at > now) return at;
  }
  return undefined;
}

/** Whole calendar minutes from `waitingSince` to `now` (never negative: a clock skew reads as 0). */
export function calendarMinutesBetween(waitingSince: number, now: number): number {
  return now > waitingSince ? Math.floor((now - waitingSince) / MINUTE_MS) : 0;
}

/**
 * The reply clock at `now` of a thread waiting since `waitingSince`, from
 * the background's reading `run`. `fresh` is false once `now` has passed
 * `run.until` (a working window began or ended since): the business minutes
 * then stop where the reading still holds, and the caller should ask again.
 */
export function runningClock(
  waitingSince: number,
  run: BusinessRun,
  now: number,
  thresholds: ReplyThresholds,
): { clock: ReplyClock; fresh: boolean } {
  const calendarMinutes = calendarMinutesBetween(waitingSince, now);
  const upTo = Math.min(now, run.until);
  const workedMs = run.workedMs + (run.working && upTo > run.at ? upTo - run.at : 0);
  return {
    clock: { calendarMinutes, businessMinutes: Math.floor(workedMs / MINUTE_MS), state: replyState(calendarMinutes, thresholds) },
    fresh: now < run.until,
  };
}

function splitMinutes(minutes: number): { days: number; hours: number; mins: number } {
  if (!Number.isFinite(minutes) || minutes < 0) throw new RangeError(`A wait is a non-negative number of minutes, not ${minutes}`);
  const whole = Math.floor(minutes);
  return { days: Math.floor(whole / 1440), hours: Math.floor((whole % 1440) / 60), mins: whole % 60 };
}

/**
 * A badge's short wait in the active language: "0m", "23m", "2h 5m", "2h",
 * "3d 4h", "3d" in English ("23 мин", "2 ч 5 мин" in Russian, "2 год 5 хв" in
 * Ukrainian, "2 сағ 5 мин" in Kazakh: a single letter is no unit there). From
 * a day on, minutes are noise and are left out.
 */
export function formatWait(minutes: number): string {
  const { days, hours, mins } = splitMinutes(minutes);
  if (days > 0) return hours > 0 ? t('waitShortDaysHours', [days, hours]) : t('waitShortDays', days);
  if (hours > 0) return mins > 0 ? t('waitShortHoursMinutes', [hours, mins]) : t('waitShortHours', hours);
  return t('waitShortMinutes', mins);
}

/** The same wait in words, for accessible names ("Client waiting " + this): "23 minutes", "2 hours 5 minutes", "3 days 4 hours". */
export function describeWait(minutes: number): string {
  const { days, hours, mins } = splitMinutes(minutes);
  if (days > 0) return hours > 0 ? t('waitTwoUnits', [tn('waitDays', days), tn('waitHours', hours)]) : tn('waitDays', days);
  if (hours > 0) return mins > 0 ? t('waitTwoUnits', [tn('waitHours', hours), tn('waitMinutes', mins)]) : tn('waitHours', hours);
  return tn('waitMinutes', mins);
}
