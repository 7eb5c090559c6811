// Report periods: whole calendar days in the account's time zone, so "this
// month" means the same days to everyone in the agency whatever their browser's
// zone. Pure: `now` and the zone come in, instants and day names go out.
import { isIsoDate } from '@/lib/replies/business-hours';
import type { ReplyMeasure } from '@/lib/replies/report';
import { parseWsDateTime, wallClockAt } from '@/lib/worksection/dates';

export const PERIOD_KINDS = ['this-week', 'last-7-days', 'this-month', 'last-30-days', 'custom'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** What the user picked: a named period, or their own first and last day ("YYYY-MM-DD", both included). */
export type PeriodChoice = { kind: Exclude<PeriodKind, 'custom'> } | { kind: 'custom'; firstDay: string; lastDay: string };

export interface Period {
  /** [from, to) in ms: from the start of `firstDay` to the start of the day after `lastDay`, in `timeZone`. */
  from: number;
  to: number;
  firstDay: string;
  lastDay: string;
  timeZone: string;
}

/** Why a custom period can't be used; the page turns it into a sentence. */
export type PeriodProblem = 'first-day-invalid' | 'last-day-invalid' | 'last-before-first';

export type PeriodResult = { ok: true; period: Period } | { ok: false; problem: PeriodProblem };

export const DEFAULT_PERIOD: PeriodChoice = Object.freeze({ kind: 'last-30-days' });

const DAY_MS = 86_400_000;

/** Days are counted as UTC midnights: calendar arithmetic with no zone or DST in the way. */
function dayNumber(isoDay: string): number {
  const [year, month, day] = isoDay.split('-').map(Number) as [number, number, number];
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

function isoDay(dayNumberValue: number): string {
  return new Date(dayNumberValue * DAY_MS).toISOString().slice(0, 10);
}

/** "YYYY-MM-DD" of the day `instant` falls on in `timeZone`. */
export function dayIn(instant: number, timeZone: string): string {
  const wall = wallClockAt(instant, timeZone);
  return `${String(wall.year).padStart(4, '0')}-${String(wall.month).padStart(2, '0')}-${String(wall.day).padStart(2, '0')}`;
}

/** The instant `isoDay` starts in `timeZone` (its first existing minute, should a DST change skip midnight). */
function startOfDay(isoDayValue: string, timeZone: string): number {
  return parseWsDateTime(isoDayValue, timeZone).getTime();
}

function daysBetween(firstDay: string, lastDay: string, timeZone: string): Period {
  return {
    from: startOfDay(firstDay, timeZone),
    to: startOfDay(isoDay(dayNumber(lastDay) + 1), timeZone),
    firstDay,
    lastDay,
    timeZone,
  };
}

/**
 * The days a choice covers at `now`: weeks start on Monday; "last 7/30 days"
 * end with today; "this week/month" run to the week's/month's last day.
 */
export function periodRange(choice: PeriodChoice, now: number, timeZone: string): PeriodResult {
  if (choice.kind === 'custom') {
    if (!isIsoDate(choice.firstDay)) return { ok: false, problem: 'first-day-invalid' };
    if (!isIsoDate(choice.lastDay)) return { ok: false, problem: 'last-day-invalid' };
    if (choice.lastDay < choice.firstDay) return { ok: false, problem: 'last-before-first' };
    return { ok: true, period: daysBetween(choice.firstDay, choice.lastDay, timeZone) };
  }
  const today = dayNumber(dayIn(now, timeZone));
  switch (choice.kind) {
    case 'this-week': {
      // getUTCDay: 0 = Sunday; ISO weeks start on Monday.
      const monday = today - ((new Date(today * DAY_MS).getUTCDay() + 6) % 7);
      return { ok: true, period: daysBetween(isoDay(monday), isoDay(monday + 6), timeZone) };
    }
    case 'last-7-days':
      return { ok: true, period: daysBetween(isoDay(today - 6), isoDay(today), timeZone) };
    case 'this-month': {
      const first = new Date(today * DAY_MS);
      const last = Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0) / DAY_MS;
      return { ok: true, period: daysBetween(isoDay(today - (first.getUTCDate() - 1)), isoDay(last), timeZone) };
    }
    case 'last-30-days':
      return { ok: true, period: daysBetween(isoDay(today - 29), isoDay(today), timeZone) };
  }
}

export interface ReportView {
  choice: PeriodChoice;
  measure: ReplyMeasure;
}

const isPeriodKind = (value: string | null): value is PeriodKind => PERIOD_KINDS.includes(value as PeriodKind);

/**
 * The view a reports URL asks for (`?period=custom&from=…&to=…&measure=business`),
 * so a reload or a shared link shows the same report. Anything unknown falls
 * back to the defaults (a URL is not worth an error page).
 */
export function readReportView(search: string): ReportView {
  const query = new URLSearchParams(search);
  const kind = query.get('period');
  const measure: ReplyMeasure = query.get('measure') === 'business' ? 'business' : 'calendar';
  if (kind === 'custom') {
    const firstDay = query.get('from') ?? '';
    const lastDay = query.get('to') ?? '';
    if (isIsoDate(firstDay) && isIsoDate(lastDay)) return { choice: { kind, firstDay, lastDay }, measure };
    return { choice: DEFAULT_PERIOD, measure };
  }
  return { choice: isPeriodKind(kind) && kind !== 'custom' ? { kind } : DEFAULT_PERIOD, measure };
}

/** The query string for a view (the inverse of `readReportView`). */
export function reportViewQuery({ choice, measure }: ReportView): string {
  const query = new URLSearchParams({ period: choice.kind });
  if (choice.kind === 'custom') {
    query.set('from', choice.firstDay);
    query.set('to', choice.lastDay);
  }
  query.set('measure', measure);
  return `?${query}`;
}
