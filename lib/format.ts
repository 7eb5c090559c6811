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

/** A moment with its date and time: "12 Mar 2025, 14:05". */
export const formatDateTime = (at: number | Date): string =>
  cached('date-time', (language) => new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' })).format(at);

/** A moment's time of day: "14:05". */
export const formatTime = (at: number | Date): string =>
  cached('time', (language) => new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit' })).format(at);

/** A calendar day written YYYY-MM-DD, as a date: "12 Mar 2025" (no time zone moves it). */
export function formatDay(isoDay: string): string {
  const [year, month, day] = isoDay.split('-').map(Number) as [number, number, number];
  return cached('day', (language) => new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' })).format(Date.UTC(year, month - 1, day));
}

/** A month written YYYY-MM: "Mar 2025"; anything else is shown as it is. */
export function formatMonth(monthKey: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(monthKey);
  if (!match) return monthKey;
  return cached('month', (language) => new Intl.DateTimeFormat(language, { month: 'short', year: 'numeric', timeZone: 'UTC' })).format(
    Date.UTC(Number(match[1]), Number(match[2]) - 1, 1),
  );
}

/** A number with `digits` decimals, grouped as the language groups them: "1,234.50", "1 234,50". */
export const formatNumber = (value: number, digits: number): string =>
  cached(`number ${digits}`, (language) => new Intl.NumberFormat(language, { minimumFractionDigits: digits, maximumFractionDigits: digits })).format(value);
