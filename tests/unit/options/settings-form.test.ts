import { describe, expect, it } from 'vitest';
import { draftFromSettings, entries, fieldProblem, inFormOrder, numberOrText, patchFromDraft } from '@/components/options/settings-form';
import { defaultSettings, mergeSettings, type Settings } from '@/lib/settings';
import { inputProblem } from '@/lib/validate';
import { worded, wordedResult } from '../../support/problems';

// Built on the defaults: settings other features add ride along untouched.
const CUSTOM: Settings = {
  ...defaultSettings('UTC'),
  features: { replyBadges: false, accountTime: false, templates: true, statusReport: true, quickReplies: true },
  clients: { emails: ['ceo@acme.com'], domains: ['acme.com', 'northwind.example'], projectIds: ['6622'] },
  businessHours: { timeZone: 'Europe/Kyiv', workDays: [1, 2, 3, 4, 6], start: '08:30', end: '24:00', holidays: ['2026-01-01', '2026-12-25'] },
  replyThresholds: { soon: 5, late: 20, escalated: 60 },
  notifications: { late: false, escalated: true },
  pollMinutes: 2.5,
};

function merged(base: Settings, draft: ReturnType<typeof draftFromSettings>) {
  const result = mergeSettings(base, patchFromDraft(draft));
  if (!result.ok) throw new Error(worded(result.problems).join('; '));
  return result.settings;
}

describe('the reply settings form', () => {
  it('shows settings as text and saves them back unchanged', () => {
    const draft = draftFromSettings(CUSTOM);
    expect(draft).toMatchObject({
      late: '20',
      domains: 'acme.com\nnorthwind.example',
      holidays: '2026-01-01\n2026-12-25',
      pollMinutes: '2.5',
      // A time input can't show 24:00.
      end: '00:00',
    });
    expect(merged({ ...CUSTOM, features: { ...CUSTOM.features, replyBadges: true } }, draft)).toEqual(CUSTOM);
    expect(merged(defaultSettings('UTC'), draft)).toEqual({ ...CUSTOM, features: { replyBadges: false, accountTime: true, templates: true, statusReport: true, quickReplies: true } });
  });

  it('leaves the switches of other features alone', () => {
    const base: Settings = { ...defaultSettings('UTC'), features: { replyBadges: true, accountTime: false, templates: false, statusReport: true, quickReplies: false } };
    const draft = { ...draftFromSettings(base), replyBadges: false };
    expect(merged(base, draft).features).toEqual({ replyBadges: false, accountTime: false, templates: false, statusReport: true, quickReplies: false });
  });

  it('reads lists one per line, also separated by commas, without blanks; project links give their ids', () => {
    expect(entries(' acme.com\n\n  Northwind.example ,beta.io;\r\n')).toEqual(['acme.com', 'Northwind.example', 'beta.io']);
    const draft = {
      ...draftFromSettings(defaultSettings('UTC')),
      domains: 'Acme.COM\nacme.com',
      projectIds: 'https://demo.worksection.com/project/6622/331786/\n7001',
      workDays: [5, 1, 3],
    };
    const settings = merged(defaultSettings('UTC'), draft);
    expect(settings.clients.domains).toEqual(['acme.com']);
    expect(settings.clients.projectIds).toEqual(['6622', '7001']);
    expect(settings.businessHours.workDays).toEqual([1, 3, 5]);
  });

  it('passes what is not a number on as typed, for the validator to quote', () => {
    expect(numberOrText(' 20 ')).toBe(20);
    expect(numberOrText('0.5')).toBe(0.5);
    expect(numberOrText('.5')).toBe(0.5);
    expect(numberOrText('twenty')).toBe('twenty');
    expect(numberOrText('')).toBe('');
    expect(numberOrText('1e3')).toBe('1e3');
    const result = mergeSettings(defaultSettings('UTC'), patchFromDraft({ ...draftFromSettings(defaultSettings('UTC')), late: 'twenty', pollMinutes: '' }));
    expect(wordedResult(result)).toEqual({
      ok: false,
      problems: ['replyThresholds.late: expected whole minutes from 1 to 43200, got "twenty"', 'pollMinutes: expected minutes from 0.5 to 60, got ""'],
    });
  });

  it('ties each validator problem to its field and label; list indexes give way to the quoted entry', () => {
    const draft = { ...draftFromSettings(defaultSettings('UTC')), late: '5', start: '19:00', holidays: '2026-01-01\n2026-13-01', timeZone: 'Mars/Olympus' };
    const result = mergeSettings(defaultSettings('UTC'), patchFromDraft(draft));
    if (result.ok) throw new Error('expected problems');
    expect(result.problems.map(fieldProblem)).toEqual([
      { field: 'timeZone', label: 'settingsTimeZoneLabel', detail: '"Mars/Olympus" is not a time zone known to this browser' },
      { field: 'end', label: 'settingsEndLabel', detail: 'must be after start (19:00)' },
      { field: 'holidays', label: 'settingsHolidaysLabel', detail: 'expected a real date YYYY-MM-DD, got "2026-13-01"' },
      { field: 'late', label: 'settingsLateLabel', detail: 'must be more than soon (10)' },
    ]);
    expect(inFormOrder(result.problems.map(fieldProblem)).map((problem) => problem.field)).toEqual(['late', 'timeZone', 'end', 'holidays']);
    expect(fieldProblem(inputProblem('features.templates', 'inputNotBoolean', '1'))).toEqual({ detail: 'features.templates: expected true or false, got 1' });
    expect(fieldProblem(inputProblem('', 'inputNotJson', 'Unexpected token'))).toEqual({ detail: 'not valid JSON (Unexpected token)' });
  });

  it('a day ending at midnight is "00:00" in the form and "24:00" in the settings', () => {
    const draft = { ...draftFromSettings(defaultSettings('UTC')), start: '00:00', end: '00:00' };
    expect(merged(defaultSettings('UTC'), draft).businessHours).toMatchObject({ start: '00:00', end: '24:00' });
  });
});
