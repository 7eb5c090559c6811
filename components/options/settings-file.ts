// Settings as a file: what export writes and what import accepts. An imported
// file is hostile input: it must be JSON and complete, valid settings
// (parseSettings), or it is refused whole with every problem named.
import { parseSettings, type Settings, type SettingsResult } from '@/lib/settings';
import { inputProblem } from '@/lib/validate';

/** Imported files larger than this are refused before parsing (settings are a few KB). */
export const MAX_SETTINGS_FILE_BYTES = 1_000_000;

/** e.g. account-desk-settings-2026-11-30.json, dated by the user's own calendar day. */
export function settingsFileName(now: Date): string {
  const day = [now.getFullYear(), now.getMonth() + 1, now.getDate()].map((part) => String(part).padStart(2, '0')).join('-');
  return `account-desk-settings-${day}.json`;
}

/** Pretty JSON that `readSettingsFile` reads back as the same settings. */
export function settingsFileText(settings: Settings): string {
  return `${JSON.stringify(settings, null, 2)}\n`;
}

/** The settings in an imported file's text, or every reason it can't be used. */
export function readSettingsFile(text: string): SettingsResult {
  if (text.length > MAX_SETTINGS_FILE_BYTES) {
    return { ok: false, problems: [inputProblem('', 'inputFileTooLong', text.length, MAX_SETTINGS_FILE_BYTES)] };
  }
  let json: unknown;
  try {
    // A byte-order mark is what some editors put first; it is not JSON, nor a problem.
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { ok: false, problems: [inputProblem('', 'inputNotJson', (error as Error).message)] };
  }
  return parseSettings(json);
}
