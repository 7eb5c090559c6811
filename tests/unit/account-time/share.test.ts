import { describe, expect, it } from 'vitest';
import { accountCost, accountShare, shareLevel } from '@/lib/account-time/share';
import { parseAccountTimeSettings } from '@/lib/account-time/settings';
import { defaultSettings, mergeSettings, parseSettings } from '@/lib/settings';
import { wordedResult } from '../../support/problems';

describe('account share', () => {
  it('is account time over the hours logged on the project, against 10 / 15 %', () => {
    const share = accountShare({ accountMinutes: 60, loggedMinutes: 600, unwrittenMinutes: 60, writeBack: false });
    expect(share).toMatchObject({ kind: 'share', percent: 10, level: 'green', projectMinutes: 600 });
    expect(shareLevel(10.01)).toBe('amber');
    expect(shareLevel(15)).toBe('amber');
    expect(shareLevel(15.5)).toBe('red');
    expect(shareLevel(12, { green: 12, amber: 20 })).toBe('green');
  });

  it('with write-back never counts written-back time twice, and the share does not jump when a batch is sent', () => {
    // 60 min of account time, none written yet; 540 min logged by the team.
    const before = accountShare({ accountMinutes: 60, loggedMinutes: 540, unwrittenMinutes: 60, writeBack: true });
    // The batch is sent: Worksection now reports 600 logged minutes, nothing unwritten.
    const after = accountShare({ accountMinutes: 60, loggedMinutes: 600, unwrittenMinutes: 0, writeBack: true });
    expect(before).toMatchObject({ percent: 10, projectMinutes: 600 });
    expect(after).toMatchObject({ percent: 10, projectMinutes: 600 });
  });

  it('a project with no logged hours gets an explanation, not a division by zero', () => {
    expect(accountShare({ accountMinutes: 30, loggedMinutes: 0, unwrittenMinutes: 30, writeBack: false })).toEqual({ kind: 'no-project-hours', accountMinutes: 30 });
    expect(() => accountShare({ accountMinutes: -1, loggedMinutes: 0, unwrittenMinutes: 0, writeBack: false })).toThrow(/accountMinutes/);
  });

  it('cost is hours × rate, rounded to cents; none without a rate', () => {
    expect(accountCost(90, 40)).toBe(60);
    expect(accountCost(10, 33.33)).toBe(5.56);
    expect(accountCost(90, null)).toBeNull();
  });
});

describe('account time settings', () => {
  it('default to a 60 s idle limit, 10 / 15 % thresholds, no rate, no write-back', () => {
    expect(defaultSettings('UTC').accountTime).toEqual({ idleSeconds: 60, shareThresholds: { green: 10, amber: 15 }, hourlyRate: null, writeBack: false });
  });

  it('settings saved before account time existed get its defaults', () => {
    const old = JSON.parse(JSON.stringify(defaultSettings('UTC'))) as Record<string, unknown>;
    delete old.accountTime;
    const parsed = parseSettings(old);
    expect(parsed.ok && parsed.settings.accountTime.idleSeconds).toBe(60);
  });

  it.each([
    [{ idleSeconds: 14 }, 'accountTime.idleSeconds: expected whole seconds from 15 to 3600, got 14'],
    [{ idleSeconds: 20.5 }, 'accountTime.idleSeconds: expected whole seconds from 15 to 3600, got 20.5'],
    [{ shareThresholds: { green: 20, amber: 15 } }, 'accountTime.shareThresholds.amber: must be at least green (20 %), got 15'],
    [{ shareThresholds: { green: 0, amber: 15 } }, 'accountTime.shareThresholds.green: expected a percentage above 0 and at most 100, got 0'],
    [{ hourlyRate: -5 }, 'accountTime.hourlyRate: expected a rate from 0 to 1000000 or null, got -5'],
    [{ writeBack: 'yes' }, 'accountTime.writeBack: expected true or false, got "yes"'],
    [{ extra: 1 }, 'accountTime.extra: unknown setting'],
  ])('refuses %j', (patch, problem) => {
    const result = mergeSettings(defaultSettings('UTC'), { accountTime: patch as never });
    expect(wordedResult(result)).toEqual({ ok: false, problems: [problem] });
  });

  it('accepts the minimum idle limit and a rate', () => {
    const result = mergeSettings(defaultSettings('UTC'), { accountTime: { idleSeconds: 15, hourlyRate: 45 } });
    expect(result.ok && result.settings.accountTime).toMatchObject({ idleSeconds: 15, hourlyRate: 45 });
    expect(parseAccountTimeSettings(null, [])).toBeUndefined();
  });
});
