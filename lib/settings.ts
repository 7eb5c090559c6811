// The user's settings (kept in storage.local by an adapter; this module is
// pure): their shape, defaults and strict validation. Imported files and
// managed policies are hostile input: every problem is reported with its path,
// unknown keys included, and nothing invalid gets through.
import { normaliseDomain } from './replies/clients';
import { DEFAULT_REPLY_THRESHOLDS, validateReplyThresholds } from './replies/clock';
import { isKnownTimeZone, validateBusinessHours } from './replies/business-hours';
import { describeValue, inputProblem, isPlainObject, under, unknownKeys, type InputProblem, type Plain } from './validate';
import type { BusinessHours, ReplyThresholds } from './replies/types';
import { defaultAccountTimeSettings, parseAccountTimeSettings } from './account-time/settings';
import type { AccountTimeSettings } from './account-time/types';
import { defaultTemplateSettings, parseTemplateSettings, type TemplateSettings } from './templates/settings';
import { isLanguageSetting, LANGUAGE_SETTINGS, type LanguageSetting } from './locale';

export interface Settings {
  version: 1;
  features: { replyBadges: boolean; accountTime: boolean; templates: boolean; statusReport: boolean; quickReplies: boolean };
  /** Who counts as a client beyond client teams, and projects whose every task is a client thread. */
  clients: { emails: string[]; domains: string[]; projectIds: string[] };
  /**
   * The Worksection account's own time zone: the API writes its dates
   * ("YYYY-MM-DD HH:MM") as wall-clock time there, so every API date is read
   * in it. Separate from business hours, which are the team's working day.
   */
  account: { timeZone: string };
  businessHours: BusinessHours;
  replyThresholds: ReplyThresholds;
  notifications: { late: boolean; escalated: boolean };
  /** Minutes between polls of Worksection: 0.5 (the alarms API's minimum) … 60; default 1. */
  pollMinutes: number;
  /** Idle limit, share thresholds, hourly rate, write-back (lib/account-time/settings.ts). */
  accountTime: AccountTimeSettings;
  templates: TemplateSettings;
  /** The UI's language: "auto" (the browser's UI language, as Chrome picks a locale) or one of lib/locale.ts LANGUAGES. */
  language: LanguageSetting;
}

/** Objects are merged key by key; arrays and values are replaced whole. */
export type DeepPartial<T> = T extends readonly unknown[] ? T : T extends object ? { [K in keyof T]?: DeepPartial<T[K]> } : T;

export type SettingsResult = { ok: true; settings: Settings } | { ok: false; problems: InputProblem[] };

export const SETTINGS_LIMITS = Object.freeze({
  emails: 1000,
  domains: 1000,
  projectIds: 1000,
  holidays: 1000,
  pollMinutes: { min: 0.5, max: 60 },
});

/** Defaults (DESIGN §2): Mon–Fri 09:00–18:00 in `timeZone` (pass the browser's), thresholds 10/15/30, notifications on. */
export function defaultSettings(timeZone: string): Settings {
  return {
    version: 1,
    features: { replyBadges: true, accountTime: true, templates: true, statusReport: true, quickReplies: true },
    clients: { emails: [], domains: [], projectIds: [] },
    account: { timeZone },
    businessHours: { timeZone, workDays: [1, 2, 3, 4, 5], start: '09:00', end: '18:00', holidays: [] },
    replyThresholds: { ...DEFAULT_REPLY_THRESHOLDS },
    notifications: { late: true, escalated: true },
    pollMinutes: 1,
    accountTime: defaultAccountTimeSettings(),
    templates: defaultTemplateSettings(),
    language: 'auto',
  };
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/** The defaults in UTC. Prefer `defaultSettings(browserTimeZone)`; this one is frozen. */
export const DEFAULT_SETTINGS: Settings = deepFreeze(defaultSettings('UTC'));

// ------------------------------------------------------------------ parsing

type Problems = InputProblem[];

const at = (path: string, key: string): string => (path ? `${path}.${key}` : key);

/** The object at `path` with exactly `keys`: unknown keys are reported (a typo must not pass silently). */
function record(value: unknown, path: string, keys: readonly string[], problems: Problems): Plain | undefined {
  if (!isPlainObject(value)) {
    problems.push(inputProblem(path || 'settings', 'inputNotObject', describeValue(value)));
    return undefined;
  }
  for (const key of unknownKeys(value, keys)) problems.push(inputProblem(at(path, key), 'inputUnknownSetting'));
  return value;
}

function boolean(value: unknown, path: string, problems: Problems): boolean {
  if (typeof value !== 'boolean') problems.push(inputProblem(path, 'inputNotBoolean', describeValue(value)));
  return value === true;
}

/** A list of at most `limit` items, each normalised by `item` (undefined = a problem it reported), deduplicated. */
function list<T>(
  value: unknown,
  path: string,
  limit: number,
  problems: Problems,
  item: (entry: unknown, path: string) => T | undefined,
): T[] {
  if (!Array.isArray(value)) {
    problems.push(inputProblem(path, 'inputNotList', describeValue(value)));
    return [];
  }
  if (value.length > limit) {
    problems.push(inputProblem(path, 'inputTooMany', limit, value.length));
    return [];
  }
  const out = new Set<T>();
  value.forEach((entry, index) => {
    const normalised = item(entry, `${path}[${index}]`);
    if (normalised !== undefined) out.add(normalised);
  });
  return [...out];
}

const EMAIL = /^[^\s@"<>(),;:\\[\]]+@[^\s@"<>(),;:\\[\]]+$/;
/** Labels of letters, digits and inner hyphens, at least two of them. */
const DOMAIN = /^(?=.{1,253}$)(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?$/u;

function email(entry: unknown, path: string, problems: Problems): string | undefined {
  const text = typeof entry === 'string' ? entry.trim().toLowerCase() : undefined;
  const domain = text?.slice(text.lastIndexOf('@') + 1);
  if (text === undefined || text.length > 254 || !EMAIL.test(text) || !DOMAIN.test(domain ?? '')) {
    problems.push(inputProblem(path, 'inputNotEmail', describeValue(entry)));
    return undefined;
  }
  return text;
}

function domain(entry: unknown, path: string, problems: Problems): string | undefined {
  const text = typeof entry === 'string' ? normaliseDomain(entry) : undefined;
  if (text === undefined || !DOMAIN.test(text)) {
    problems.push(inputProblem(path, 'inputNotDomain', describeValue(entry)));
    return undefined;
  }
  return text;
}

/** Worksection ids are digits; whole numbers are accepted and kept as text. */
function projectId(entry: unknown, path: string, problems: Problems): string | undefined {
  const text = typeof entry === 'number' && Number.isSafeInteger(entry) && entry >= 0 ? String(entry) : entry;
  if (typeof text !== 'string' || !/^\d{1,20}$/.test(text.trim())) {
    problems.push(inputProblem(path, 'inputNotProjectId', describeValue(entry)));
    return undefined;
  }
  return text.trim();
}

const ROOT_KEYS = ['version', 'features', 'clients', 'account', 'businessHours', 'replyThresholds', 'notifications', 'pollMinutes', 'accountTime', 'templates', 'language'] as const;
const FEATURE_KEYS = ['replyBadges', 'accountTime', 'templates', 'statusReport', 'quickReplies'] as const;
const CLIENT_KEYS = ['emails', 'domains', 'projectIds'] as const;
const ACCOUNT_KEYS = ['timeZone'] as const;
const HOURS_KEYS = ['timeZone', 'workDays', 'start', 'end', 'holidays'] as const;
const THRESHOLD_KEYS = ['soon', 'late', 'escalated'] as const;
const NOTIFICATION_KEYS = ['late', 'escalated'] as const;

/**
 * Complete settings from untrusted input (an imported file, storage written
 * by an older version): every field must be present and valid. Emails and
 * domains come back lowercase and deduplicated, work days and holidays sorted.
 * For partial input, merge it onto defaults with `mergeSettings`.
 */
export function parseSettings(input: unknown): SettingsResult {
  const problems: Problems = [];
  const root = record(input, '', ROOT_KEYS, problems);
  if (!root) return { ok: false, problems };

  if (root.version !== 1) problems.push(inputProblem('version', 'inputNotVersion', 1, describeValue(root.version)));

  const featuresIn = record(root.features, 'features', FEATURE_KEYS, problems);
  const features = featuresIn && {
    replyBadges: boolean(featuresIn.replyBadges, 'features.replyBadges', problems),
    accountTime: boolean(featuresIn.accountTime, 'features.accountTime', problems),
    templates: boolean(featuresIn.templates, 'features.templates', problems),
    // Settings stored before the status report existed have no switch for it: it is on.
    statusReport: featuresIn.statusReport === undefined ? true : boolean(featuresIn.statusReport, 'features.statusReport', problems),
    // Settings kept before quick replies existed have no switch for them: on, like a fresh install.
    quickReplies: featuresIn.quickReplies === undefined ? true : boolean(featuresIn.quickReplies, 'features.quickReplies', problems),
  };

  const clientsIn = record(root.clients, 'clients', CLIENT_KEYS, problems);
  const clients = clientsIn
    ? {
        emails: list(clientsIn.emails, 'clients.emails', SETTINGS_LIMITS.emails, problems, (entry, path) => email(entry, path, problems)),
        domains: list(clientsIn.domains, 'clients.domains', SETTINGS_LIMITS.domains, problems, (entry, path) => domain(entry, path, problems)),
        projectIds: list(clientsIn.projectIds, 'clients.projectIds', SETTINGS_LIMITS.projectIds, problems, (entry, path) =>
          projectId(entry, path, problems),
        ),
      }
    : undefined;

  const hoursIn = record(root.businessHours, 'businessHours', HOURS_KEYS, problems);
  if (hoursIn) {
    problems.push(...validateBusinessHours(hoursIn).map((problem) => under('businessHours', problem)));
    if (Array.isArray(hoursIn.holidays) && hoursIn.holidays.length > SETTINGS_LIMITS.holidays) {
      problems.push(inputProblem('businessHours.holidays', 'inputTooMany', SETTINGS_LIMITS.holidays, hoursIn.holidays.length));
    }
  }

  // Settings saved before the account's zone existed read API dates in the business-hours zone: keep that.
  const accountIn =
    root.account === undefined ? hoursIn && { timeZone: hoursIn.timeZone } : record(root.account, 'account', ACCOUNT_KEYS, problems);
  if (accountIn && !isKnownTimeZone(accountIn.timeZone)) {
    problems.push(inputProblem('account.timeZone', 'inputNotIanaZone', describeValue(accountIn.timeZone)));
  }

  const thresholdsIn = record(root.replyThresholds, 'replyThresholds', THRESHOLD_KEYS, problems);
  if (thresholdsIn) problems.push(...validateReplyThresholds(thresholdsIn).map((problem) => under('replyThresholds', problem)));

  const notificationsIn = record(root.notifications, 'notifications', NOTIFICATION_KEYS, problems);
  const notifications = notificationsIn && {
    late: boolean(notificationsIn.late, 'notifications.late', problems),
    escalated: boolean(notificationsIn.escalated, 'notifications.escalated', problems),
  };

  const { min, max } = SETTINGS_LIMITS.pollMinutes;
  const pollMinutes = root.pollMinutes;
  if (typeof pollMinutes !== 'number' || !(pollMinutes >= min && pollMinutes <= max)) {
    problems.push(inputProblem('pollMinutes', 'inputNotPollMinutes', min, max, describeValue(pollMinutes)));
  }

  // Settings saved before account time existed have no `accountTime`: they get its defaults.
  const accountTime = root.accountTime === undefined ? defaultAccountTimeSettings() : parseAccountTimeSettings(root.accountTime, problems);
  // Likewise `templates` (the team library's project).
  const templates = root.templates === undefined ? defaultTemplateSettings() : parseTemplateSettings(root.templates, problems);

  // Settings saved before the language choice existed follow the browser.
  const language = root.language === undefined ? 'auto' : root.language;
  if (!isLanguageSetting(language)) problems.push(inputProblem('language', 'inputNotOneOf', LANGUAGE_SETTINGS.join(', '), describeValue(language)));

  if (problems.length > 0 || !isLanguageSetting(language) || !accountTime || !templates || !features || !clients || !accountIn || !hoursIn || !thresholdsIn || !notifications) {
    return { ok: false, problems };
  }
  const hours = hoursIn as unknown as BusinessHours;
  const thresholds = thresholdsIn as unknown as ReplyThresholds;
  return {
    ok: true,
    settings: {
      version: 1,
      features,
      clients,
      account: { timeZone: accountIn.timeZone as string },
      businessHours: {
        timeZone: hours.timeZone,
        workDays: [...hours.workDays].sort((a, b) => a - b),
        start: hours.start,
        end: hours.end,
        holidays: [...new Set(hours.holidays)].sort(),
      },
      replyThresholds: { soon: thresholds.soon, late: thresholds.late, escalated: thresholds.escalated },
      notifications,
      pollMinutes: pollMinutes as number,
      accountTime,
      templates,
      language,
    },
  };
}

/** `base` with `patch` laid over it: objects merge, anything else replaces, undefined is skipped. */
function overlay(base: unknown, patch: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(patch)) return patch;
  const merged: Plain = {};
  for (const [key, value] of Object.entries(base)) define(merged, key, value);
  for (const [key, value] of Object.entries(patch)) {
    if (value !== undefined) define(merged, key, overlay(Object.hasOwn(merged, key) ? merged[key] : undefined, value));
  }
  return merged;
}

/** An own property even for "__proto__" (so a hostile key is reported, never turned into a prototype). */
function define(target: Plain, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** `base` updated by `patch` (an options form's change, an imported partial file), then validated as a whole. */
export function mergeSettings(base: Settings, patch: DeepPartial<Settings>): SettingsResult {
  if (!isPlainObject(patch)) return { ok: false, problems: [inputProblem('settings', 'inputNotObject', describeValue(patch))] };
  return parseSettings(overlay(base, patch));
}
