// Worksection's wire formats: output dates in the account's time zone
// ("YYYY-MM-DD HH:MM", "YYYY-MM-DD"), input dates as DD.MM.YYYY, durations as
// "H:MM" and money as "0.00" (api-reference §2, §4.5).

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = partsFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsFormatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Throws a RangeError for a time zone the runtime does not know. */
export function assertTimeZone(timeZone: string): void {
  formatterFor(timeZone);
}

export interface WallTime {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
}

export function wallTime(instant: Date, timeZone: string): WallTime {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 0,
    day: parts.day ?? 0,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/** "YYYY-MM-DD HH:MM" in the account's time zone. */
export function formatDateTime(instant: Date, timeZone: string): string {
  const t = wallTime(instant, timeZone);
  return `${pad(t.year, 4)}-${pad(t.month)}-${pad(t.day)} ${pad(t.hour)}:${pad(t.minute)}`;
}

/** "YYYY-MM-DD" (the account's calendar day of an instant). */
export function formatDay(instant: Date, timeZone: string): string {
  const t = wallTime(instant, timeZone);
  return `${pad(t.year, 4)}-${pad(t.month)}-${pad(t.day)}`;
}

/** The instant at which the account's wall clock shows the given time. */
export function instantAt(day: string, hour: number, minute: number, timeZone: string): Date {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const guess = Date.UTC(year, month - 1, date, hour, minute);
  // Two passes settle the offset also around DST changes.
  let instant = guess;
  for (let pass = 0; pass < 2; pass += 1) {
    const shown = wallTime(new Date(instant), timeZone);
    const shownUtc = Date.UTC(shown.year, shown.month - 1, shown.day, shown.hour, shown.minute);
    instant += guess - shownUtc;
  }
  return new Date(instant);
}

/** DD.MM.YYYY (the API's input form) → "YYYY-MM-DD", or null when it is not a real date. */
export function parseInputDay(text: string): string | null {
  const match = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(text.trim());
  if (!match) return null;
  const [, dd, mm, yyyy] = match as unknown as [string, string, string, string];
  const probe = new Date(Date.UTC(Number(yyyy), Number(mm) - 1, Number(dd)));
  if (probe.getUTCFullYear() !== Number(yyyy) || probe.getUTCMonth() !== Number(mm) - 1 || probe.getUTCDate() !== Number(dd)) {
    return null;
  }
  return `${yyyy}-${mm}-${dd}`;
}

/** "YYYY-MM-DD" → DD.MM.YYYY. */
export function toInputDay(day: string): string {
  const [yyyy, mm, dd] = day.split('-');
  return `${dd}.${mm}.${yyyy}`;
}

/** Adds whole days to a "YYYY-MM-DD" day. */
export function addDays(day: string, days: number): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const shifted = new Date(Date.UTC(year, month - 1, date + days));
  return shifted.toISOString().slice(0, 10);
}

/** Minutes as Worksection shows durations: "6:50", "103:39". */
export function formatDuration(minutes: number): string {
  const whole = Math.round(minutes);
  return `${Math.floor(whole / 60)}:${pad(whole % 60)}`;
}

/**
 * add_costs `time`: decimal hours with a dot or comma ("0.15", "1,5") or
 * "H:MM" ("0:09", "1:30"). Returns minutes, or null for anything else.
 */
export function parseCostTime(text: string): number | null {
  const trimmed = text.trim();
  const clock = /^(\d{1,4}):([0-5]\d)$/.exec(trimmed);
  if (clock) return Number(clock[1]) * 60 + Number(clock[2]);
  const decimal = /^(\d{1,4})(?:[.,](\d{1,4}))?$/.exec(trimmed);
  if (decimal) return Math.round(Number(`${decimal[1]}.${decimal[2] ?? '0'}`) * 60);
  return null;
}

/** Money in cents → "5436.00". */
export function formatMoney(cents: number): string {
  return (Math.round(cents) / 100).toFixed(2);
}

/** "12.5" / "12,50" → cents, or null. */
export function parseMoney(text: string): number | null {
  const match = /^(\d{1,9})(?:[.,](\d{1,2}))?$/.exec(text.trim());
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '0').padEnd(2, '0'));
}

/** The English month name and year of a "YYYY-MM-DD" day: "March 2025". */
export function monthTitle(day: string): string {
  const [year, month] = day.split('-').map(Number) as [number, number];
  const name = new Date(Date.UTC(year, month - 1, 15)).toLocaleString('en-US', { month: 'long', timeZone: 'UTC' });
  return `${name} ${year}`;
}
