import { describe, expect, it } from 'vitest';
import { MAX_SETTINGS_FILE_BYTES, readSettingsFile, settingsFileName, settingsFileText } from '@/components/options/settings-file';
import { defaultSettings } from '@/lib/settings';
import { worded, wordedResult } from '../../support/problems';

describe('settings files', () => {
  it('exports settings as JSON that imports back as the same settings', () => {
    const settings = { ...defaultSettings('Europe/Kyiv'), pollMinutes: 5 };
    const text = settingsFileText(settings);
    expect(text.endsWith('}\n')).toBe(true);
    expect(readSettingsFile(text)).toEqual({ ok: true, settings });
    // As some editors save it.
    expect(readSettingsFile(`\uFEFF${text}`)).toEqual({ ok: true, settings });
  });

  it('is dated by the local day', () => {
    expect(settingsFileName(new Date(2026, 10, 5, 23, 59))).toBe('account-desk-settings-2026-11-05.json');
  });

  it('refuses text that is not JSON, saying so', () => {
    const result = readSettingsFile('{"version": 1,');
    expect(result.ok).toBe(false);
    expect(!result.ok && worded(result.problems)).toEqual([expect.stringMatching(/^not valid JSON \(.+\)$/)]);
  });

  it('refuses incomplete or invalid settings with every problem named', () => {
    const { replyThresholds, ...withoutThresholds } = defaultSettings('UTC');
    expect(replyThresholds).toBeDefined();
    expect(wordedResult(readSettingsFile(JSON.stringify({ ...withoutThresholds, pollMinutes: 0, colour: 'red' })))).toEqual({
      ok: false,
      problems: ['colour: unknown setting', 'replyThresholds: expected an object, got nothing', 'pollMinutes: expected minutes from 0.5 to 60, got 0'],
    });
    expect(wordedResult(readSettingsFile('[]'))).toEqual({ ok: false, problems: ['settings: expected an object, got []'] });
  });

  it('refuses a file far larger than any settings before parsing it', () => {
    const result = readSettingsFile(' '.repeat(MAX_SETTINGS_FILE_BYTES + 1));
    expect(result.ok).toBe(false);
    expect(!result.ok && worded(result.problems)[0]).toMatch(/characters long/);
  });
});
