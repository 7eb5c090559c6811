import { describe, expect, it } from 'vitest';
import { defaultSettings, mergeSettings, parseSettings } from '@/lib/settings';
import { wordedResult } from '../../support/problems';

describe('template settings', () => {
  it('default to no team library, and older settings without them get the default', () => {
    const settings = defaultSettings('UTC');
    expect(settings.templates).toEqual({ teamProjectId: '' });
    const { templates: _omitted, ...older } = settings;
    expect(parseSettings(older)).toEqual({ ok: true, settings });
  });

  it('accept a project id and refuse anything else with the path', () => {
    const base = defaultSettings('UTC');
    expect(mergeSettings(base, { templates: { teamProjectId: '6622' } })).toMatchObject({ ok: true, settings: { templates: { teamProjectId: '6622' } } });
    expect(wordedResult(mergeSettings(base, { templates: { teamProjectId: 'abc' } }))).toEqual({
      ok: false,
      problems: ['templates.teamProjectId: expected a Worksection project id or "", got "abc"'],
    });
    expect(wordedResult(parseSettings({ ...base, templates: { teamProjectId: '', extra: 1 } }))).toEqual({ ok: false, problems: ['templates.extra: unknown setting'] });
  });
});
