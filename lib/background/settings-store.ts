/** The user's settings in storage.local, validated on the way in and out. */
import { browser } from 'wxt/browser';
import { db } from '../db';
import { defaultSettings, mergeSettings, parseSettings, type DeepPartial, type Settings } from '../settings';
import { CURSOR_KEY } from './replies/sync';

const STORAGE_KEY = 'settings';

export class SettingsProblem extends Error {
  readonly kind = 'invalid-settings';
  constructor(readonly problems: string[]) {
    super(`Settings not saved: ${problems.join('; ')}`);
  }
}

const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

export async function getSettings(): Promise<Settings> {
  const { [STORAGE_KEY]: stored } = await browser.storage.local.get(STORAGE_KEY);
  if (stored === undefined) return defaultSettings(browserTimeZone());
  const parsed = parseSettings(stored);
  // Stored settings were valid when saved; if a newer version wrote something
  // this one can't read, fall back to defaults rather than stop working.
  return parsed.ok ? parsed.settings : defaultSettings(browserTimeZone());
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
