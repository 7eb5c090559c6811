import { describe, expect, it } from 'vitest';
import {
  DEFAULT_REPLY_THRESHOLDS,
  compareUrgency,
  describeWait,
  formatWait,
  replyClock,
  replyState,
  validateReplyThresholds,
  worstState,
} from '../../../lib/replies/clock';
import type { BusinessHours, ReplyClock } from '../../../lib/replies/types';
import { parseWsDateTime } from '../../../lib/worksection/dates';
import { worded } from '../../support/problems';

const KYIV: BusinessHours = { timeZone: 'Europe/Kyiv', workDays: [1, 2, 3, 4, 5], start: '09:00', end: '18:00', holidays: [] };
const at = (text: string): number => parseWsDateTime(text, KYIV.timeZone).getTime();

describe('replyState', () => {
  it.each([
    [0, 'ok'],
    [9, 'ok'],
    [10, 'soon'],
    [15, 'soon'],
    [16, 'late'],
    [30, 'late'],
    [31, 'escalated'],
    [10_000, 'escalated'],
  ] as const)('%i minutes with the defaults → %s', (minutes, state) => {
    expect(replyState(minutes, DEFAULT_REPLY_THRESHOLDS)).toBe(state);
  });

  it('uses the thresholds given', () => {
    const strict = { soon: 2, late: 5, escalated: 8 };
    expect([1, 2, 5, 6, 8, 9].map((minutes) => replyState(minutes, strict))).toEqual(['ok', 'soon', 'soon', 'late', 'late', 'escalated']);
  });
});

describe('replyClock', () => {
  it('gives calendar and business minutes of an evening wait, in the calendar state', () => {
    // Tuesday 17:50 → Wednesday 09:20: 15.5 hours on the calendar, 30 working minutes.
    expect(replyClock(at('2024-03-12 17:50'), at('2024-03-13 09:20'), KYIV, DEFAULT_REPLY_THRESHOLDS)).toEqual({
      calendarMinutes: 930,
      businessMinutes: 30,
      state: 'escalated',
    });
  });

  it('floors calendar minutes and reads a clock skew as no wait', () => {
    const since = at('2024-03-12 12:00');
    expect(replyClock(since, since + 10 * 60_000 - 1, KYIV, DEFAULT_REPLY_THRESHOLDS)).toEqual({ calendarMinutes: 9, businessMinutes: 9, state: 'ok' });
    expect(replyClock(since, since + 10 * 60_000, KYIV, DEFAULT_REPLY_THRESHOLDS).state).toBe('soon');
    expect(replyClock(since, since - 120_000, KYIV, DEFAULT_REPLY_THRESHOLDS)).toEqual({ calendarMinutes: 0, businessMinutes: 0, state: 'ok' });
  });

  it('turns late after 15 minutes of calendar time even when no business time passed', () => {
    const saturday = at('2024-03-16 11:00');
    expect(replyClock(saturday, saturday + 16 * 60_000, KYIV, DEFAULT_REPLY_THRESHOLDS)).toEqual({ calendarMinutes: 16, businessMinutes: 0, state: 'late' });
  });

  it('refuses non-finite instants', () => {
    expect(() => replyClock(Number.NaN, 0, KYIV, DEFAULT_REPLY_THRESHOLDS)).toThrow(RangeError);
  });
});

describe('formatWait and describeWait', () => {
  it.each([
    [0, '0m', '0 minutes'],
    [1, '1m', '1 minute'],
    [23, '23m', '23 minutes'],
    [59, '59m', '59 minutes'],
    [60, '1h', '1 hour'],
    [61, '1h 1m', '1 hour 1 minute'],
    [125, '2h 5m', '2 hours 5 minutes'],
    [1439, '23h 59m', '23 hours 59 minutes'],
    [1440, '1d', '1 day'],
    [1500, '1d 1h', '1 day 1 hour'],
    [3 * 1440 + 4 * 60 + 59, '3d 4h', '3 days 4 hours'],
    [23.9, '23m', '23 minutes'],
  ])('%d minutes → %s / %s', (minutes, short, long) => {
    expect(formatWait(minutes)).toBe(short);
    expect(describeWait(minutes)).toBe(long);
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])('refuses %d', (minutes) => {
    expect(() => formatWait(minutes)).toThrow(RangeError);
    expect(() => describeWait(minutes)).toThrow(RangeError);
  });
});

describe('compareUrgency', () => {
  it('sorts by state severity, then the longer wait first', () => {
    const clocks: Array<Pick<ReplyClock, 'state' | 'calendarMinutes'> & { name: string }> = [
      { name: 'ok 5', state: 'ok', calendarMinutes: 5 },
      { name: 'late 20', state: 'late', calendarMinutes: 20 },
      { name: 'escalated 31', state: 'escalated', calendarMinutes: 31 },
      { name: 'late 25', state: 'late', calendarMinutes: 25 },
      { name: 'soon 12', state: 'soon', calendarMinutes: 12 },
      { name: 'escalated 90', state: 'escalated', calendarMinutes: 90 },
    ];
    expect(clocks.sort(compareUrgency).map((clock) => clock.name)).toEqual(['escalated 90', 'escalated 31', 'late 25', 'late 20', 'soon 12', 'ok 5']);
  });

  it('ranks by state before wait, whatever thresholds made it', () => {
    expect(compareUrgency({ state: 'late', calendarMinutes: 5 }, { state: 'soon', calendarMinutes: 500 })).toBeLessThan(0);
    expect(compareUrgency({ state: 'late', calendarMinutes: 20 }, { state: 'late', calendarMinutes: 20 })).toBe(0);
  });
});

describe('worstState', () => {
  it('picks the more severe state', () => {
    expect(worstState(undefined, 'ok')).toBe('ok');
    expect(worstState('late', undefined)).toBe('late');
    expect(worstState('late', 'soon')).toBe('late');
    expect(worstState('soon', 'escalated')).toBe('escalated');
    expect(worstState(undefined, undefined)).toBeUndefined();
  });
});

describe('validateReplyThresholds', () => {
  it('accepts increasing whole minutes', () => {
    expect(validateReplyThresholds({ soon: 10, late: 15, escalated: 30 })).toEqual([]);
  });

  it.each([
    [{ soon: 0, late: 15, escalated: 30 }, ['soon: expected whole minutes from 1 to 43200, got 0']],
    [{ soon: 10, late: 12.5, escalated: 30 }, ['late: expected whole minutes from 1 to 43200, got 12.5']],
    [{ soon: 10, late: '15', escalated: 30 }, ['late: expected whole minutes from 1 to 43200, got "15"']],
    [{ soon: 10, late: 15 }, ['escalated: expected whole minutes from 1 to 43200, got nothing']],
    [{ soon: 15, late: 15, escalated: 30 }, ['late: must be more than soon (15)']],
    [{ soon: 10, late: 30, escalated: 20 }, ['escalated: must be more than late (30)']],
  ])('reports %j', (thresholds, problems) => {
    expect(worded(validateReplyThresholds(thresholds))).toEqual(problems);
  });
});
