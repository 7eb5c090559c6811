import { describe, expect, it } from 'vitest';
import {
  formatWsDate,
  minutesToWsTime,
  parseWsDateTime,
  timeZoneOffsetMs,
  toWsInputDate,
  tryParseWsDateTime,
  wsTimeToMinutes,
} from '../../../lib/worksection/dates';

describe('parseWsDateTime', () => {
  it.each([
    ['2021-01-07 10:01', 'UTC', '2021-01-07T10:01:00.000Z'],
    ['2021-01-07', 'UTC', '2021-01-07T00:00:00.000Z'],
    ['2021-01-07 10:01', 'Asia/Almaty', '2021-01-07T04:01:00.000Z'],
    ['2021-07-01 09:00', 'Europe/Kyiv', '2021-07-01T06:00:00.000Z'],
    ['2021-01-01 09:00', 'Europe/Kyiv', '2021-01-01T07:00:00.000Z'],
    ['2021-01-07 10:01', 'America/New_York', '2021-01-07T15:01:00.000Z'],
    ['2021-01-07 10:01:30', 'UTC', '2021-01-07T10:01:30.000Z'],
    ['2024-02-29 23:59', 'UTC', '2024-02-29T23:59:00.000Z'],
  ])('%s in %s', (text, zone, iso) => {
    expect(parseWsDateTime(text, zone).toISOString()).toBe(iso);
  });

  it('defaults to UTC', () => {
    expect(parseWsDateTime('2021-01-07 10:01').toISOString()).toBe('2021-01-07T10:01:00.000Z');
  });

  it('reads a wall time skipped by the spring DST change as the same time after the gap', () => {
    // Kyiv went from 03:00 EET to 04:00 EEST on 2021-03-28.
    expect(parseWsDateTime('2021-03-28 03:30', 'Europe/Kyiv').toISOString()).toBe('2021-03-28T01:30:00.000Z');
    expect(parseWsDateTime('2024-03-10 02:30', 'America/New_York').toISOString()).toBe('2024-03-10T07:30:00.000Z');
  });

  it('reads a repeated autumn wall time as its first occurrence', () => {
    expect(parseWsDateTime('2021-10-31 03:30', 'Europe/Kyiv').toISOString()).toBe('2021-10-31T00:30:00.000Z');
  });

  it.each(['', '07.01.2021', '2021-13-01', '2021-02-30', '2021-01-07 24:00', '2021-01-07 10:60', '2021-1-7', 'yesterday'])(
    'refuses %j',
    (text) => {
      expect(() => parseWsDateTime(text)).toThrow(RangeError);
      expect(tryParseWsDateTime(text)).toBeUndefined();
    },
  );

  it('refuses an unknown time zone with a clear error', () => {
    expect(() => parseWsDateTime('2021-01-07', 'Mars/Olympus')).toThrow(/Unknown time zone "Mars\/Olympus"/);
  });
});

describe('timeZoneOffsetMs', () => {
  it('follows DST', () => {
    expect(timeZoneOffsetMs(Date.UTC(2021, 0, 1), 'Europe/Kyiv')).toBe(2 * 3600_000);
    expect(timeZoneOffsetMs(Date.UTC(2021, 6, 1), 'Europe/Kyiv')).toBe(3 * 3600_000);
    expect(timeZoneOffsetMs(Date.UTC(2021, 6, 1), 'UTC')).toBe(0);
  });
});

describe('input dates', () => {
  it('formats the calendar day in the given zone', () => {
    const instant = new Date('2021-01-14T22:30:00Z');
    expect(formatWsDate(instant)).toBe('14.01.2021');
    expect(formatWsDate(instant, 'Europe/Kyiv')).toBe('15.01.2021');
    expect(formatWsDate(new Date('2021-01-15T02:00:00Z'), 'America/New_York')).toBe('14.01.2021');
    expect(() => formatWsDate(new Date(NaN))).toThrow(RangeError);
  });

  it.each([
    ['2021-01-15', '15.01.2021'],
    ['15.01.2021', '15.01.2021'],
    [' 2024-02-29 ', '29.02.2024'],
  ])('toWsInputDate(%j) → %s', (input, expected) => {
    expect(toWsInputDate(input)).toBe(expected);
  });

  it.each(['2021-02-30', '30.02.2021', '15/01/2021', '2021-01-15 10:00', ''])('toWsInputDate refuses %j', (input) => {
    expect(() => toWsInputDate(input)).toThrow(RangeError);
  });
});

describe('H:MM times', () => {
  it.each([
    [1, '0:01'],
    [59, '0:59'],
    [60, '1:00'],
    [90, '1:30'],
    [410, '6:50'],
    [6219, '103:39'],
  ])('%i minutes ↔ %s', (minutes, text) => {
    expect(minutesToWsTime(minutes)).toBe(text);
    expect(wsTimeToMinutes(text)).toBe(minutes);
  });

  it.each([0, -5, 1.5, NaN, Infinity])('refuses %s minutes', (minutes) => {
    expect(() => minutesToWsTime(minutes)).toThrow(RangeError);
  });

  it('reads only H:MM', () => {
    expect(wsTimeToMinutes('00:11:13')).toBeUndefined();
    expect(wsTimeToMinutes('1:5')).toBeUndefined();
    expect(wsTimeToMinutes('1,5')).toBeUndefined();
    expect(wsTimeToMinutes('-0:30')).toBe(-30);
  });
});
