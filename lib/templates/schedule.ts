// Business-day scheduling: a node starts `startOffset` business days after the
// application day and lasts `duration` business days. Weekends (the days not in
// `workDays`) and holidays are skipped. Dates are calendar days ("YYYY-MM-DD"),
// computed on UTC midnights so no time zone or DST change can shift them.
import { addDays, getISODay } from 'date-fns';
import { isIsoDate } from '../replies/business-hours';
import { walkTemplate, type Template } from './model';

export interface WorkCalendar {
  /** ISO weekdays that are working days: 1 = Monday … 7 = Sunday (settings.businessHours.workDays). */
  workDays: readonly number[];
  /** Days off, "YYYY-MM-DD" (settings.businessHours.holidays). */
  holidays: readonly string[];
}

export interface NodeDates {
  /** "YYYY-MM-DD" */
  start: string;
  /** "YYYY-MM-DD", the last business day of the node. */
  end: string;
}

export class ScheduleError extends RangeError {
  override readonly name = 'ScheduleError';
}

function dayOf(iso: string): Date {
  if (!isIsoDate(iso)) throw new ScheduleError(`"${iso}" is not a date written YYYY-MM-DD`);
  // Local midnight of that calendar day; only its calendar fields are ever read back.
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, day);
}

const pad = (value: number): string => String(value).padStart(2, '0');
// Written out rather than date-fns' format(): the picker runs in the content script, where every KB is parsed on each page.
const isoOf = (day: Date): string => `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;

/** Answers "is this a business day?" and steps over days that are not. */
export class BusinessDays {
  private readonly workDays: ReadonlySet<number>;
  private readonly holidays: ReadonlySet<string>;

  constructor(calendar: WorkCalendar) {
    this.workDays = new Set(calendar.workDays.filter((day) => Number.isInteger(day) && day >= 1 && day <= 7));
    if (this.workDays.size === 0) throw new ScheduleError('The work calendar has no working days');
    this.holidays = new Set(calendar.holidays);
  }

  isBusinessDay(day: Date): boolean {
    return this.workDays.has(getISODay(day)) && !this.holidays.has(isoOf(day));
  }

  /** The first business day on or after `day`. */
  onOrAfter(day: Date): Date {
    let current = day;
    // A year of holidays on every working day is a broken calendar, not a long wait.
    for (let guard = 0; guard < 740; guard++) {
      if (this.isBusinessDay(current)) return current;
      current = addDays(current, 1);
    }
    throw new ScheduleError('The work calendar has no business day within two years');
  }

  /** `count` business days after the business day `day` (0 = `day` itself). */
  add(day: Date, count: number): Date {
    let current = this.onOrAfter(day);
    for (let step = 0; step < count; step++) current = this.onOrAfter(addDays(current, 1));
    return current;
  }
}

/** Start and end of one node applied on `startDate`. */
export function scheduleNode(startDate: string, startOffset: number, duration: number, calendar: WorkCalendar | BusinessDays): NodeDates {
  const days = calendar instanceof BusinessDays ? calendar : new BusinessDays(calendar);
  const start = days.add(dayOf(startDate), startOffset);
  const end = days.add(start, Math.max(1, duration) - 1);
  return { start: isoOf(start), end: isoOf(end) };
}

/** Dates for every node of `template` applied on `startDate`, by node key ("0", "0.1", …). */
export function scheduleTemplate(template: Template, startDate: string, calendar: WorkCalendar): Map<string, NodeDates> {
  const days = new BusinessDays(calendar);
  const dates = new Map<string, NodeDates>();
  for (const placed of walkTemplate(template)) {
    dates.set(placed.key, scheduleNode(startDate, placed.node.startOffset, placed.node.duration, days));
  }
  return dates;
}

/** Business days from `from` to `to` ("YYYY-MM-DD"): 0 when `to` is the first business day on or after `from`. */
export function businessDaysBetween(from: string, to: string, calendar: WorkCalendar | BusinessDays): number {
  const days = calendar instanceof BusinessDays ? calendar : new BusinessDays(calendar);
  let current = days.onOrAfter(dayOf(from));
  const end = dayOf(to);
  let count = 0;
  // Bounded: offsets beyond the model's limit are clamped by the caller anyway.
  while (current < end && count < 10_000) {
    current = days.onOrAfter(addDays(current, 1));
    if (current <= end) count += 1;
  }
  return count;
}
