import { describe, expect, it } from 'vitest';
import { dayIn, DEFAULT_PERIOD, periodRange, readReportView, reportViewQuery, type PeriodChoice } from '@/components/reports/period';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function range(choice: PeriodChoice, now: string, timeZone = 'UTC') {
  const result = periodRange(choice, Date.parse(now), timeZone);
  if (!result.ok) throw new Error(`expected a period, got ${result.problem}`);
  return result.period;
}

describe('periodRange', () => {
  it('last 30 days: today and the 29 days before, as whole days', () => {
    const period = range({ kind: 'last-30-days' }, '2026-11-30T10:00:00Z');
    expect(period).toEqual({
      firstDay: '2026-11-01',
      lastDay: '2026-11-30',
      from: Date.parse('2026-11-01T00:00:00Z'),
      to: Date.parse('2026-12-01T00:00:00Z'),
      timeZone: 'UTC',
    });
  });

  it('last 7 days ends with today', () => {
    expect(range({ kind: 'last-7-days' }, '2026-03-03T00:00:00Z')).toMatchObject({ firstDay: '2026-02-25', lastDay: '2026-03-03' });
  });

  it('this week runs Monday to Sunday, also when today is Sunday or Monday', () => {
    const wednesday = range({ kind: 'this-week' }, '2026-11-25T12:00:00Z');
    expect(wednesday).toMatchObject({ firstDay: '2026-11-23', lastDay: '2026-11-29' });
    expect(wednesday.to - wednesday.from).toBe(7 * DAY);
    expect(range({ kind: 'this-week' }, '2026-11-29T23:59:00Z')).toMatchObject({ firstDay: '2026-11-23', lastDay: '2026-11-29' });
    expect(range({ kind: 'this-week' }, '2026-11-30T00:00:00Z')).toMatchObject({ firstDay: '2026-11-30', lastDay: '2026-12-06' });
    // Across a year end.
    expect(range({ kind: 'this-week' }, '2027-01-01T08:00:00Z')).toMatchObject({ firstDay: '2026-12-28', lastDay: '2027-01-03' });
  });

  it('this month runs from its first to its last day (leap February included)', () => {
    expect(range({ kind: 'this-month' }, '2028-02-10T08:00:00Z')).toMatchObject({ firstDay: '2028-02-01', lastDay: '2028-02-29' });
    expect(range({ kind: 'this-month' }, '2026-12-31T23:00:00Z')).toMatchObject({ firstDay: '2026-12-01', lastDay: '2026-12-31' });
  });

  it('days are the time zone’s: late evening in UTC is already tomorrow in Kyiv', () => {
    const now = '2026-11-30T23:30:00Z';
    expect(dayIn(Date.parse(now), 'Europe/Kyiv')).toBe('2026-12-01');
    const period = range({ kind: 'this-month' }, now, 'Europe/Kyiv');
    expect(period).toMatchObject({ firstDay: '2026-12-01', lastDay: '2026-12-31', timeZone: 'Europe/Kyiv' });
    expect(period.from).toBe(Date.parse('2026-11-30T22:00:00Z'));
    expect(period.to).toBe(Date.parse('2026-12-31T22:00:00Z'));
    expect(range({ kind: 'this-month' }, now, 'America/New_York')).toMatchObject({ firstDay: '2026-11-01', lastDay: '2026-11-30' });
  });

  it('a week with a DST change is an hour shorter or longer, from midnight to midnight', () => {
    // Kyiv moves clocks forward on 2026-03-29 and back on 2026-10-25.
    const spring = range({ kind: 'this-week' }, '2026-03-26T12:00:00Z', 'Europe/Kyiv');
    expect(spring).toMatchObject({ firstDay: '2026-03-23', lastDay: '2026-03-29' });
    expect(spring.from).toBe(Date.parse('2026-03-22T22:00:00Z'));
    expect(spring.to - spring.from).toBe(7 * DAY - HOUR);
    const autumn = range({ kind: 'this-week' }, '2026-10-21T12:00:00Z', 'Europe/Kyiv');
    expect(autumn.to - autumn.from).toBe(7 * DAY + HOUR);
  });

  it('custom: the days given, both included; a single day is a day', () => {
    expect(range({ kind: 'custom', firstDay: '2026-01-15', lastDay: '2026-02-14' }, '2026-11-30T10:00:00Z')).toMatchObject({
      from: Date.parse('2026-01-15T00:00:00Z'),
      to: Date.parse('2026-02-15T00:00:00Z'),
    });
    const day = range({ kind: 'custom', firstDay: '2026-06-01', lastDay: '2026-06-01' }, '2026-11-30T10:00:00Z', 'Asia/Tokyo');
    expect(day.to - day.from).toBe(DAY);
    expect(day.from).toBe(Date.parse('2026-05-31T15:00:00Z'));
  });

  it('custom: says which day is missing or impossible, and when the last is before the first', () => {
    const now = Date.parse('2026-11-30T10:00:00Z');
    expect(periodRange({ kind: 'custom', firstDay: '', lastDay: '2026-11-30' }, now, 'UTC')).toEqual({ ok: false, problem: 'first-day-invalid' });
    expect(periodRange({ kind: 'custom', firstDay: '2026-11-01', lastDay: '2026-02-30' }, now, 'UTC')).toEqual({ ok: false, problem: 'last-day-invalid' });
    expect(periodRange({ kind: 'custom', firstDay: '2026-11-02', lastDay: '2026-11-01' }, now, 'UTC')).toEqual({ ok: false, problem: 'last-before-first' });
  });
});

describe('report views in the address', () => {
  it('round-trips every kind of period and both measures', () => {
    const views = [
      { choice: { kind: 'this-week' }, measure: 'calendar' },
      { choice: { kind: 'last-30-days' }, measure: 'business' },
      { choice: { kind: 'custom', firstDay: '2026-01-01', lastDay: '2026-03-31' }, measure: 'business' },
    ] as const;
    for (const view of views) expect(readReportView(reportViewQuery(view))).toEqual(view);
    expect(reportViewQuery(views[2])).toBe('?period=custom&from=2026-01-01&to=2026-03-31&measure=business');
  });

  it('falls back to the last 30 days in calendar minutes for anything it does not know', () => {
    expect(readReportView('')).toEqual({ choice: DEFAULT_PERIOD, measure: 'calendar' });
    expect(readReportView('?period=fortnight&measure=lunar')).toEqual({ choice: DEFAULT_PERIOD, measure: 'calendar' });
    expect(readReportView('?period=custom&from=2026-01-01&to=yesterday&measure=business')).toEqual({ choice: DEFAULT_PERIOD, measure: 'business' });
  });
});
