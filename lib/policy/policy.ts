/**
 * The team's managed configuration (an admin's browser policy) as plain data:
 * parsing it strictly and laying it over the user's own settings. Pure.
 *
 * A policy is hostile input like an imported file: every part is checked with
 * the settings' own validator (lib/settings.ts); a bad part is reported with
 * its path and ignored, the rest still applies, and nothing here throws.
 *
 * The policy's settings have the settings' own shape and paths
 * ("replyThresholds.late"), so a lock, a problem and a setting name the same
 * thing. Managed values win over what the user had. A locked one can't be
 * changed; an unlocked one is the organization's value until the user
 * changes it, and the organization changing that value again wins again.
 */
import { parseAccountUrl } from '../worksection/account-url';
import { defaultSettings, mergeSettings, type DeepPartial, type Settings } from '../settings';
import { describeValue, inputProblem, isPlainObject, type InputProblem, type Plain } from '../validate';

export const POLICY_LANGUAGES = ['en', 'ru', 'uk', 'kk'] as const;
export type PolicyLanguage = (typeof POLICY_LANGUAGES)[number];

/** Settings groups a policy may manage: every one but `version`. */
export const MANAGED_SETTINGS = [
  'features',
  'clients',
  'account',
  'businessHours',
  'replyThresholds',
  'notifications',
  'pollMinutes',
  'accountTime',
  'templates',
  // The policy names a language (never "auto"): it is the `language` setting, and `lockedSettings: ["language"]` locks it.
  'language',
] as const;
const OWN_KEYS = ['accountUrl', 'oauth', 'language', 'lockedSettings'] as const;
const OAUTH_KEYS = ['clientId', 'clientSecret'] as const;

export const POLICY_LIMITS = Object.freeze({ lockedSettings: 200, oauthText: 500 });

export interface Policy {
  /** The organization's Worksection account, as an https origin. */
  accountUrl?: string;
  /** The organization's own Worksection OAuth app. */
  oauth?: { clientId?: string; clientSecret?: string };
  /** The team's language; also the managed `language` setting (in `settings` and `managed`). */
  language?: PolicyLanguage;
  /** Managed values, normalised as settings keep them (emails lowercase, days sorted). */
  settings: DeepPartial<Settings>;
  /** Every managed value's path ("replyThresholds.late", "clients.emails"); lists are one value. */
  managed: string[];
  /** Locked settings paths, each a real setting or group of settings. */
  locked: string[];
}

/** A policy as read: null when there is none; problems name the policy's own paths. */
export interface PolicyReading {
  policy: Policy | null;
  problems: InputProblem[];
}

export const NO_POLICY: PolicyReading = Object.freeze({ policy: null, problems: [] }) as PolicyReading;

// ------------------------------------------------------------------ paths

const keyOf = (path: string) => path.split('.');

/** The value at a dotted path of plain objects (undefined when any step is missing). */
export function valueAt(root: unknown, path: string): unknown {
  let value = root;
  for (const key of keyOf(path)) {
    if (!isPlainObject(value) || !Object.hasOwn(value, key)) return undefined;
    value = value[key];
  }
  return value;
}

function define(target: Plain, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Sets `path` in `root`, making plain objects on the way (own properties even for "__proto__"). */
function setAt(root: Plain, path: string, value: unknown): void {
  const keys = keyOf(path);
  let target = root;
  for (const key of keys.slice(0, -1)) {
    if (!isPlainObject(target[key]) || !Object.hasOwn(target, key)) define(target, key, {});
    target = target[key] as Plain;
  }
  define(target, keys.at(-1)!, value);
}

function deleteAt(root: Plain, path: string): void {
  const keys = keyOf(path);
  const parent = keys.length === 1 ? root : valueAt(root, keys.slice(0, -1).join('.'));
  if (isPlainObject(parent)) delete parent[keys.at(-1)!];
}

/** Whether `path` is `ancestor` or lies under it. */
const within = (path: string, ancestor: string) => path === ancestor || path.startsWith(`${ancestor}.`);

/** Paths of the values in `root` (plain objects are descended into, anything else is a value). */
function valuePaths(root: Plain, prefix = '', depth = 0): string[] {
  return Object.keys(root).flatMap((key) => {
    const path = prefix ? `${prefix}.${key}` : key;
    const value = root[key];
    // Settings are three levels deep; anything deeper is a value the validator names.
    return isPlainObject(value) && depth < 3 ? valuePaths(value, path, depth + 1) : [path];
  });
}

/** A deep copy of JSON-like data (policies arrive as structured clones; nothing shared with the caller). */
function copy<T>(value: T): T {
  if (Array.isArray(value)) return value.map(copy) as T;
  if (isPlainObject(value)) {
    const out: Plain = {};
    for (const key of Object.keys(value)) define(out, key, copy(value[key]));
    return out as T;
  }
  return value;
}

export function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, index) => sameValue(item, b[index]));
  }
  if (isPlainObject(a) || isPlainObject(b)) {
    if (!isPlainObject(a) || !isPlainObject(b)) return false;
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && sameValue(a[key], b[key]));
  }
  return Object.is(a, b);
}

/** Whether `path` names a setting or a group of settings (never `version`, never a list's item). */
export function isSettingPath(path: string): boolean {
  const keys = keyOf(path);
  if (!(MANAGED_SETTINGS as readonly string[]).includes(keys[0]!)) return false;
  let value: unknown = defaultSettings('UTC');
  for (const key of keys) {
    if (!isPlainObject(value) || !Object.hasOwn(value, key)) return false;
    value = value[key];
  }
  return true;
}

// ------------------------------------------------------------------ parsing

/** Printable text without spaces, as OAuth client ids and secrets are. A secret is never quoted back. */
function oauthText(value: unknown, path: 'oauth.clientId' | 'oauth.clientSecret', problems: InputProblem[]): string | undefined {
  if (typeof value === 'string' && value.length > 0 && value.length <= POLICY_LIMITS.oauthText && /^[\x21-\x7e]+$/.test(value)) return value;
  problems.push(
    path === 'oauth.clientId'
      ? inputProblem(path, 'inputNotOAuthClientId', describeValue(value), POLICY_LIMITS.oauthText)
      : inputProblem(path, 'inputNotOAuthSecret', POLICY_LIMITS.oauthText),
  );
  return undefined;
}

/** Marks a list's entry the validator refused, until the round's problems are all read. */
const DROPPED = Symbol('dropped');

/**
 * The managed settings that pass the settings validator, each checked over
 * the defaults: a value the validator names is dropped (a list's bad entry
 * only, the rest of the list stays); a problem about a value the policy does
 * not give (escalated below a managed late) drops the nearest part it does give.
 */
function validManagedSettings(input: Plain, problems: InputProblem[]): { settings: Plain; managed: string[] } {
  const managed: Plain = {};
  for (const key of MANAGED_SETTINGS) if (Object.hasOwn(input, key)) define(managed, key, copy(input[key]));
  const base = defaultSettings('UTC');
  // Each round drops at least one value, so this ends; the bound is a guard.
  for (let round = 0; round < 10_000; round += 1) {
    const merged = mergeSettings(base, managed as DeepPartial<Settings>);
    if (merged.ok) {
      const paths = valuePaths(managed);
      const settings: Plain = {};
      for (const path of paths) setAt(settings, path, copy(valueAt(merged.settings, path)));
      return { settings, managed: paths };
    }
    let dropped = false;
    for (const problem of merged.problems) {
      const { path } = problem;
      const item = /^(.*)\[(\d+)\]$/.exec(path);
      const list = item ? valueAt(managed, item[1]!) : undefined;
      if (item && Array.isArray(list) && Number(item[2]) < list.length) {
        // Marked, then removed below, so the other entries' indexes stay as the problems name them.
        list[Number(item[2])] = DROPPED;
        problems.push(problem);
        dropped = true;
        continue;
      }
      let owner = path;
      while (owner && valueAt(managed, owner) === undefined) owner = owner.includes('.') ? owner.slice(0, owner.lastIndexOf('.')) : '';
      if (!owner) continue;
      deleteAt(managed, owner);
      problems.push(problem);
      dropped = true;
    }
    for (const path of valuePaths(managed)) {
      const value = valueAt(managed, path);
      if (Array.isArray(value) && value.includes(DROPPED)) setAt(managed, path, value.filter((entry) => entry !== DROPPED));
    }
    if (!dropped) break;
  }
  problems.push(inputProblem('settings', 'inputPolicyUnchecked'));
  return { settings: {}, managed: [] };
}


/**
 * A policy from `storage.managed` (or a test): strict, never throwing. An
 * empty object is no policy. Unknown keys, wrong types, values the settings
 * validator refuses and locks of settings that don't exist are reported with
 * their path and ignored; everything else applies.
 */
export function parsePolicy(input: unknown): PolicyReading {
  try {
    return parseOrThrow(input);
  } catch (error) {
    // Input no check foresaw (nesting deep enough to overflow the stack): none of it applies, and Diagnostics says so.
    return { policy: null, problems: [inputProblem('policy', 'inputPolicyFailed', String((error as Error)?.message ?? error))] };
  }
}

function parseOrThrow(input: unknown): PolicyReading {
  if (input === undefined || input === null) return NO_POLICY;
  if (!isPlainObject(input)) return { policy: null, problems: [inputProblem('policy', 'inputNotObject', describeValue(input))] };
  if (Object.keys(input).length === 0) return NO_POLICY;
  const problems: InputProblem[] = [];
  const policy: Policy = { settings: {}, managed: [], locked: [] };

  for (const key of Object.keys(input)) {
    if (!(OWN_KEYS as readonly string[]).includes(key) && !(MANAGED_SETTINGS as readonly string[]).includes(key)) problems.push(inputProblem(key, 'inputUnknownPolicy'));
  }

  if (Object.hasOwn(input, 'accountUrl')) {
    const parsed = typeof input.accountUrl === 'string' ? parseAccountUrl(input.accountUrl) : undefined;
    if (parsed?.ok) policy.accountUrl = parsed.origin;
    else problems.push(parsed ? inputProblem('accountUrl', 'inputAsIs', parsed.message) : inputProblem('accountUrl', 'inputNotAccountUrl', describeValue(input.accountUrl)));
  }

  if (Object.hasOwn(input, 'oauth')) {
    const oauth = input.oauth;
    if (!isPlainObject(oauth)) problems.push(inputProblem('oauth', 'inputNotObject', describeValue(oauth)));
    else {
      for (const key of Object.keys(oauth)) if (!(OAUTH_KEYS as readonly string[]).includes(key)) problems.push(inputProblem(`oauth.${key}`, 'inputUnknownPolicy'));
      const out: NonNullable<Policy['oauth']> = {};
      if (Object.hasOwn(oauth, 'clientId')) {
        const clientId = oauthText(oauth.clientId, 'oauth.clientId', problems);
        if (clientId !== undefined) out.clientId = clientId;
      }
      if (Object.hasOwn(oauth, 'clientSecret')) {
        const clientSecret = oauthText(oauth.clientSecret, 'oauth.clientSecret', problems);
        if (clientSecret !== undefined) out.clientSecret = clientSecret;
      }
      if (out.clientId !== undefined || out.clientSecret !== undefined) policy.oauth = out;
    }
  }

  if (Object.hasOwn(input, 'language')) {
    const language = input.language;
    if (typeof language === 'string' && (POLICY_LANGUAGES as readonly string[]).includes(language)) policy.language = language as PolicyLanguage;
    else problems.push(inputProblem('language', 'inputNotOneOf', POLICY_LANGUAGES.join(', '), describeValue(language)));
  }

  // A language the check above refused is not offered to the settings validator (one problem, not two).
  const managedInput: Plain = {};
  for (const key of Object.keys(input)) if (key !== 'language' || policy.language) define(managedInput, key, input[key]);
  const { settings, managed } = validManagedSettings(managedInput, problems);
  policy.settings = settings as DeepPartial<Settings>;
  policy.managed = managed;

  if (Object.hasOwn(input, 'lockedSettings')) {
    const locks = input.lockedSettings;
    if (!Array.isArray(locks)) problems.push(inputProblem('lockedSettings', 'inputNotLockList', describeValue(locks)));
    else if (locks.length > POLICY_LIMITS.lockedSettings) problems.push(inputProblem('lockedSettings', 'inputTooMany', POLICY_LIMITS.lockedSettings, locks.length));
    else {
      locks.forEach((lock, index) => {
        if (typeof lock === 'string' && isSettingPath(lock.trim())) {
          if (!policy.locked.includes(lock.trim())) policy.locked.push(lock.trim());
        } else problems.push(inputProblem(`lockedSettings[${index}]`, 'inputNotLock', describeValue(lock)));
      });
    }
  }

  return { policy, problems };
}

// ------------------------------------------------------------------ merging

/** Whether `path` (a setting or a group) is locked: it or a group around it is. */
export function isLocked(locked: readonly string[], path: string): boolean {
  return locked.some((lock) => within(path, lock));
}

/** Whether `path` is managed: it, a group around it or a value inside it comes from the policy. */
export function isManaged(policy: Policy, path: string): boolean {
  return policy.managed.some((managed) => within(path, managed) || within(managed, path)) || isLocked(policy.locked, path);
}

/**
 * For each unlocked managed value the user changed: the organization's value
 * they changed it from. Their own value stands until the organization sets
 * another one.
 */
export type PolicyOverrides = Record<string, unknown>;

export interface Applied {
  settings: Settings;
  /** Where the user's own values could not stand beside the organization's (that group's defaults were used instead). */
  problems: InputProblem[];
}

/**
 * The settings in effect: the user's, with every managed value laid over
 * them (a locked one always; an unlocked one unless the user changed it from
 * that same value), and each locked setting the policy gives no value for at
 * its default. `defaults` are the browser's (its time zone).
 */
export function applyPolicy(user: Settings, policy: Policy | null, overrides: PolicyOverrides, defaults: Settings): Applied {
  if (!policy) return { settings: user, problems: [] };
  const patch: Plain = {};
  for (const lock of policy.locked) setAt(patch, lock, copy(valueAt(defaults, lock)));
  for (const path of policy.managed) {
    const value = valueAt(policy.settings, path);
    const keptByUser = !isLocked(policy.locked, path) && Object.hasOwn(overrides, path) && sameValue(overrides[path], value);
    if (!keptByUser) setAt(patch, path, copy(value));
  }
  if (Object.keys(patch).length === 0) return { settings: user, problems: [] };

  const merged = mergeSettings(user, patch as DeepPartial<Settings>);
  if (merged.ok) return { settings: merged.settings, problems: [] };
  // The user's own values around a managed one may not fit it (their escalated under the
  // organization's late): the organization's win, with that group's defaults beside them.
  const conflicts = [...new Set(merged.problems.map((problem) => problem.path.split(/[.[]/)[0]!))].filter((group) => Object.hasOwn(patch, group));
  const reset: Plain = {};
  for (const group of conflicts) define(reset, group, copy(valueAt(defaults, group)));
  const userReset = mergeSettings(user, reset as DeepPartial<Settings>);
  const note = conflicts.map((group) => inputProblem(group, 'inputPolicyConflict'));
  const fallback = userReset.ok ? mergeSettings(userReset.settings, patch as DeepPartial<Settings>) : userReset;
  if (fallback.ok) return { settings: fallback.settings, problems: note };
  const onDefaults = mergeSettings(defaults, patch as DeepPartial<Settings>);
  if (onDefaults.ok) return { settings: onDefaults.settings, problems: note };
  return { settings: user, problems: [inputProblem('', 'inputPolicyNotApplied'), ...onDefaults.problems] };
}

/** The locked paths whose value differs between `before` and `after`: a save that changes any is refused. */
export function changedLocks(before: Settings, after: Settings, locked: readonly string[]): string[] {
  return locked.filter((lock) => !sameValue(valueAt(before, lock), valueAt(after, lock)));
}

/**
 * The overrides to keep after the user saved `saved`: for each unlocked
 * managed value, whether the user's value differs from the organization's.
 */
export function overridesAfterSave(saved: Settings, policy: Policy | null): PolicyOverrides {
  const overrides: PolicyOverrides = {};
  if (!policy) return overrides;
  for (const path of policy.managed) {
    if (isLocked(policy.locked, path)) continue;
    const value = valueAt(policy.settings, path);
    if (!sameValue(valueAt(saved, path), value)) define(overrides, path, copy(value));
  }
  return overrides;
}
