// Business minutes: the part of a wait that fell inside the agency's working
// hours, in the account's time zone. A working day's start and end are wall
// times converted to instants for that very day, so a DST change shortens or
// lengthens nothing but the day it happens on.
import { parseWsDateTime, timeZoneOffsetMs } from '../worksection/dates';
import { describeValue, inputProblem, isPlainObject, type InputProblem } from '../validate';
import type { BusinessHours } from './types';

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;
const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** End of day, so round-the-clock desks can say 00:00–24:00. */
const MIDNIGHT_END = '24:00';

/** Minutes after midnight of "HH:MM" (and "24:00" when `allowMidnightEnd`), or undefined when it isn't that. */
export function parseClockTime(value: unknown, allowMidnightEnd = false): number | undefined {
  if (typeof value !== 'string') return undefined;
  if (allowMidnightEnd && value === MIDNIGHT_END) return 24 * 60;
  const match = HH_MM.exec(value);
  return match ? Number(match[1]) * 60 + Number(match[2]) : undefined;
}

/** True for a real calendar date written "YYYY-MM-DD". */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const probe = new Date(Date.UTC(year, month - 1, day));
  return probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
}

/** True when `Intl` knows the IANA zone (what every clock computation here needs). */
export function isKnownTimeZone(value: unknown): value is string {
  if (typeof value !== 'string' || value.trim() === '') return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/**
 * What is wrong with `hours`, each problem's path a field ("workDays[2]");
 * empty when nothing. Takes unknown input so settings can reuse it on imported files.
 */
export function validateBusinessHours(hours: unknown): InputProblem[] {
  if (!isPlainObject(hours)) return [inputProblem('', 'inputNotObject', describeValue(hours))];
  const { timeZone, workDays, start, end, holidays } = hours;
  const problems: InputProblem[] = [];
  if (!isKnownTimeZone(timeZone)) problems.push(inputProblem('timeZone', 'inputUnknownZone', describeValue(timeZone)));

  if (!Array.isArray(workDays)) problems.push(inputProblem('workDays', 'inputNotWeekdays'));
  else {
    if (workDays.length === 0) problems.push(inputProblem('workDays', 'inputNoWorkDay'));
    const seen = new Set<unknown>();
    workDays.forEach((day, index) => {
      if (!Number.isInteger(day) || (day as number) < 1 || (day as number) > 7) {
        problems.push(inputProblem(`workDays[${index}]`, 'inputNotWeekday', describeValue(day)));
      } else if (seen.has(day)) problems.push(inputProblem(`workDays[${index}]`, 'inputListedTwice', day as number));
      seen.add(day);
    });
  }

  const startMinutes = parseClockTime(start);
  const endMinutes = parseClockTime(end, true);
  if (startMinutes === undefined) problems.push(inputProblem('start', 'inputNotClock', '00:00', '23:59', describeValue(start)));
  if (endMinutes === undefined) problems.push(inputProblem('end', 'inputNotClock', '00:00', '24:00', describeValue(end)));
  if (startMinutes !== undefined && endMinutes !== undefined && endMinutes <= startMinutes) {
    problems.push(inputProblem('end', 'inputEndBeforeStart', String(start)));
  }

  if (!Array.isArray(holidays)) problems.push(inputProblem('holidays', 'inputNotDates'));
  else {
    holidays.forEach((day, index) => {
      if (!isIsoDate(day)) problems.push(inputProblem(`holidays[${index}]`, 'inputNotDate', describeValue(day)));
    });
  }
  return problems;
}

/** How far `runAt` looks for the next working window (holidays and long weekends included), and in steps of how many days. */
const RUN_LOOKAHEAD_DAYS = 400;
const RUN_STEP_DAYS = 32;

/** Days kept per calendar (about 55 years); a wider request starts the store afresh. */
const MAX_STORED_DAYS = 20_000;

/**
 * The working windows of one `BusinessHours`, day by day, with running
 * totals: after the first call a span of any length costs a few lookups.
 * Get one with `businessCalendar(hours)`; it is shared by every thread.
 */
export class BusinessCalendar {
  private readonly workDays: ReadonlySet<number>;
  private readonly holidays: ReadonlySet<string>;
  private readonly startMinutes: number;
  private readonly endMinutes: number;
  /** Local day number (days since 1970-01-01) of slot 0 below. */
  private firstDay = 0;
  /** Per slot: the working window's start and end instants (NaN when the day has none). */
  private starts: number[] = [];
  private ends: number[] = [];
  /** `totals[i]` = working ms in slots 0 … i-1. */
  private totals: number[] = [0];
  /** UTC day number → zone offset at its midnight (only while filling slots). */
  private readonly offsets = new Map<number, number>();

  constructor(readonly hours: Readonly<BusinessHours>) {
    const problems = validateBusinessHours(hours);
    if (problems.length > 0) throw new RangeError(`Invalid business hours: ${problems.map((problem) => `${problem.path}: ${problem.key} ${JSON.stringify(problem.values)}`).join('; ')}`);
    this.workDays = new Set(hours.workDays);
    this.holidays = new Set(hours.holidays);
    this.startMinutes = parseClockTime(hours.start)!;
    this.endMinutes = parseClockTime(hours.end, true)!;
  }

  /** Whole working minutes in [startMs, endMs); 0 when start ≥ end. */
  minutesBetween(startMs: number, endMs: number): number {
    return Math.floor(this.msBetween(startMs, endMs) / MINUTE_MS);
  }

  /** Working milliseconds in [startMs, endMs), unrounded; 0 when start ≥ end. */
  msBetween(startMs: number, endMs: number): number {
    if (!Number.isFinite(startMs) || !Number.isFinite(endMs)) {
      throw new RangeError(`Business minutes need finite instants, got ${startMs} and ${endMs}`);
    }
    if (startMs >= endMs) return 0;
    // Zones are within -12 h … +14 h of UTC, so the local day of an instant is
    // its UTC day ± 1, and a day's window lies inside its local day: days
    // lo … hi are all that can overlap, and lo+3 … hi-3 lie wholly inside.
    const lo = Math.floor(startMs / DAY_MS) - 1;
    const hi = Math.floor(endMs / DAY_MS) + 1;
    this.cover(lo, hi);
    let workedMs = 0;
    if (hi - lo < 6) {
      for (let day = lo; day <= hi; day++) workedMs += this.overlap(day, startMs, endMs);
    } else {
      for (let day = lo; day < lo + 3; day++) workedMs += this.overlap(day, startMs, endMs);
      for (let day = hi - 2; day <= hi; day++) workedMs += this.overlap(day, startMs, endMs);
      workedMs += this.totals[hi - 2 - this.firstDay]! - this.totals[lo + 3 - this.firstDay]!;
    }
    return workedMs;
  }

  /**
   * Whether `instant` lies inside a working window, and the instant that
   * changes: the window's end, or the next window's start (looking up to
   * RUN_LOOKAHEAD_DAYS ahead; a calendar with no window that far says
   * "not working" until then). Between `instant` and `until` working time
   * grows one to one with the clock, or not at all, which is all a page needs
   * to move a wait on without a calendar of its own.
   */
  runAt(instant: number): { working: boolean; until: number } {
    if (!Number.isFinite(instant)) throw new RangeError(`A business run needs a finite instant, got ${instant}`);
    // The local day of `instant` is its UTC day ± 1; windows are in day order and never overlap.
    const first = Math.floor(instant / DAY_MS) - 1;
    for (let lo = first; lo < first + RUN_LOOKAHEAD_DAYS; lo += RUN_STEP_DAYS) {
      const hi = lo + RUN_STEP_DAYS - 1;
      this.cover(lo, hi);
      for (let day = lo; day <= hi; day++) {
        const start = this.starts[day - this.firstDay]!;
        const end = this.ends[day - this.firstDay]!;
        if (!(end > start)) continue; // a day off (NaN)
        if (instant < start) return { working: false, until: start };
        if (instant < end) return { working: true, until: end };
      }
    }
    return { working: false, until: instant + RUN_LOOKAHEAD_DAYS * DAY_MS };
  }

  private overlap(day: number, startMs: number, endMs: number): number {
    const slot = day - this.firstDay;
    const from = Math.max(this.starts[slot]!, startMs);
    const to = Math.min(this.ends[slot]!, endMs);
    return to > from ? to - from : 0; // NaN windows compare false
  }

  /** Makes sure slots exist for days lo … hi, keeping the ones already computed. */
  private cover(lo: number, hi: number): void {
    const kept = this.starts.length;
    const keptFirst = this.firstDay;
    const keptLast = keptFirst + kept - 1;
    if (kept > 0 && lo >= keptFirst && hi <= keptLast) return;
    // Grow the stored range to include lo … hi, with slack so that requests
    // creeping one day at a time do not rebuild it every time; if that makes
    // it too long, keep only lo … hi (a bound on memory).
    const slack = Math.min(kept, 366);
    const growFrom = lo < keptFirst ? Math.min(lo, keptFirst - slack) : keptFirst;
    const growTo = hi > keptLast ? Math.max(hi, keptLast + slack) : keptLast;
    const merge = kept > 0 && growTo - growFrom < MAX_STORED_DAYS;
    const from = merge ? growFrom : lo;
    const to = merge ? growTo : hi;
    if (!merge) this.offsets.clear();
    const starts: number[] = [];
    const ends: number[] = [];
    for (let day = from; day <= to; day++) {
      const slot = day - keptFirst;
      if (merge && slot >= 0 && slot < kept) {
        starts.push(this.starts[slot]!);
        ends.push(this.ends[slot]!);
      } else {
        const [start, end] = this.window(day);
        starts.push(start);
        ends.push(end);
      }
    }
    this.firstDay = from;
    this.starts = starts;
    this.ends = ends;
    this.recountTotals();
  }

  private recountTotals(): void {
    const totals = [0];
    for (let slot = 0; slot < this.starts.length; slot++) {
      const length = this.ends[slot]! - this.starts[slot]!;
      totals.push(totals[slot]! + (length > 0 ? length : 0));
    }
    this.totals = totals;
  }

  /** Working window of local day `day` as [start, end) instants; [NaN, NaN] on days off. */
  private window(day: number): [number, number] {
    // 1970-01-01 was a Thursday (ISO 4).
    const isoWeekday = ((((day + 3) % 7) + 7) % 7) + 1;
    if (!this.workDays.has(isoWeekday) || this.holidays.has(isoDateOf(day))) return [NaN, NaN];
    const startsAt = this.instantAt(day, this.startMinutes);
    const endsAt = this.instantAt(day, this.endMinutes);
    // A window swallowed whole by a DST gap has no working time.
    return endsAt > startsAt ? [startsAt, endsAt] : [NaN, NaN];
  }

  /** The instant the wall clock shows `minutes` after midnight of local day `day` (24:00 = next midnight). */
  private instantAt(day: number, minutes: number): number {
    // Local day `day` lies within UTC days day-1 … day+1. When the offset is
    // the same at all four midnights around it, the day has no DST change and
    // the instant is plain arithmetic; otherwise ask parseWsDateTime, which
    // knows gaps and repeated hours.
    const offset = this.offsetAtUtcMidnight(day - 1);
    if (
      offset === this.offsetAtUtcMidnight(day) &&
      offset === this.offsetAtUtcMidnight(day + 1) &&
      offset === this.offsetAtUtcMidnight(day + 2)
    ) {
      return day * DAY_MS + minutes * MINUTE_MS - offset;
    }
    const wall = minutes === 24 * 60 ? `${isoDateOf(day + 1)} 00:00` : `${isoDateOf(day)} ${clockText(minutes)}`;
    return parseWsDateTime(wall, this.hours.timeZone).getTime();
  }

  private offsetAtUtcMidnight(utcDay: number): number {
    let offset = this.offsets.get(utcDay);
    if (offset === undefined) {
      offset = timeZoneOffsetMs(utcDay * DAY_MS, this.hours.timeZone);
      this.offsets.set(utcDay, offset);
    }
    return offset;
  }
}

const clockText = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

function isoDateOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

const calendars = new Map<string, BusinessCalendar>();

/**
 * The shared calendar for `hours` (validated; a RangeError lists the
 * problems). Keyed by value, so an equal settings object finds it again.
 */
export function businessCalendar(hours: BusinessHours): BusinessCalendar {
  const key = JSON.stringify([hours.timeZone, hours.workDays, hours.start, hours.end, hours.holidays]);
  let calendar = calendars.get(key);
  if (!calendar) {
    calendar = new BusinessCalendar({ ...hours, workDays: [...hours.workDays], holidays: [...hours.holidays] });
    if (calendars.size >= 16) calendars.clear();
    calendars.set(key, calendar);
  }
  return calendar;
}

/**
 * Whole minutes between two instants (ms) that fall inside working hours on
 * working days that are not holidays, in `hours.timeZone`. 0 when start ≥ end.
 * Pass a `BusinessCalendar` to skip the lookup when doing many at once.
 */
export function businessMinutesBetween(startMs: number, endMs: number, hours: BusinessHours | BusinessCalendar): number {
  return (hours instanceof BusinessCalendar ? hours : businessCalendar(hours)).minutesBetween(startMs, endMs);
}
