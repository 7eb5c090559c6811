import { describe, expect, it } from 'vitest';
import { dayOf, monthBefore, periodOf } from '@/lib/account-time/periods';
import { perProject, sessionMs } from '@/lib/account-time/totals';
import type { ManualEntry, Session } from '@/lib/account-time/types';

const iso = (ms: number) => new Date(ms).toISOString();

describe('day, week and month boundaries in a time zone', () => {
  it('a day starts at local midnight', () => {
    const at = Date.parse('2025-03-12T22:30:00Z'); // 00:30 on the 13th in Kyiv (UTC+2)
    expect(periodOf('day', at, 'Europe/Kyiv')).toMatchObject({ firstDay: '2025-03-13', lastDay: '2025-03-13' });
    expect(iso(periodOf('day', at, 'Europe/Kyiv').from)).toBe('2025-03-12T22:00:00.000Z');
    expect(iso(periodOf('day', at, 'UTC').from)).toBe('2025-03-12T00:00:00.000Z');
    expect(iso(periodOf('day', at, 'America/New_York').from)).toBe('2025-03-12T04:00:00.000Z');
  });

  it('a day across a daylight-saving change is 23 hours long', () => {
    const day = periodOf('day', Date.parse('2025-03-09T12:00:00Z'), 'America/New_York');
    expect(iso(day.from)).toBe('2025-03-09T05:00:00.000Z');
    expect(day.to - day.from).toBe(23 * 3600_000);
  });

  it('weeks start on Monday, months on the 1st, and roll over years', () => {
    const at = Date.parse('2025-01-01T10:00:00Z'); // a Wednesday
    expect(periodOf('week', at, 'UTC')).toMatchObject({ firstDay: '2024-12-30', lastDay: '2025-01-05' });
    expect(periodOf('month', at, 'UTC')).toMatchObject({ firstDay: '2025-01-01', lastDay: '2025-01-31' });
    expect(monthBefore(at, 1, 'UTC')).toMatchObject({ firstDay: '2024-12-01', lastDay: '2024-12-31' });
    expect(monthBefore(at, 11, 'UTC')).toMatchObject({ firstDay: '2024-02-01', lastDay: '2024-02-29' });
    expect(dayOf(at, 'Pacific/Kiritimati')).toBe('2025-01-02');
  });
});

describe('account time in a period', () => {
  const session = (start: string, end: string, projectId = '7'): Session => ({
    start: Date.parse(start),
    end: Date.parse(end),
    open: 0,
    taskId: '1',
    projectId,
    lastActivityAt: Date.parse(end),
    tabId: 1,
    focusedAt: 0,
  });

  it('a session across midnight counts on both days, in the zone\'s days', () => {
    const night = [session('2025-03-12T21:30:00Z', '2025-03-12T22:30:00Z')];
    const kyivDay13 = periodOf('day', Date.parse('2025-03-13T08:00:00Z'), 'Europe/Kyiv');
    const utcDay12 = periodOf('day', Date.parse('2025-03-12T08:00:00Z'), 'UTC');
    expect(sessionMs(night, kyivDay13.from, kyivDay13.to)).toBe(30 * 60_000);
    expect(sessionMs(night, utcDay12.from, utcDay12.to)).toBe(60 * 60_000);
  });

  it('totals per project add sessions and manual entries by day', () => {
    const month = periodOf('month', Date.parse('2025-03-12T08:00:00Z'), 'UTC');
    const entries: ManualEntry[] = [
      { projectId: '8', date: '2025-03-31', minutes: 45, kind: 'call', note: '', createdAt: 0 },
      { projectId: '8', date: '2025-04-01', minutes: 500, kind: 'invoice', note: '', createdAt: 0 },
    ];
    const rows = perProject([session('2025-03-02T10:00:00Z', '2025-03-02T10:30:00Z'), session('2025-02-28T10:00:00Z', '2025-02-28T11:00:00Z')], entries, month);
    expect(rows).toEqual([
      { projectId: '8', sessionMs: 0, manualMs: 45 * 60_000, totalMs: 45 * 60_000 },
      { projectId: '7', sessionMs: 30 * 60_000, manualMs: 0, totalMs: 30 * 60_000 },
    ]);
  });
});
