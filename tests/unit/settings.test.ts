import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, defaultSettings, mergeSettings, parseSettings, type Settings } from '../../lib/settings';
import { problemText } from '../../lib/problem-text';

const good = (): Settings => defaultSettings('Europe/Kyiv');

/** A deep copy of the good settings with `path` set to `value` (undefined deletes it). */
function withValue(path: string, value: unknown): unknown {
  const copy = JSON.parse(JSON.stringify(good())) as Record<string, unknown>;
  const keys = path.split('.');
  const last = keys.pop()!;
  const parent = keys.reduce((node, key) => node[key] as Record<string, unknown>, copy);
  if (value === undefined) delete parent[last];
  else parent[last] = value;
  return copy;
}

const problemsOf = (input: unknown): string[] => {
  const result = parseSettings(input);
  if (result.ok) throw new Error('expected problems, got valid settings');
  return result.problems.map(problemText);
};
/** mergeSettings with its problems worded (in English, the tests' language). */
const mergedWorded = (...args: Parameters<typeof mergeSettings>) => {
  const result = mergeSettings(...args);
  return result.ok ? result : { ok: false, problems: result.problems.map(problemText) };
};

describe('defaultSettings', () => {
  it('are Mon–Fri 09:00–18:00 in the given zone, thresholds 10/15/30, notifications on, polling every minute', () => {
    expect(good()).toEqual({
      version: 1,
      features: { replyBadges: true, accountTime: true, templates: true, statusReport: true, quickReplies: true },
      clients: { emails: [], domains: [], projectIds: [] },
      account: { timeZone: 'Europe/Kyiv' },
      businessHours: { timeZone: 'Europe/Kyiv', workDays: [1, 2, 3, 4, 5], start: '09:00', end: '18:00', holidays: [] },
      replyThresholds: { soon: 10, late: 15, escalated: 30 },
      notifications: { late: true, escalated: true },
      pollMinutes: 1,
      accountTime: { idleSeconds: 60, shareThresholds: { green: 10, amber: 15 }, hourlyRate: null, writeBack: false },
      templates: { teamProjectId: '' },
      language: 'auto',
    });
    expect(parseSettings(good())).toEqual({ ok: true, settings: good() });
  });

  it("keep the account's time zone apart from business hours; older settings without it read API dates in the business-hours zone", () => {
    const utcHours = mergeSettings(good(), { businessHours: { timeZone: 'UTC' } });
    expect(utcHours.ok && utcHours.settings.account.timeZone).toBe('Europe/Kyiv');
    const { account: _account, ...older } = good();
    const upgraded = parseSettings({ ...older, businessHours: { ...older.businessHours, timeZone: 'Asia/Almaty' } });
    expect(upgraded.ok && upgraded.settings.account).toEqual({ timeZone: 'Asia/Almaty' });
    expect(mergedWorded(good(), { account: { timeZone: 'Mars/Olympus' } })).toEqual({
      ok: false,
      problems: ['account.timeZone: expected an IANA time zone such as Europe/Kyiv, got "Mars/Olympus"'],
    });
  });

  it("take a language (auto, en, ru, uk, kk); older settings without one follow the browser, anything else is refused", () => {
    for (const language of ['auto', 'en', 'ru', 'uk', 'kk'] as const) {
      const merged = mergeSettings(good(), { language });
      expect(merged.ok && merged.settings.language).toBe(language);
    }
    const { language: _language, ...older } = good();
    const upgraded = parseSettings(older);
    expect(upgraded.ok && upgraded.settings.language).toBe('auto');
    for (const wrong of ['de', 'RU', 'ru-RU', '', 1, null]) {
      expect({ ok: false, problems: problemsOf({ ...good(), language: wrong }) }).toEqual({
        ok: false,
        problems: [`language: expected one of auto, en, ru, uk, kk, got ${JSON.stringify(wrong)}`],
      });
    }
  });

  it('read settings stored before the status report existed with its switch on; a switch that is not true or false is refused', () => {
    const { statusReport: _statusReport, ...olderFeatures } = good().features;
    const upgraded = parseSettings({ ...good(), features: olderFeatures });
    expect(upgraded.ok && upgraded.settings.features.statusReport).toBe(true);
    const off = parseSettings({ ...good(), features: { ...good().features, statusReport: false } });
    expect(off.ok && off.settings.features.statusReport).toBe(false);
    expect(problemsOf({ ...good(), features: { ...good().features, statusReport: 'yes' } })).toEqual(['features.statusReport: expected true or false, got "yes"']);
  });

  it('DEFAULT_SETTINGS is the UTC default and cannot be changed by accident', () => {
    expect(DEFAULT_SETTINGS).toEqual(defaultSettings('UTC'));
    expect(() => {
      DEFAULT_SETTINGS.clients.emails.push('x@y.com');
    }).toThrow(TypeError);
  });
});

describe('parseSettings', () => {
  it('normalises emails and domains (lowercase, no "@", deduplicated), work days and holidays (sorted)', () => {
    const input = good();
    input.clients = { emails: [' Ann@Acme.com', 'ann@acme.com', 'bob@mail.acme.com'], domains: ['@Acme.com', 'acme.com', 'партнер.укр'], projectIds: ['6622', '6622', '7000'] };
    input.businessHours = { ...input.businessHours, workDays: [5, 1, 3], holidays: ['2024-12-25', '2024-01-01', '2024-12-25'], end: '24:00' };
    input.pollMinutes = 0.5;
    const result = parseSettings(input);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.settings.clients).toEqual({ emails: ['ann@acme.com', 'bob@mail.acme.com'], domains: ['acme.com', 'партнер.укр'], projectIds: ['6622', '7000'] });
    expect(result.settings.businessHours).toMatchObject({ workDays: [1, 3, 5], holidays: ['2024-01-01', '2024-12-25'], end: '24:00' });
    expect(result.settings.pollMinutes).toBe(0.5);
  });

  it('does not share arrays with its input', () => {
    const input = good();
    const result = parseSettings(input);
    if (!result.ok) throw new Error('expected valid');
    input.clients.emails.push('late@change.com');
    input.businessHours.workDays.push(6);
    expect(result.settings.clients.emails).toEqual([]);
    expect(result.settings.businessHours.workDays).toEqual([1, 2, 3, 4, 5]);
  });

  it('reads settings kept before quick replies existed with quick replies on', () => {
    expect(parseSettings(withValue('features.quickReplies', undefined))).toEqual({ ok: true, settings: good() });
    expect(parseSettings(withValue('features.quickReplies', false))).toMatchObject({ ok: true, settings: { features: { quickReplies: false } } });
  });

  it.each([
    ['version', 2, 'version: expected 1, got 2'],
    ['features.templates', 'yes', 'features.templates: expected true or false, got "yes"'],
    ['features.accountTime', undefined, 'features.accountTime: expected true or false, got nothing'],
    ['features.quickReplies', 'yes', 'features.quickReplies: expected true or false, got "yes"'],
    ['clients.emails', ['ann@acme.com', 'not-an-email'], 'clients.emails[1]: "not-an-email" is not an email address'],
    ['clients.emails', ['ann@localhost'], 'clients.emails[0]: "ann@localhost" is not an email address'],
    ['clients.emails', 'ann@acme.com', 'clients.emails: expected a list, got "ann@acme.com"'],
    ['clients.domains', ['acme'], 'clients.domains[0]: "acme" is not an email domain (like acme.com)'],
    ['clients.domains', ['-acme.com'], 'clients.domains[0]: "-acme.com" is not an email domain (like acme.com)'],
    ['clients.domains', ['a b.com'], 'clients.domains[0]: "a b.com" is not an email domain (like acme.com)'],
    ['clients.projectIds', ['P-1'], 'clients.projectIds[0]: "P-1" is not a Worksection project id'],
    ['businessHours.start', '9am', 'businessHours.start: expected HH:MM (00:00–23:59), got "9am"'],
    ['businessHours.end', '08:00', 'businessHours.end: must be after start (09:00)'],
    ['businessHours.workDays', [1, 2, 2], 'businessHours.workDays[2]: 2 is listed twice'],
    ['businessHours.workDays', [0], 'businessHours.workDays[0]: expected a weekday 1 (Monday) … 7 (Sunday), got 0'],
    ['businessHours.holidays', ['2024-02-30'], 'businessHours.holidays[0]: expected a real date YYYY-MM-DD, got "2024-02-30"'],
    ['businessHours.timeZone', 'Europe/Atlantis', 'businessHours.timeZone: "Europe/Atlantis" is not a time zone known to this browser'],
    ['replyThresholds.soon', -1, 'replyThresholds.soon: expected whole minutes from 1 to 43200, got -1'],
    ['replyThresholds.escalated', 15, 'replyThresholds.escalated: must be more than late (15)'],
    ['notifications.late', 1, 'notifications.late: expected true or false, got 1'],
    ['pollMinutes', 0.25, 'pollMinutes: expected minutes from 0.5 to 60, got 0.25'],
    ['pollMinutes', 61, 'pollMinutes: expected minutes from 0.5 to 60, got 61'],
    ['pollMinutes', '1', 'pollMinutes: expected minutes from 0.5 to 60, got "1"'],
    ['pollMinutes', undefined, 'pollMinutes: expected minutes from 0.5 to 60, got nothing'],
    ['businessHours', null, 'businessHours: expected an object, got null'],
    ['features', [true], 'features: expected an object, got [true]'],
    ['notifications', 'on', 'notifications: expected an object, got "on"'],
    ['clients', undefined, 'clients: expected an object, got nothing'],
  ])('%s = %j → %s', (path, value, problem) => {
    expect(problemsOf(withValue(path, value))).toEqual([problem]);
  });

  it('rejects unknown keys at any level, so typos in an imported file are caught', () => {
    expect(problemsOf(withValue('features.replyBadgez', true))).toEqual(['features.replyBadgez: unknown setting']);
    expect(problemsOf(withValue('pollMinute', 2))).toEqual(['pollMinute: unknown setting']);
    expect(problemsOf(withValue('businessHours.timezone', 'UTC'))).toEqual(['businessHours.timezone: unknown setting']);
    expect(problemsOf(JSON.parse('{"__proto__": {"polluted": true}}'))).toContain('__proto__: unknown setting');
  });

  it('enforces size limits', () => {
    const emails = Array.from({ length: 1001 }, (_, i) => `client${i}@acme.com`);
    expect(problemsOf(withValue('clients.emails', emails))).toEqual(['clients.emails: at most 1000 entries, got 1001']);
    expect(parseSettings(withValue('clients.emails', emails.slice(0, 1000))).ok).toBe(true);
    const holidays = Array.from({ length: 1001 }, (_, i) => new Date(Date.UTC(2020, 0, 1 + i)).toISOString().slice(0, 10));
    expect(problemsOf(withValue('businessHours.holidays', holidays))).toEqual(['businessHours.holidays: at most 1000 entries, got 1001']);
  });

  it('keeps problem messages short whatever the input', () => {
    const [problem] = problemsOf(withValue('businessHours.start', 'x'.repeat(10_000)));
    expect(problem!.length).toBeLessThan(120);
  });

  it('reports every problem at once', () => {
    const input = withValue('pollMinutes', 0) as Record<string, unknown>;
    (input.features as Record<string, unknown>).templates = 'no';
    expect(problemsOf(input)).toEqual(['features.templates: expected true or false, got "no"', 'pollMinutes: expected minutes from 0.5 to 60, got 0']);
  });

  it.each([null, 'settings', 42, []])('rejects %j as a whole', (input) => {
    expect(problemsOf(input)).toEqual([expect.stringMatching(/^settings: expected an object/)]);
  });
});

describe('mergeSettings', () => {
  it('merges objects key by key and replaces arrays whole', () => {
    const base = good();
    base.clients.emails = ['ann@acme.com'];
    const result = mergeSettings(base, { clients: { domains: ['Acme.com'] }, replyThresholds: { late: 20 }, businessHours: { workDays: [1, 2, 3] } });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.settings.clients).toEqual({ emails: ['ann@acme.com'], domains: ['acme.com'], projectIds: [] });
    expect(result.settings.replyThresholds).toEqual({ soon: 10, late: 20, escalated: 30 });
    expect(result.settings.businessHours.workDays).toEqual([1, 2, 3]);
    expect(result.settings.businessHours.timeZone).toBe('Europe/Kyiv');
    // The base is untouched.
    expect(base.clients.domains).toEqual([]);
  });

  it('skips undefined values in the patch', () => {
    const result = mergeSettings(good(), { pollMinutes: undefined, notifications: { late: false } });
    expect(result).toEqual({ ok: true, settings: { ...good(), notifications: { late: false, escalated: true } } });
  });

  it('validates the merged whole', () => {
    expect(mergedWorded(good(), { replyThresholds: { soon: 20 } })).toEqual({ ok: false, problems: ['replyThresholds.late: must be more than soon (20)'] });
    expect(mergedWorded(good(), { businessHours: 'always' } as never)).toEqual({ ok: false, problems: ['businessHours: expected an object, got "always"'] });
  });

  it('rejects unknown keys in the patch, including prototype tricks', () => {
    expect(mergedWorded(good(), { features: { darkMode: true } } as never)).toEqual({ ok: false, problems: ['features.darkMode: unknown setting'] });
    const hostile = JSON.parse('{"__proto__": {"pollMinutes": 5}, "clients": {"__proto__": {"emails": []}}}');
    const result = mergedWorded(good(), hostile);
    expect(result).toEqual({ ok: false, problems: ['__proto__: unknown setting', 'clients.__proto__: unknown setting'] });
    expect(({} as Record<string, unknown>).pollMinutes).toBeUndefined();
  });

  it('refuses a patch that is not an object', () => {
    expect(mergedWorded(good(), null as never)).toEqual({ ok: false, problems: ['settings: expected an object, got null'] });
  });

  it('fills a partial imported file from the defaults', () => {
    const imported = JSON.parse('{"clients": {"emails": ["Boss@Client.com"]}, "pollMinutes": 5}');
    const result = mergeSettings(defaultSettings('America/New_York'), imported);
    expect(result.ok && result.settings).toMatchObject({ clients: { emails: ['boss@client.com'] }, pollMinutes: 5, businessHours: { timeZone: 'America/New_York' } });
  });
});
