/**
 * Dates, times and numbers as the active language writes them (`Intl` with
 * the language of `t`, not the browser's): "12 мар. 2025 г., 14:05",
 * "1 234,50". Each formatter is made once per language and kind.
 */
import { activeLanguage } from './i18n';
import type { Language } from './locale';

const formats = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat>(kind: string, make: (language: Language) => T): T {
  const language = activeLanguage();
  const key = `${language} ${kind}`;
  let format = formats.get(key) as T | undefined;
  if (!format) formats.set(key, (format = make(language)));
  return format;
}

/**
 * A date format in `language`, or its numeric form when the browser's ICU
 * has no month names for the language: Chromium's writes Kazakh months as
 * "M11" ("2026 M11 30 02:13"), which nobody reads as a date.
 */
export function dateFormat(
  language: string,
  options: Intl.DateTimeFormatOptions,
  numeric: Intl.DateTimeFormatOptions,
  make: (language: string, options: Intl.DateTimeFormatOptions) => Intl.DateTimeFormat = (tag, chosen) => new Intl.DateTimeFormat(tag, chosen),
): Intl.DateTimeFormat {
  const format = make(language, options);
  const month = format.formatToParts(Date.UTC(2025, 10, 15)).find((part) => part.type === 'month')?.value ?? '';
  return /^M\d+$/.test(month) ? make(language, { ...numeric, ...(options.timeZone ? { timeZone: options.timeZone } : {}) }) : format;
}

const NUMERIC_DAY: Intl.DateTimeFormatOptions = { year: 'numeric', month: '2-digit', day: '2-digit' };

/** A moment with its date and time: "12 Mar 2025, 14:05". */
export const formatDateTime = (at: number | Date): string =>
  cached('date-time', (language) => dateFormat(language, { dateStyle: 'medium', timeStyle: 'short' }, { ...NUMERIC_DAY, hour: '2-digit', minute: '2-digit' })).format(at);

/** A moment's time of day: "14:05". */
export const formatTime = (at: number | Date): string =>
  cached('time', (language) => new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit' })).format(at);

/** A calendar day written YYYY-MM-DD, as a date: "12 Mar 2025" (no time zone moves it). */
export function formatDay(isoDay: string): string {
  const [year, month, day] = isoDay.split('-').map(Number) as [number, number, number];
  return cached('day', (language) => dateFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }, NUMERIC_DAY)).format(Date.UTC(year, month - 1, day));
}

/** A month written YYYY-MM: "Mar 2025"; anything else is shown as it is. */
export function formatMonth(monthKey: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(monthKey);
  if (!match) return monthKey;
  return cached('month', (language) => dateFormat(language, { month: 'short', year: 'numeric', timeZone: 'UTC' }, { month: '2-digit', year: 'numeric' })).format(
    Date.UTC(Number(match[1]), Number(match[2]) - 1, 1),
  );
}

/** A number with `digits` decimals, grouped as the language groups them: "1,234.50", "1 234,50". */
export const formatNumber = (value: number, digits: number): string =>
  cached(`number ${digits}`, (language) => new Intl.NumberFormat(language, { minimumFractionDigits: digits, maximumFractionDigits: digits })).format(value);
