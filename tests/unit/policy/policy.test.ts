// The managed policy as pure data: strict parsing of hostile input, the merge
// over the user's settings, locks and the user's own changes to unlocked values.
import { describe, expect, it } from 'vitest';
import {
  applyPolicy as applyPolicyWithProblems,
  changedLocks,
  isLocked,
  isManaged,
  overridesAfterSave,
  parsePolicy as parsePolicyWithProblems,
  type Policy,
} from '../../../lib/policy/policy';
import { defaultSettings, mergeSettings, type DeepPartial, type Settings } from '../../../lib/settings';
import { worded } from '../../support/problems';

// The problems as Diagnostics shows them (worded in English here).
const parsePolicy = (input: unknown) => {
  const reading = parsePolicyWithProblems(input);
  return { ...reading, problems: worded(reading.problems) };
};
const applyPolicy = (...args: Parameters<typeof applyPolicyWithProblems>) => {
  const applied = applyPolicyWithProblems(...args);
  return { ...applied, problems: worded(applied.problems) };
};

const defaults = (): Settings => defaultSettings('Europe/Kyiv');

/** The user's settings: the defaults with `patch` saved over them. */
function userSettings(patch: DeepPartial<Settings>): Settings {
  const merged = mergeSettings(defaults(), patch);
  if (!merged.ok) throw new Error(worded(merged.problems).join('; '));
  return merged.settings;
}

function policyOf(input: unknown): Policy {
  const { policy } = parsePolicy(input);
  if (!policy) throw new Error('expected a policy');
  return policy;
}

const TEAM_POLICY = {
  accountUrl: 'agency.worksection.com',
  oauth: { clientId: 'client-123', clientSecret: 's3cr3t-XYZ' },
  language: 'kk',
  account: { timeZone: 'Asia/Almaty' },
  businessHours: { timeZone: 'Asia/Almaty', workDays: [5, 1, 2, 3, 4], start: '10:00', end: '19:00', holidays: ['2026-12-16'] },
  replyThresholds: { soon: 5, late: 20, escalated: 45 },
  clients: { emails: ['Boss@Client.Example'], domains: ['client.example'], projectIds: ['101', 102] },
  templates: { teamProjectId: '777' },
  accountTime: { shareThresholds: { green: 8, amber: 12 }, writeBack: true },
  lockedSettings: ['replyThresholds.late', 'accountTime.writeBack'],
};

describe('parsePolicy', () => {
  it('reads a full team policy: its values normalised as settings keep them, every value path managed, locks kept', () => {
    const { policy, problems } = parsePolicy(TEAM_POLICY);
    expect(problems).toEqual([]);
    expect(policy).toEqual({
      accountUrl: 'https://agency.worksection.com',
      oauth: { clientId: 'client-123', clientSecret: 's3cr3t-XYZ' },
      language: 'kk',
      settings: {
        account: { timeZone: 'Asia/Almaty' },
        businessHours: { timeZone: 'Asia/Almaty', workDays: [1, 2, 3, 4, 5], start: '10:00', end: '19:00', holidays: ['2026-12-16'] },
        replyThresholds: { soon: 5, late: 20, escalated: 45 },
        clients: { emails: ['boss@client.example'], domains: ['client.example'], projectIds: ['101', '102'] },
        templates: { teamProjectId: '777' },
        accountTime: { shareThresholds: { green: 8, amber: 12 }, writeBack: true },
        language: 'kk',
      },
      managed: [
        'clients.emails',
        'clients.domains',
        'clients.projectIds',
        'account.timeZone',
        'businessHours.timeZone',
        'businessHours.workDays',
        'businessHours.start',
        'businessHours.end',
        'businessHours.holidays',
        'replyThresholds.soon',
        'replyThresholds.late',
        'replyThresholds.escalated',
        'accountTime.shareThresholds.green',
        'accountTime.shareThresholds.amber',
        'accountTime.writeBack',
        'templates.teamProjectId',
        'language',
      ],
      locked: ['replyThresholds.late', 'accountTime.writeBack'],
    });
  });

  it('is no policy when storage.managed has nothing (undefined, null or an empty object)', () => {
    for (const input of [undefined, null, {}]) expect(parsePolicy(input)).toEqual({ policy: null, problems: [] });
  });

  it('refuses a policy that is not an object, naming what it got', () => {
    for (const input of ['{"accountUrl":"x"}', 42, [TEAM_POLICY], true]) {
      const { policy, problems } = parsePolicy(input);
      expect(policy).toBeNull();
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(/^policy: expected an object, got /);
    }
  });

  it('reports unknown keys at every level and ignores them, keeping the rest', () => {
    const { policy, problems } = parsePolicy({
      accountURL: 'typo.worksection.com',
      version: 2,
      oauth: { clientId: 'abc', redirect: 'https://evil.example' },
      replyThresholds: { soon: 10, late: 20, escalated: 30, sooon: 3 },
      accountTime: { writeBack: true, autoSend: true },
    });
    expect(problems).toEqual([
      'accountURL: unknown policy',
      'version: unknown policy',
      'oauth.redirect: unknown policy',
      'replyThresholds.sooon: unknown setting',
      'accountTime.autoSend: unknown setting',
    ]);
    expect(policy?.oauth).toEqual({ clientId: 'abc' });
    expect(policy?.settings).toEqual({ replyThresholds: { soon: 10, late: 20, escalated: 30 }, accountTime: { writeBack: true } });
    expect(policy?.accountUrl).toBeUndefined();
  });

  it('reports wrong types with their path and ignores just those values', () => {
    const { policy, problems } = parsePolicy({
      accountUrl: 42,
      oauth: { clientId: '', clientSecret: 'has spaces in it' },
      language: 'de',
      replyThresholds: { soon: '10', late: 20.5, escalated: 30 },
      clients: 'acme.com',
      businessHours: { start: '9am', end: '17:00' },
      accountTime: { writeBack: 'yes', shareThresholds: { green: 10, amber: 20 } },
      templates: { teamProjectId: 'DROP TABLE' },
      pollMinutes: 0,
    });
    expect(problems).toEqual([
      "accountUrl: expected the account's address, got 42",
      "oauth.clientId: expected the OAuth app's client id, got \"\" (printable, no spaces, at most 500 characters)",
      "oauth.clientSecret: expected the OAuth app's client secret as text (printable, no spaces, at most 500 characters)",
      'language: expected one of en, ru, uk, kk, got "de"',
      'clients: expected an object, got "acme.com"',
      'businessHours.start: expected HH:MM (00:00–23:59), got "9am"',
      'replyThresholds.soon: expected whole minutes from 1 to 43200, got "10"',
      'replyThresholds.late: expected whole minutes from 1 to 43200, got 20.5',
      'pollMinutes: expected minutes from 0.5 to 60, got 0',
      'accountTime.writeBack: expected true or false, got "yes"',
      'templates.teamProjectId: expected a Worksection project id or "", got "DROP TABLE"',
    ]);
    expect(policy).toEqual({
      settings: { replyThresholds: { escalated: 30 }, businessHours: { end: '17:00' }, accountTime: { shareThresholds: { green: 10, amber: 20 } } },
      managed: ['businessHours.end', 'replyThresholds.escalated', 'accountTime.shareThresholds.green', 'accountTime.shareThresholds.amber'],
      locked: [],
    });
  });

  it('never quotes the client secret back in a problem', () => {
    const secret = 'top secret value';
    const { problems } = parsePolicy({ oauth: { clientSecret: secret } });
    expect(problems.join('\n')).not.toContain('top secret');
  });

  it('drops only the list entries the validator refuses, keeping the others', () => {
    const { policy, problems } = parsePolicy({
      clients: { emails: ['ok@client.example', 'not an email', 'Also@Client.Example'], domains: ['client.example', 'bad domain', 42] },
      businessHours: { holidays: ['2026-12-16', '2026-02-30'], workDays: [1, 2, 2, 9] },
    });
    expect(problems).toEqual([
      'clients.emails[1]: "not an email" is not an email address',
      'clients.domains[1]: "bad domain" is not an email domain (like acme.com)',
      'clients.domains[2]: 42 is not an email domain (like acme.com)',
      'businessHours.workDays[2]: 2 is listed twice',
      'businessHours.workDays[3]: expected a weekday 1 (Monday) … 7 (Sunday), got 9',
      'businessHours.holidays[1]: expected a real date YYYY-MM-DD, got "2026-02-30"',
    ]);
    expect(policy?.settings).toEqual({
      clients: { emails: ['ok@client.example', 'also@client.example'], domains: ['client.example'] },
      businessHours: { holidays: ['2026-12-16'], workDays: [1, 2] },
    });
  });

  it('drops a managed part that contradicts the defaults it would sit beside, saying why', () => {
    // escalated is not given: the default 30 is below the managed late.
    const { policy, problems } = parsePolicy({ replyThresholds: { late: 40 }, businessHours: { end: '08:00' } });
    expect(problems).toEqual(['businessHours.end: must be after start (09:00)', 'replyThresholds.escalated: must be more than late (40)']);
    expect(policy?.settings).toEqual({});
    expect(policy?.managed).toEqual([]);
  });

  it('refuses lists that are too long whole, without reading them', () => {
    const emails = Array.from({ length: 100_000 }, (_, index) => `person${index}@client.example`);
    const { policy, problems } = parsePolicy({ clients: { emails, domains: ['client.example'] } });
    expect(problems).toEqual(['clients.emails: at most 1000 entries, got 100000']);
    expect(policy?.settings).toEqual({ clients: { domains: ['client.example'] } });
  });

  it('reports locks of settings that do not exist, of list entries and of non-text, and keeps the real ones', () => {
    const { policy, problems } = parsePolicy({
      lockedSettings: ['replyThresholds', 'replyThresholds.never', 'version', 'clients.emails.0', '__proto__', 'constructor', 7, 'replyThresholds', ' features.templates '],
    });
    expect(problems).toEqual([
      'lockedSettings[1]: "replyThresholds.never" is not a setting (like "replyThresholds" or "replyThresholds.late")',
      'lockedSettings[2]: "version" is not a setting (like "replyThresholds" or "replyThresholds.late")',
      'lockedSettings[3]: "clients.emails.0" is not a setting (like "replyThresholds" or "replyThresholds.late")',
      'lockedSettings[4]: "__proto__" is not a setting (like "replyThresholds" or "replyThresholds.late")',
      'lockedSettings[5]: "constructor" is not a setting (like "replyThresholds" or "replyThresholds.late")',
      'lockedSettings[6]: 7 is not a setting (like "replyThresholds" or "replyThresholds.late")',
    ]);
    expect(policy?.locked).toEqual(['replyThresholds', 'features.templates']);
    expect(parsePolicy({ lockedSettings: 'replyThresholds' }).problems).toEqual(['lockedSettings: expected a list of settings paths, got "replyThresholds"']);
  });

  it('keeps hostile keys as data: "__proto__" is reported, never a prototype', () => {
    const hostile = JSON.parse('{"__proto__": {"polluted": true}, "replyThresholds": {"__proto__": {"late": 1}, "late": 20, "escalated": 40}}') as unknown;
    const { policy, problems } = parsePolicy(hostile);
    expect(problems).toEqual(['__proto__: unknown policy', 'replyThresholds.__proto__: unknown setting']);
    expect(policy?.settings).toEqual({ replyThresholds: { late: 20, escalated: 40 } });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('copes with deeply nested and odd values without throwing', () => {
    let deep: Record<string, unknown> = {};
    const root = deep;
    for (let depth = 0; depth < 5000; depth += 1) {
      deep.next = {};
      deep = deep.next as Record<string, unknown>;
    }
    const { policy, problems } = parsePolicy({ replyThresholds: root, accountTime: { shareThresholds: { green: Number.NaN, amber: Infinity } }, language: null });
    expect(policy?.settings).toEqual({});
    expect(problems).toEqual([
      'language: expected one of en, ru, uk, kk, got null',
      'replyThresholds.next: unknown setting',
      'accountTime.shareThresholds.green: expected a percentage above 0 and at most 100, got null',
      'accountTime.shareThresholds.amber: expected a percentage above 0 and at most 100, got null',
    ]);
  });

  it('reports nesting too deep to check as a problem, applying none of it, instead of throwing', () => {
    let deep: unknown[] = [];
    const root = deep;
    for (let depth = 0; depth < 200_000; depth += 1) {
      const inner: unknown[] = [];
      deep.push(inner);
      deep = inner;
    }
    const { policy, problems } = parsePolicy({ clients: { emails: root }, replyThresholds: { late: 20, escalated: 40 } });
    expect(policy).toBeNull();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^policy: could not be checked \(.+\); none of it applies$/);
  });
});

describe('applyPolicy', () => {
  const user = userSettings({ replyThresholds: { soon: 12, late: 18, escalated: 40 }, clients: { domains: ['mine.example'] }, pollMinutes: 5 });

  it('without a policy is the user settings, untouched', () => {
    expect(applyPolicy(user, null, {}, defaults())).toEqual({ settings: user, problems: [] });
  });

  it('lays managed values over the user settings; everything else stays the user’s', () => {
    const policy = policyOf({ replyThresholds: { late: 20 }, clients: { domains: ['client.example'] } });
    const { settings, problems } = applyPolicy(user, policy, {}, defaults());
    expect(problems).toEqual([]);
    expect(settings).toEqual({ ...user, replyThresholds: { soon: 12, late: 20, escalated: 40 }, clients: { ...user.clients, domains: ['client.example'] } });
  });

  it("makes the policy's language the language setting: it wins over the user's, the user may pick another unless it is locked", () => {
    const russianUser = userSettings({ language: 'ru' });
    const team = policyOf({ language: 'kk' });
    expect(applyPolicy(russianUser, team, {}, defaults()).settings.language).toBe('kk');
    // The user picked Ukrainian after the organization's Kazakh: theirs stands.
    const picked = userSettings({ language: 'uk' });
    const overrides = overridesAfterSave(picked, team);
    expect(overrides).toEqual({ language: 'kk' });
    expect(applyPolicy(picked, team, overrides, defaults()).settings.language).toBe('uk');
    // Locked: always the organization's, and a save that changes it is refused.
    const locked = policyOf({ language: 'kk', lockedSettings: ['language'] });
    expect(locked.locked).toEqual(['language']);
    expect(applyPolicy(picked, locked, overrides, defaults()).settings.language).toBe('kk');
    expect(changedLocks(applyPolicy(picked, locked, {}, defaults()).settings, picked, locked.locked)).toEqual(['language']);
    // A policy never says "auto": that is each browser's own language, the default.
    expect(parsePolicy({ language: 'auto' }).problems).toEqual(['language: expected one of en, ru, uk, kk, got "auto"']);
  });

  it('keeps the user’s change of an unlocked managed value, until the organization changes that value', () => {
    const policy = policyOf({ replyThresholds: { late: 20 } });
    const changed = userSettings({ replyThresholds: { soon: 12, late: 25, escalated: 40 } });
    const overrides = overridesAfterSave(changed, policy);
    expect(overrides).toEqual({ 'replyThresholds.late': 20 });
    expect(applyPolicy(changed, policy, overrides, defaults()).settings.replyThresholds.late).toBe(25);

    const changedPolicy = policyOf({ replyThresholds: { late: 22 } });
    expect(applyPolicy(changed, changedPolicy, overrides, defaults()).settings.replyThresholds.late).toBe(22);
  });

  it('always applies a locked value, whatever the user changed before', () => {
    const policy = policyOf({ replyThresholds: { late: 20 }, lockedSettings: ['replyThresholds.late'] });
    const changed = userSettings({ replyThresholds: { soon: 12, late: 25, escalated: 40 } });
    expect(overridesAfterSave(changed, policy)).toEqual({});
    expect(applyPolicy(changed, policy, { 'replyThresholds.late': 20 }, defaults()).settings.replyThresholds.late).toBe(20);
  });

  it('holds a locked setting the policy gives no value for at its default', () => {
    const policy = policyOf({ lockedSettings: ['pollMinutes', 'replyThresholds'], replyThresholds: { escalated: 60 } });
    const { settings } = applyPolicy(user, policy, {}, defaults());
    expect(settings.pollMinutes).toBe(1);
    expect(settings.replyThresholds).toEqual({ soon: 10, late: 15, escalated: 60 });
    expect(settings.clients.domains).toEqual(['mine.example']);
  });

  it('puts the defaults beside a managed value the user’s own values contradict, and says so', () => {
    // The user's escalated (40) is below the organization's late (45).
    const policy = policyOf({ replyThresholds: { late: 45, escalated: 90 }, pollMinutes: 2 });
    const contradicting = userSettings({ replyThresholds: { soon: 44, late: 45, escalated: 50 } });
    const onlyLate = policyOf({ replyThresholds: { soon: 5, late: 45, escalated: 90 } });
    expect(applyPolicy(contradicting, onlyLate, {}, defaults()).problems).toEqual([]);
    const partial = policyOf({ replyThresholds: { late: 28 } });
    const { settings, problems } = applyPolicy(contradicting, partial, {}, defaults());
    expect(settings.replyThresholds).toEqual({ soon: 10, late: 28, escalated: 30 });
    expect(problems).toEqual(["replyThresholds: your own values did not fit the organization's; the defaults are used beside them"]);
    expect(applyPolicy(user, policy, {}, defaults()).settings.pollMinutes).toBe(2);
  });
});

describe('locks', () => {
  const policy = policyOf({ replyThresholds: { late: 20 }, lockedSettings: ['replyThresholds.late', 'clients'] });

  it('a lock covers the setting and everything in a locked group', () => {
    expect(isLocked(policy.locked, 'replyThresholds.late')).toBe(true);
    expect(isLocked(policy.locked, 'replyThresholds.soon')).toBe(false);
    expect(isLocked(policy.locked, 'clients.emails')).toBe(true);
    expect(isLocked(policy.locked, 'clientsX')).toBe(false);
    expect(isManaged(policy, 'replyThresholds')).toBe(true);
    expect(isManaged(policy, 'replyThresholds.soon')).toBe(false);
  });

  it('changedLocks names the locked settings a save would change, and only those', () => {
    const before = applyPolicy(defaults(), policy, {}, defaults()).settings;
    const sameLate = mergeSettings(before, { replyThresholds: { soon: 12, late: 20, escalated: 30 } });
    const otherLate = mergeSettings(before, { replyThresholds: { late: 25 }, clients: { emails: ['a@b.example'] } });
    if (!sameLate.ok || !otherLate.ok) throw new Error('the test settings should be valid');
    expect(changedLocks(before, sameLate.settings, policy.locked)).toEqual([]);
    expect(changedLocks(before, otherLate.settings, policy.locked)).toEqual(['replyThresholds.late', 'clients']);
  });
});
