// Day, week and month boundaries in a time zone (the account's business-hours
// zone), as instants: a period is [from, to). Weeks start on Monday.
import { timeZoneOffsetMs, wallClockAt } from '../worksection/dates';

export type PeriodKind = 'day' | 'week' | 'month';

export interface Period {
  kind: PeriodKind;
  from: number;
  to: number;
  /** First and last calendar day, "YYYY-MM-DD" (inclusive), for date-based queries (get_costs_total, manual entries). */
  firstDay: string;
  lastDay: string;
}

const pad2 = (value: number) => String(value).padStart(2, '0');

interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

export function isoDay({ year, month, day }: CalendarDay): string {
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

/** The calendar day `instant` falls on in `timeZone`. */
export function calendarDay(instant: number, timeZone: string): CalendarDay {
  const { year, month, day } = wallClockAt(instant, timeZone);
  return { year, month, day };
}

export function dayOf(instant: number, timeZone: string): string {
  return isoDay(calendarDay(instant, timeZone));
}

/** Normalised through UTC, so day 0 or month 13 roll over. */
function shift({ year, month, day }: CalendarDay, days = 0, months = 0): CalendarDay {
  const date = new Date(Date.UTC(year, month - 1 + months, day + days));
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** The instant a calendar day starts in `timeZone` (DST-aware: the offset is re-read at the result). */
export function startOfDay(day: CalendarDay, timeZone: string): number {
  const wallAsUtc = Date.UTC(day.year, day.month - 1, day.day);
  let instant = wallAsUtc - timeZoneOffsetMs(wallAsUtc, timeZone);
  instant = wallAsUtc - timeZoneOffsetMs(instant, timeZone);
  return instant;
}

function firstDayOf(kind: PeriodKind, day: CalendarDay): CalendarDay {
  if (kind === 'day') return day;
  if (kind === 'month') return { ...day, day: 1 };
  const weekday = new Date(Date.UTC(day.year, day.month - 1, day.day)).getUTCDay(); // 0 = Sunday
  return shift(day, -((weekday + 6) % 7));
}

function nextFirstDay(kind: PeriodKind, first: CalendarDay): CalendarDay {
  if (kind === 'day') return shift(first, 1);
  if (kind === 'week') return shift(first, 7);
  return shift(first, 0, 1);
}

/** The day, week or month containing `instant`. */
export function periodOf(kind: PeriodKind, instant: number, timeZone: string): Period {
  const first = firstDayOf(kind, calendarDay(instant, timeZone));
  const next = nextFirstDay(kind, first);
  return {
    kind,
    from: startOfDay(first, timeZone),
    to: startOfDay(next, timeZone),
    firstDay: isoDay(first),
    lastDay: isoDay(shift(next, -1)),
  };
}

/** The month `monthsBack` months before the one containing `instant`. */
export function monthBefore(instant: number, monthsBack: number, timeZone: string): Period {
  const { year, month } = calendarDay(instant, timeZone);
  const first = shift({ year, month, day: 1 }, 0, -monthsBack);
  return periodOf('month', startOfDay(first, timeZone), timeZone);
}

/** "YYYY-MM" of a month period. */
export const monthKey = (period: Period): string => period.firstDay.slice(0, 7);
