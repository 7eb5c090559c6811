// Worksection writes times as account-local text ("YYYY-MM-DD HH:MM", or
// "YYYY-MM-DD") and reads dates as "DD.MM.YYYY" (api-reference §2). These
// helpers convert between that text and instants, in an IANA time zone.

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/;
const INPUT_DATE = /^(\d{2})\.(\d{2})\.(\d{4})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = partsFormatters.get(timeZone);
  if (!formatter) {
    try {
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
    } catch (cause) {
      throw new RangeError(`Unknown time zone "${timeZone}"`, { cause });
    }
    partsFormatters.set(timeZone, formatter);
  }
  return formatter;
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The calendar date and time an instant shows on a wall clock in `timeZone`. */
export function wallClockAt(instant: Date | number, timeZone = 'UTC'): WallClock {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? NaN,
    month: parts.month ?? NaN,
    day: parts.day ?? NaN,
    hour: parts.hour ?? NaN,
    minute: parts.minute ?? NaN,
    second: parts.second ?? NaN,
  };
}

/** Milliseconds `timeZone` is ahead of UTC at `instant`. */
export function timeZoneOffsetMs(instant: number, timeZone: string): number {
  const wall = wallClockAt(instant, timeZone);
  const wallAsUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  return wallAsUtc - Math.floor(instant / 1000) * 1000;
}

function isRealDate(year: number, month: number, day: number): boolean {
  const probe = new Date(Date.UTC(year, month - 1, day));
  return probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
}

/**
 * The instant a Worksection time ("2021-01-07 10:01" or "2021-01-16", read as
 * midnight) names in `timeZone`. Around DST changes it behaves like clocks do:
 * a wall time that happens twice means the first, one skipped by the spring
 * change is read as that much later (02:30 → 03:30).
 */
export function parseWsDateTime(value: string, timeZone = 'UTC'): Date {
  const match = DATE_TIME.exec(value.trim());
  if (!match) throw new RangeError(`"${value}" is not a Worksection date (YYYY-MM-DD or YYYY-MM-DD HH:MM)`);
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => (part === undefined ? 0 : Number(part))) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (!isRealDate(year, month, day) || hour > 23 || minute > 59 || second > 59) {
    throw new RangeError(`"${value}" is not a real date and time`);
  }
  const wallAsUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  // Zones change offset at most once a day: the offsets a day before and a day
  // after are the only candidates. Keep those that reproduce the wall time.
  const offsetBefore = timeZoneOffsetMs(wallAsUtc - DAY_MS, timeZone);
  const offsetAfter = timeZoneOffsetMs(wallAsUtc + DAY_MS, timeZone);
  const matching = [offsetBefore, offsetAfter]
    .map((offset) => wallAsUtc - offset)
    .filter((instant) => wallAsUtc - timeZoneOffsetMs(instant, timeZone) === instant);
  if (matching.length > 0) return new Date(Math.min(...matching));
  return new Date(wallAsUtc - offsetBefore);
}

const DAY_MS = 24 * 60 * 60_000;

/** `parseWsDateTime` that answers undefined instead of throwing (for optional API fields). */
export function tryParseWsDateTime(value: string | undefined, timeZone = 'UTC'): Date | undefined {
  if (!value) return undefined;
  try {
    return parseWsDateTime(value, timeZone);
  } catch {
    return undefined;
  }
}

const pad2 = (value: number): string => String(value).padStart(2, '0');

/** "DD.MM.YYYY" of the calendar day `instant` falls on in `timeZone`. */
export function formatWsDate(instant: Date, timeZone = 'UTC'): string {
  if (Number.isNaN(instant.getTime())) throw new RangeError('Cannot format an invalid date');
  const wall = wallClockAt(instant, timeZone);
  return `${pad2(wall.day)}.${pad2(wall.month)}.${String(wall.year).padStart(4, '0')}`;
}

/**
 * A date parameter as Worksection reads it ("DD.MM.YYYY"), from a Date (its
 * day in `timeZone`), "YYYY-MM-DD", or "DD.MM.YYYY".
 */
export function toWsInputDate(value: Date | string, timeZone = 'UTC'): string {
  if (value instanceof Date) return formatWsDate(value, timeZone);
  const trimmed = value.trim();
  const input = INPUT_DATE.exec(trimmed);
  if (input) {
    const [, day, month, year] = input.map(Number) as [number, number, number, number];
    if (isRealDate(year, month, day)) return trimmed;
  }
  const iso = ISO_DATE.exec(trimmed);
  if (iso) {
    const [, year, month, day] = iso.map(Number) as [number, number, number, number];
    if (isRealDate(year, month, day)) return `${pad2(day)}.${pad2(month)}.${String(year).padStart(4, '0')}`;
  }
  throw new RangeError(`"${value}" is not a date (expected YYYY-MM-DD or DD.MM.YYYY)`);
}

/** Whole minutes as Worksection's "H:MM" time text (90 → "1:30"). */
export function minutesToWsTime(minutes: number): string {
  if (!Number.isInteger(minutes) || minutes <= 0) {
    throw new RangeError(`Time must be a positive whole number of minutes, not ${minutes}`);
  }
  return `${Math.floor(minutes / 60)}:${pad2(minutes % 60)}`;
}

/** Worksection's "H:MM" (hours may exceed 24, e.g. "103:39") as minutes; undefined if it isn't that. */
export function wsTimeToMinutes(value: string): number | undefined {
  const match = /^(-?)(\d+):([0-5]\d)$/.exec(value.trim());
  if (!match) return undefined;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] ? -minutes : minutes;
}
