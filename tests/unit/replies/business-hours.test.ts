import { describe, expect, it } from 'vitest';
import { BusinessCalendar, businessCalendar, businessMinutesBetween, validateBusinessHours } from '../../../lib/replies/business-hours';
import type { BusinessHours } from '../../../lib/replies/types';
import { businessRun, replyClock, runningClock } from '../../../lib/replies/clock';
import { parseWsDateTime, wallClockAt } from '../../../lib/worksection/dates';
import { worded } from '../../support/problems';

const KYIV: BusinessHours = { timeZone: 'Europe/Kyiv', workDays: [1, 2, 3, 4, 5], start: '09:00', end: '18:00', holidays: [] };
const NEW_YORK: BusinessHours = { ...KYIV, timeZone: 'America/New_York' };
const ROUND_THE_CLOCK: BusinessHours = { ...KYIV, workDays: [1, 2, 3, 4, 5, 6, 7], start: '00:00', end: '24:00' };

/** An account-local wall time as an instant. */
const at = (text: string, timeZone = KYIV.timeZone): number => parseWsDateTime(text, timeZone).getTime();
const utc = (iso: string): number => Date.parse(iso);

describe('businessMinutesBetween', () => {
  it('counts only the working part of an evening wait (17:50 → next day 09:20 = 30 minutes)', () => {
    // 2024-03-12 is a Tuesday.
    expect(businessMinutesBetween(at('2024-03-12 17:50'), at('2024-03-13 09:20'), KYIV)).toBe(30);
  });

  it('skips the weekend (Friday 17:00 → Monday 10:00 = 2 hours)', () => {
    expect(businessMinutesBetween(at('2024-03-15 17:00'), at('2024-03-18 10:00'), KYIV)).toBe(120);
  });

  it('skips holidays', () => {
    // Friday 2024-03-08 is a day off; Thursday 17:00 → Monday 10:00.
    const withHoliday = { ...KYIV, holidays: ['2024-03-08'] };
    expect(businessMinutesBetween(at('2024-03-07 17:00'), at('2024-03-11 10:00'), withHoliday)).toBe(120);
    expect(businessMinutesBetween(at('2024-03-07 17:00'), at('2024-03-11 10:00'), KYIV)).toBe(120 + 540);
    expect(businessMinutesBetween(at('2024-03-08 10:00'), at('2024-03-08 12:00'), withHoliday)).toBe(0);
  });

  it('crosses months and years, with New Year as a holiday', () => {
    const newYear = { ...KYIV, holidays: ['2025-01-01'] };
    expect(businessMinutesBetween(at('2024-12-31 17:00'), at('2025-01-02 10:00'), newYear)).toBe(120);
    expect(businessMinutesBetween(at('2024-05-31 17:30'), at('2024-06-03 09:15'), KYIV)).toBe(45);
  });

  it('spans that start or end outside working hours count only the hours inside', () => {
    expect(businessMinutesBetween(at('2024-03-12 07:00'), at('2024-03-12 20:00'), KYIV)).toBe(540);
    expect(businessMinutesBetween(at('2024-03-12 12:00'), at('2024-03-12 12:45'), KYIV)).toBe(45);
    expect(businessMinutesBetween(at('2024-03-12 19:00'), at('2024-03-13 08:00'), KYIV)).toBe(0);
    expect(businessMinutesBetween(at('2024-03-16 10:00'), at('2024-03-17 12:00'), KYIV)).toBe(0);
    expect(businessMinutesBetween(at('2024-03-12 08:00'), at('2024-03-12 09:01'), KYIV)).toBe(1);
  });

  it('is 0 when start is not before end', () => {
    expect(businessMinutesBetween(at('2024-03-12 12:00'), at('2024-03-12 12:00'), KYIV)).toBe(0);
    expect(businessMinutesBetween(at('2024-03-12 14:00'), at('2024-03-12 12:00'), KYIV)).toBe(0);
  });

  it('floors to whole minutes', () => {
    const start = at('2024-03-12 12:00');
    expect(businessMinutesBetween(start, start + 59_999, KYIV)).toBe(0);
    expect(businessMinutesBetween(start, start + 60_000, KYIV)).toBe(1);
  });

  it('keeps working days at their wall-clock hours across the spring DST change (Europe/Kyiv, last Sunday of March)', () => {
    // Friday 17:00 EET (15:00Z) → Monday 10:00 EEST (07:00Z): the weekend lost an hour, the working days did not.
    const start = at('2024-03-29 17:00');
    const end = at('2024-04-01 10:00');
    expect(end - start).toBe((2 * 24 + 16) * 3_600_000);
    expect(businessMinutesBetween(start, end, KYIV)).toBe(120);
    // Monday's 09:00 is 06:00Z after the change, not 07:00Z.
    expect(businessMinutesBetween(utc('2024-04-01T05:00:00Z'), utc('2024-04-01T07:00:00Z'), KYIV)).toBe(60);
  });

  it('counts the real length of the DST change days when they are working time', () => {
    expect(businessMinutesBetween(at('2024-03-31 00:00'), at('2024-04-01 00:00'), ROUND_THE_CLOCK)).toBe(23 * 60);
    expect(businessMinutesBetween(at('2024-10-27 00:00'), at('2024-10-28 00:00'), ROUND_THE_CLOCK)).toBe(25 * 60);
    expect(businessMinutesBetween(at('2024-03-30 00:00'), at('2024-04-01 00:00'), ROUND_THE_CLOCK)).toBe(47 * 60);
    // Hours 02:00–05:00 straddle Kyiv's changes (03:00 → 04:00 in spring, 04:00 → 03:00 in autumn).
    const night = { ...ROUND_THE_CLOCK, start: '02:00', end: '05:00' };
    expect(businessMinutesBetween(at('2024-03-31 00:00'), at('2024-04-01 00:00'), night)).toBe(120);
    expect(businessMinutesBetween(at('2024-10-27 00:00'), at('2024-10-28 00:00'), night)).toBe(240);
    expect(businessMinutesBetween(at('2024-10-26 00:00'), at('2024-10-27 00:00'), night)).toBe(180);
  });

  it('follows America/New_York across its DST changes', () => {
    // Spring forward 2024-03-10, fall back 2024-11-03 (both Sundays).
    expect(businessMinutesBetween(at('2024-03-08 17:00', NEW_YORK.timeZone), at('2024-03-11 10:00', NEW_YORK.timeZone), NEW_YORK)).toBe(120);
    expect(businessMinutesBetween(utc('2024-03-08T22:00:00Z'), utc('2024-03-11T14:00:00Z'), NEW_YORK)).toBe(120);
    expect(businessMinutesBetween(at('2024-11-01 17:00', NEW_YORK.timeZone), at('2024-11-04 10:00', NEW_YORK.timeZone), NEW_YORK)).toBe(120);
    const nyAllDay = { ...ROUND_THE_CLOCK, timeZone: NEW_YORK.timeZone };
    expect(businessMinutesBetween(at('2024-03-10 00:00', NEW_YORK.timeZone), at('2024-03-11 00:00', NEW_YORK.timeZone), nyAllDay)).toBe(23 * 60);
    expect(businessMinutesBetween(at('2024-11-03 00:00', NEW_YORK.timeZone), at('2024-11-04 00:00', NEW_YORK.timeZone), nyAllDay)).toBe(25 * 60);
  });

  it('handles a change at local midnight west of UTC (America/Santiago: Saturday 24:00 → 23:00)', () => {
    const zone = 'America/Santiago';
    const allDay = { ...ROUND_THE_CLOCK, timeZone: zone };
    expect(businessMinutesBetween(at('2024-04-06 00:00', zone), at('2024-04-07 00:00', zone), allDay)).toBe(25 * 60);
    expect(businessMinutesBetween(at('2024-04-06 00:00', zone), at('2024-04-07 00:00', zone), { ...allDay, start: '20:00' })).toBe(5 * 60);
    // Spring: Sunday 2024-09-08 starts at 01:00 and has 23 hours.
    expect(businessMinutesBetween(at('2024-09-07 00:00', zone), at('2024-09-09 00:00', zone), allDay)).toBe(47 * 60);
    expect(businessMinutesBetween(at('2024-04-05 00:00', zone), at('2024-04-08 00:00', zone), allDay)).toBe(73 * 60);
  });

  it('handles a change at local midnight east of UTC (Asia/Beirut: 00:00 → 01:00, 24:00 → 23:00)', () => {
    const zone = 'Asia/Beirut';
    const allDay = { ...ROUND_THE_CLOCK, timeZone: zone };
    expect(businessMinutesBetween(at('2024-03-31 00:00', zone), at('2024-04-01 00:00', zone), allDay)).toBe(23 * 60);
    expect(businessMinutesBetween(at('2024-10-26 00:00', zone), at('2024-10-27 00:00', zone), allDay)).toBe(25 * 60);
    // Whole weekends: each day's window must end where the next one starts.
    expect(businessMinutesBetween(at('2024-03-30 00:00', zone), at('2024-04-01 00:00', zone), allDay)).toBe(47 * 60);
    expect(businessMinutesBetween(at('2024-10-25 00:00', zone), at('2024-10-28 00:00', zone), allDay)).toBe(73 * 60);
  });

  it('gives different answers for the same instants in different time zones', () => {
    const start = utc('2024-03-12T06:30:00Z');
    const end = utc('2024-03-12T16:00:00Z');
    expect(businessMinutesBetween(start, end, KYIV)).toBe(540); // 08:30–18:00 local
    expect(businessMinutesBetween(start, end, NEW_YORK)).toBe(180); // 02:30–12:00 EDT
    expect(businessMinutesBetween(start, end, { ...KYIV, timeZone: 'Asia/Tokyo' })).toBe(150); // 15:30–01:00
    expect(businessMinutesBetween(start, end, { ...KYIV, timeZone: 'UTC' })).toBe(420); // 06:30–16:00
  });

  it('sums a 90-day span day by day', () => {
    // 2024-01-01 … 2024-03-30: 23 + 21 + 21 weekdays of 9 hours.
    expect(businessMinutesBetween(at('2024-01-01 00:00'), at('2024-03-31 00:00'), KYIV)).toBe(65 * 540);
  });

  it('treats 24:00 as the end of the day', () => {
    const evenings = { ...KYIV, start: '18:00', end: '24:00' };
    expect(businessMinutesBetween(at('2024-03-12 17:00'), at('2024-03-13 01:00'), evenings)).toBe(360);
  });

  it('agrees with counting minute by minute on wall clocks, around DST changes and holidays', () => {
    const hours: BusinessHours = { timeZone: 'Europe/Kyiv', workDays: [1, 2, 3, 4, 6], start: '08:30', end: '17:15', holidays: ['2024-03-28', '2024-10-29'] };
    const isoDate = (wall: ReturnType<typeof wallClockAt>): string =>
      `${wall.year}-${String(wall.month).padStart(2, '0')}-${String(wall.day).padStart(2, '0')}`;
    const byMinute = (start: number, end: number): number => {
      let minutes = 0;
      for (let t = start; t < end; t += 60_000) {
        const wall = wallClockAt(t, hours.timeZone);
        const isoWeekday = ((new Date(Date.UTC(wall.year, wall.month - 1, wall.day)).getUTCDay() + 6) % 7) + 1;
        const minuteOfDay = wall.hour * 60 + wall.minute;
        if (hours.workDays.includes(isoWeekday) && !hours.holidays.includes(isoDate(wall)) && minuteOfDay >= 8 * 60 + 30 && minuteOfDay < 17 * 60 + 15) {
          minutes++;
        }
      }
      return minutes;
    };
    // Deterministic spans of up to 6 days, starting around both 2024 changes.
    let seed = 42;
    const random = (): number => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    for (const base of [utc('2024-03-26T00:00:00Z'), utc('2024-10-24T00:00:00Z')]) {
      for (let i = 0; i < 3; i++) {
        const start = base + Math.floor(random() * 4 * 1440) * 60_000;
        const end = start + Math.floor(random() * 6 * 1440) * 60_000;
        expect(businessMinutesBetween(start, end, hours), new Date(start).toISOString()).toBe(byMinute(start, end));
      }
    }
  });

  it('answers the same whatever order spans are asked in (the calendar grows both ways)', () => {
    const hours: BusinessHours = { ...KYIV, holidays: ['2024-05-01', '2024-12-25'] };
    const day = 86_400_000;
    const base = utc('2024-01-03T10:17:00Z');
    const spans = Array.from({ length: 40 }, (_, i) => [base + i * 9 * day + i * 3_600_000, base + i * 9 * day + (i % 7) * 5 * day + 7_200_000] as const);
    const forward = new BusinessCalendar(hours);
    const backward = new BusinessCalendar(hours);
    const inOrder = spans.map(([start, end]) => forward.minutesBetween(start, end));
    const inReverse = [...spans].reverse().map(([start, end]) => backward.minutesBetween(start, end)).reverse();
    // Summing day-sized pieces exercises only the short-span path.
    const pieceWise = spans.map(([start, end]) => {
      let ms = 0;
      for (let from = start; from < end; from += day) ms += new BusinessCalendar(hours).minutesBetween(from, Math.min(from + day, end)) * 60_000;
      return ms / 60_000;
    });
    expect(inReverse).toEqual(inOrder);
    expect(inOrder).toEqual(pieceWise);
    expect(inOrder.some((minutes) => minutes > 5 * 540)).toBe(true);
  });

  it('shares one calendar per distinct hours', () => {
    expect(businessCalendar({ ...KYIV })).toBe(businessCalendar({ ...KYIV, workDays: [1, 2, 3, 4, 5] }));
    expect(businessCalendar({ ...KYIV, end: '17:00' })).not.toBe(businessCalendar(KYIV));
    const calendar = businessCalendar(KYIV);
    expect(businessMinutesBetween(at('2024-03-12 17:50'), at('2024-03-13 09:20'), calendar)).toBe(30);
  });

  it('refuses invalid hours and non-finite instants with a RangeError', () => {
    expect(() => businessMinutesBetween(0, 1, { ...KYIV, timeZone: 'Mars/Olympus' })).toThrow(/timeZone/);
    expect(() => businessMinutesBetween(0, 1, { ...KYIV, start: '18:00', end: '09:00' })).toThrow(RangeError);
    expect(() => businessMinutesBetween(Number.NaN, 1, KYIV)).toThrow(RangeError);
  });
});

describe('a wait that runs on without a calendar (BusinessCalendar.runAt, businessRun, runningClock)', () => {
  it('says whether an instant is working time and when that changes: the window end, or the next window start', () => {
    const calendar = new BusinessCalendar(KYIV);
    // Wednesday 2024-03-13, 10:00 in Kyiv: working until 18:00.
    expect(calendar.runAt(at('2024-03-13 10:00'))).toEqual({ working: true, until: at('2024-03-13 18:00') });
    // Friday 18:00 is the end of the window: off until Monday 09:00.
    expect(calendar.runAt(at('2024-03-15 18:00'))).toEqual({ working: false, until: at('2024-03-18 09:00') });
    // Before the day's window.
    expect(calendar.runAt(at('2024-03-13 07:59'))).toEqual({ working: false, until: at('2024-03-13 09:00') });
  });

  it('looks past long runs of holidays, and stops looking after 400 days', () => {
    const holidays = Array.from({ length: 60 }, (_, i) => new Date(Date.UTC(2024, 6, 1 + i)).toISOString().slice(0, 10));
    const summer = new BusinessCalendar({ ...KYIV, holidays });
    expect(summer.runAt(at('2024-06-28 18:30'))).toEqual({ working: false, until: at('2024-08-30 09:00') });
    const never = new BusinessCalendar({ ...KYIV, workDays: [1], holidays: Array.from({ length: 70 }, (_, i) => new Date(Date.UTC(2024, 0, 1 + 7 * i)).toISOString().slice(0, 10)) });
    const start = at('2024-01-01 00:00');
    expect(never.runAt(start)).toEqual({ working: false, until: start + 400 * 86_400_000 });
  });

  it('moves a reading on to the same business minutes the calendar counts, until the reading says to ask again', () => {
    const hours: BusinessHours = { ...KYIV, holidays: ['2024-03-29'] };
    const thresholds = { soon: 10, late: 15, escalated: 30 };
    const since = at('2024-03-27 16:40');
    for (const readAt of [at('2024-03-27 17:00'), at('2024-03-27 19:00'), at('2024-03-28 08:59'), at('2024-03-31 03:30')]) {
      const run = businessRun(since, readAt, hours);
      for (let now = readAt; now < run.until; now += 7 * 60_000) {
        const { clock, fresh } = runningClock(since, run, now, thresholds);
        expect(fresh).toBe(true);
        expect(clock.businessMinutes, new Date(now).toISOString()).toBe(businessMinutesBetween(since, now, hours));
        expect(clock).toEqual(replyClock(since, now, hours, thresholds));
      }
      // Past `until` the reading no longer holds: its business time stops where it held.
      const later = runningClock(since, run, run.until + 3_600_000, thresholds);
      expect(later.fresh).toBe(false);
      expect(later.clock.businessMinutes).toBe(businessMinutesBetween(since, run.until, hours));
    }
  });

  it('runs a wait that starts after the reading (a skewed clock) from its start', () => {
    const since = at('2024-03-13 11:00');
    const run = businessRun(since, since - 5 * 60_000, KYIV);
    expect(run).toEqual({ at: since, workedMs: 0, working: true, until: at('2024-03-13 18:00') });
    expect(runningClock(since, run, since - 60_000, { soon: 10, late: 15, escalated: 30 }).clock.businessMinutes).toBe(0);
  });
});

describe('validateBusinessHours', () => {
  it('accepts good hours', () => {
    expect(validateBusinessHours(KYIV)).toEqual([]);
    expect(validateBusinessHours({ ...KYIV, end: '24:00', holidays: ['2024-02-29'] })).toEqual([]);
  });

  it.each([
    [{ timeZone: 'Nowhere/City' }, /^timeZone: "Nowhere\/City" is not a time zone/],
    [{ workDays: [] }, /^workDays: needs at least one/],
    [{ workDays: [1, 8] }, /^workDays\[1\]: expected a weekday/],
    [{ workDays: [1, 1] }, /^workDays\[1\]: 1 is listed twice/],
    [{ workDays: 'weekdays' }, /^workDays: expected a list/],
    [{ start: '9:00' }, /^start: expected HH:MM/],
    [{ start: '24:00' }, /^start: expected HH:MM/],
    [{ end: '18:60' }, /^end: expected HH:MM/],
    [{ start: '18:00', end: '18:00' }, /^end: must be after start/],
    [{ holidays: ['2023-02-29'] }, /^holidays\[0\]: expected a real date/],
    [{ holidays: ['08.03.2024'] }, /^holidays\[0\]: expected a real date/],
  ])('reports %j', (change, problem) => {
    const problems = worded(validateBusinessHours({ ...KYIV, ...change }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(problem);
  });

  it('reports a non-object', () => {
    expect(worded(validateBusinessHours(null))).toEqual(['expected an object, got null']);
  });
});
