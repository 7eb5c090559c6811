// The simulator's pure parts: wire formats, signing, parameters, faults.
import { describe, expect, it } from 'vitest';
import { adminHashIsValid, bearerToken, checkToken, issueToken } from '../../simulator/api/auth.ts';
import { Params } from '../../simulator/api/params.ts';
import { FaultBook, SimulatorInputError, validateFault } from '../../simulator/faults.ts';
import { formatDateTime, formatDuration, instantAt, parseCostTime, parseInputDay, parseMoney } from '../../simulator/format.ts';
import { renderText } from '../../simulator/model.ts';

describe('wire formats', () => {
  it.each([
    ['0.15', 9], ['0,15', 9], ['0:09', 9], ['1:30', 90], ['1,5', 90], ['2', 120], ['10:05', 605],
  ])('reads cost time %s as %i minutes', (text, minutes) => {
    expect(parseCostTime(text)).toBe(minutes);
  });

  it.each(['', 'abc', '1:75', '-1', '1.5h', '1:3'])('refuses cost time "%s"', (text) => {
    expect(parseCostTime(text)).toBeNull();
  });

  it('reads DD.MM.YYYY and refuses other forms and impossible days', () => {
    expect(parseInputDay('15.01.2021')).toBe('2021-01-15');
    expect(parseInputDay('29.02.2024')).toBe('2024-02-29');
    for (const bad of ['29.02.2025', '2021-01-15', '1.1.2021', '15/01/2021', '']) expect(parseInputDay(bad)).toBeNull();
  });

  it('formats in the account time zone, durations as H:MM, money in cents', () => {
    const instant = new Date('2025-03-12T22:30:00Z');
    expect(formatDateTime(instant, 'UTC')).toBe('2025-03-12 22:30');
    expect(formatDateTime(instant, 'Europe/Kyiv')).toBe('2025-03-13 00:30');
    expect(formatDuration(6 * 60 + 50)).toBe('6:50');
    expect(formatDuration(103 * 60 + 39)).toBe('103:39');
    expect(parseMoney('12,5')).toBe(1250);
    expect(parseMoney('1.2.3')).toBeNull();
  });

  it('finds the instant of a wall-clock time, also across a DST change', () => {
    expect(instantAt('2025-03-30', 12, 0, 'Europe/Berlin').toISOString()).toBe('2025-03-30T10:00:00.000Z');
    expect(instantAt('2025-03-29', 12, 0, 'Europe/Berlin').toISOString()).toBe('2025-03-29T11:00:00.000Z');
  });

  it('renders checklists and mentions into text like the official examples', () => {
    expect(renderText('Need info', ['a', 'b'], ['Frank Harper'])).toBe('Need info\r\n• a\r\n• b Frank Harper');
    expect(renderText('', ['a'], [])).toBe('• a');
    expect(renderText('Only text', [], [])).toBe('Only text');
  });
});

describe('admin signing', () => {
  it('accepts the FAQ example: md5("action=get_tasks&id_project=26" + key)', () => {
    const key = '7776461cd931e7b1c8e9632ff8e979ce';
    expect(adminHashIsValid('action=get_tasks&id_project=26&hash=ec3ab2c28f21b4a07424f8ed688d6644', key)).toBe(true);
    expect(adminHashIsValid('action=get_tasks&id_project=26&hash=EC3AB2C28F21B4A07424F8ED688D6644', key)).toBe(true);
    expect(adminHashIsValid('action=get_tasks&id_project=27&hash=ec3ab2c28f21b4a07424f8ed688d6644', key)).toBe(false);
    expect(adminHashIsValid('action=get_tasks&id_project=26', key)).toBe(false);
  });
});

describe('access tokens', () => {
  it('issues verifiable tokens that expire on the simulator clock', () => {
    const token = issueToken('3993', Date.UTC(2030, 0, 1) / 1000);
    expect(checkToken(token, Date.UTC(2029, 0, 1))).toEqual({ ok: true, userId: '3993', jti: 'sim-3993' });
    expect(checkToken(token, Date.UTC(2031, 0, 1))).toEqual({ ok: false, reason: 'expired' });
    expect(checkToken(`${token}x`, Date.UTC(2029, 0, 1))).toEqual({ ok: false, reason: 'invalid' });
    expect(checkToken('not-a-jwt', 0)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('reads the Bearer header before the access_token parameter', () => {
    expect(bearerToken('Bearer abc', 'def')).toBe('abc');
    expect(bearerToken(undefined, 'def')).toBe('def');
    expect(bearerToken('Basic abc', undefined)).toBeUndefined();
  });
});

describe('parameters', () => {
  it('reads todo[] raw, percent-encoded and indexed, in order', () => {
    const params = Params.parse('todo%5B%5D=a&todo[]=b&todo[2]=c&todo[]=&other=x', null);
    expect(params.list('todo')).toEqual(['a', 'b', 'c']);
  });

  it('merges form and JSON bodies after the query, which wins', () => {
    const form = Params.parse('action=post_comment&text=query', { contentType: 'application/x-www-form-urlencoded', text: 'text=body&todo[]=x' });
    expect(form.get('text')).toBe('query');
    expect(form.list('todo')).toEqual(['x']);
    const json = Params.parse('action=post_task', { contentType: 'application/json', text: '{"title":"T","todo":["a","b"],"options":{"allow_close":1},"priority":3}' });
    expect([json.get('title'), json.list('todo'), json.get('options.allow_close'), json.get('priority')]).toEqual(['T', ['a', 'b'], '1', '3']);
    expect(Params.parse('', { contentType: 'text/plain', text: 'title=x' }).get('title')).toBeUndefined();
  });

  it('splits extra lists with spaces', () => {
    expect([...Params.parse('extra=text,%20options,users', null).extras()]).toEqual(['text', 'options', 'users']);
  });
});

describe('faults', () => {
  it('fire after afterCalls matching calls, `times` times, for their action only', () => {
    const book = new FaultBook();
    book.add({ kind: 'http-500', action: 'get_tasks', afterCalls: 1, times: 2 });
    const fired = ['get_tasks', 'get_users', 'get_tasks', 'get_tasks', 'get_tasks'].map((action) => book.take(action)?.kind ?? null);
    expect(fired).toEqual([null, null, 'http-500', 'http-500', null]);
    expect(book.list()).toEqual([]);
  });

  it('validates specs with clear messages', () => {
    expect(() => validateFault({ kind: 'boom' })).toThrow(SimulatorInputError);
    expect(() => validateFault({ kind: 'delay' })).toThrow(/delayMs/);
    expect(() => validateFault({ kind: 'http-500', afterCalls: -1 })).toThrow(/afterCalls/);
    expect(validateFault({ kind: 'rate-limit', action: 'get_events', times: 2 })).toEqual({ kind: 'rate-limit', action: 'get_events', times: 2 });
  });
});
