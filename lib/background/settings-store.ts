/**
 * The user's settings in storage.local, validated on the way in and out, with
 * the team's managed policy laid over them on every read (lib/policy): managed
 * values win, and a save that would change a locked one is refused.
 */
import { browser } from 'wxt/browser';
import { db } from '../db';
import { t } from '../i18n';
import type { UnreadableSettings } from '../messages';
import { applyPolicy, changedLocks, overridesAfterSave, type PolicyOverrides, type PolicyReading } from '../policy/policy';
import { defaultSettings, mergeSettings, parseSettings, type DeepPartial, type Settings } from '../settings';
import { isPlainObject, type InputProblem } from '../validate';
import { problemText } from '../problem-text';
import { ProblemError } from '../problem';
import { onPolicyChanged, policyBefore, readPolicy } from './policy/read';
import { CURSOR_KEY } from './replies/sync';

const STORAGE_KEY = 'settings';
/** Stored settings this version could not read, kept as they were (options offers them as a file). */
const ASIDE_KEY = 'settingsUnreadable';
/** The organization's values the user changed unlocked managed settings from (lib/policy `PolicyOverrides`). */
const OVERRIDES_KEY = 'settingsPolicyOverrides';

export class SettingsProblem extends ProblemError {
  readonly kind = 'invalid-settings';
  constructor(readonly problems: InputProblem[]) {
    super(t('problemSettingsNotSaved', problems.map(problemText).join('; ')));
  }
}

/** A save that would change what the organization locked: nothing is saved. */
export class LockedSettingsProblem extends ProblemError {
  readonly kind = 'locked-setting';
  constructor(readonly paths: string[]) {
    super(t('policyLockedRefused', paths.join(', ')));
  }
}

const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/** The settings in effect: the user's with the policy over them. */
export async function getSettings(): Promise<Settings> {
  return (await effectiveSettings()).settings;
}

/** The settings in effect, the policy they come from and where the user's values could not stand beside it. */
export async function effectiveSettings(reading?: PolicyReading): Promise<{ settings: Settings; reading: PolicyReading; problems: InputProblem[] }> {
  const [user, policy, overrides] = await Promise.all([userSettings(), reading ?? readPolicy(), storedOverrides()]);
  const applied = applyPolicy(user, policy.policy, overrides, defaultSettings(browserTimeZone()));
  return { settings: applied.settings, reading: policy, problems: applied.problems };
}

async function storedOverrides(): Promise<PolicyOverrides> {
  const { [OVERRIDES_KEY]: stored } = await browser.storage.local.get(OVERRIDES_KEY);
  return isPlainObject(stored) ? stored : {};
}

/** The user's own settings, as stored (the defaults when none are, or when they can't be read). */
async function userSettings(): Promise<Settings> {
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

/** Kept with its problems worded in the language of the moment (options and the popup show them as they are). */
async function keepAside(stored: unknown, problems: InputProblem[]): Promise<UnreadableSettings> {
  const text = JSON.stringify(stored, null, 2) ?? String(stored);
  const { [ASIDE_KEY]: aside } = await browser.storage.local.get(ASIDE_KEY);
  if ((aside as UnreadableSettings | undefined)?.text === text) return aside as UnreadableSettings;
  const kept: UnreadableSettings = { problems: problems.map(problemText), text, at: Date.now() };
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

/** Saves the defaults over settings that can't be read (the unreadable ones stay aside); the policy still applies. */
export async function resetSettings(): Promise<Settings> {
  await browser.storage.local.set({ [STORAGE_KEY]: defaultSettings(browserTimeZone()), [OVERRIDES_KEY]: {} });
  return getSettings();
}

/**
 * Validate the whole result before writing: a bad patch changes nothing, and
 * neither does one that changes a locked setting (sending a locked value
 * unchanged, as the options forms do, is fine).
 */
export async function saveSettings(patch: DeepPartial<Settings>): Promise<Settings> {
  const { settings: before, reading } = await effectiveSettings();
  const merged = mergeSettings(before, patch);
  if (!merged.ok) throw new SettingsProblem(merged.problems);
  const locked = changedLocks(before, merged.settings, reading.policy?.locked ?? []);
  if (locked.length > 0) throw new LockedSettingsProblem(locked);
  // Stored comment times were read in the old zone: the next sync reads everything again.
  if (merged.settings.account.timeZone !== before.account.timeZone) await db().state.delete(CURSOR_KEY);
  // The managed values are stored too: without the policy later, nothing the user sees changes.
  await browser.storage.local.set({ [STORAGE_KEY]: merged.settings, [OVERRIDES_KEY]: overridesAfterSave(merged.settings, reading.policy) });
  return merged.settings;
}

/** The user's settings or the organization's policy changed. */
export function onSettingsChanged(listener: () => void): void {
  browser.storage.local.onChanged.addListener((changes) => {
    if (STORAGE_KEY in changes) listener();
  });
  onPolicyChanged(() => listener());
}

/**
 * A new policy may change the account's time zone: stored comment times were
 * read in the old one, so the next sync reads everything again (as a save does).
 */
export async function policyChanged(changes: Record<string, { oldValue?: unknown }>): Promise<void> {
  let current: Record<string, unknown> = {};
  try {
    current = await browser.storage.managed.get();
  } catch {
    // No policy now: the changes say what it was.
  }
  const [before, after] = await Promise.all([effectiveSettings(policyBefore(current, changes)), effectiveSettings()]);
  if (before.settings.account.timeZone !== after.settings.account.timeZone) await db().state.delete(CURSOR_KEY);
}
