/** The user's settings in storage.local, validated on the way in and out. */
import { browser } from 'wxt/browser';
import { db } from '../db';
import type { UnreadableSettings } from '../messages';
import { defaultSettings, mergeSettings, parseSettings, type DeepPartial, type Settings } from '../settings';
import { ProblemError } from '../problem';
import { CURSOR_KEY } from './replies/sync';
import { t } from '../i18n';

const STORAGE_KEY = 'settings';
/** Stored settings this version could not read, kept as they were (options offers them as a file). */
const ASIDE_KEY = 'settingsUnreadable';

export class SettingsProblem extends ProblemError {
  readonly kind = 'invalid-settings';
  constructor(readonly problems: string[]) {
    super(t('problemSettingsNotSaved', problems.join('; ')));
  }
}

const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

export async function getSettings(): Promise<Settings> {
  const { [STORAGE_KEY]: stored } = await browser.storage.local.get(STORAGE_KEY);
  if (stored === undefined) return defaultSettings(browserTimeZone());
  const parsed = parseSettings(stored);
  if (parsed.ok) return parsed.settings;
  // Stored settings were valid when saved; if a newer version (or a broken
  // write) left something this one can't read, work on the defaults rather
  // than stop, but not silently: the stored text is kept aside, and options
  // and the popup say so (unreadableSettings).
  await keepAside(stored, parsed.problems);
  return defaultSettings(browserTimeZone());
}

async function keepAside(stored: unknown, problems: string[]): Promise<UnreadableSettings> {
  const text = JSON.stringify(stored, null, 2) ?? String(stored);
  const { [ASIDE_KEY]: aside } = await browser.storage.local.get(ASIDE_KEY);
  if ((aside as UnreadableSettings | undefined)?.text === text) return aside as UnreadableSettings;
  const kept: UnreadableSettings = { problems, text, at: Date.now() };
  await browser.storage.local.set({ [ASIDE_KEY]: kept });
  return kept;
}

/** The stored settings' problems and text when they can't be read (the defaults are in use); null when they can. */
export async function unreadableSettings(): Promise<UnreadableSettings | null> {
  const { [STORAGE_KEY]: stored } = await browser.storage.local.get(STORAGE_KEY);
  if (stored === undefined) return null;
  const parsed = parseSettings(stored);
  return parsed.ok ? null : keepAside(stored, parsed.problems);
}

/** Saves the defaults over settings that can't be read (the unreadable ones stay aside). */
export async function resetSettings(): Promise<Settings> {
  const settings = defaultSettings(browserTimeZone());
  await browser.storage.local.set({ [STORAGE_KEY]: settings });
  return settings;
}

/** Validate the whole result before writing: a bad patch changes nothing. */
export async function saveSettings(patch: DeepPartial<Settings>): Promise<Settings> {
  const before = await getSettings();
  const merged = mergeSettings(before, patch);
  if (!merged.ok) throw new SettingsProblem(merged.problems);
  // Stored comment times were read in the old zone: the next sync reads everything again.
  if (merged.settings.account.timeZone !== before.account.timeZone) await db().state.delete(CURSOR_KEY);
  await browser.storage.local.set({ [STORAGE_KEY]: merged.settings });
  return merged.settings;
}

export function onSettingsChanged(listener: () => void): void {
  browser.storage.local.onChanged.addListener((changes) => {
    if (STORAGE_KEY in changes) listener();
  });
}
