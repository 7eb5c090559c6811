// The reply settings form as plain data: what its fields hold (text, as typed),
// the settings patch they make, and which field a validation problem is about.
// Validation itself is lib/settings.ts's: the form converts, it never judges.
import type { MessageKey } from '@/lib/i18n';
import type { DeepPartial, Settings } from '@/lib/settings';
import { problemDetail, problemText } from '@/lib/problem-text';
import type { InputProblem } from '@/lib/validate';

/** The form's fields: switches as booleans, everything typed as the text the user typed. */
export interface RepliesDraft {
  replyBadges: boolean;
  notifyLate: boolean;
  notifyEscalated: boolean;
  soon: string;
  late: string;
  escalated: string;
  /** The Worksection account's zone (how API dates are read). */
  accountTimeZone: string;
  timeZone: string;
  /** ISO weekdays 1 (Monday) … 7 (Sunday). */
  workDays: number[];
  /** "HH:MM" as a time input gives it; an end of "00:00" means midnight at the end of the day. */
  start: string;
  end: string;
  /** One entry per line (commas and semicolons separate too). */
  holidays: string;
  emails: string;
  domains: string;
  projectIds: string;
  pollMinutes: string;
}

export type RepliesField = keyof RepliesDraft;

/** Settings keep "24:00" for a day that ends at midnight; a time input can only say "00:00". */
const MIDNIGHT_END = '24:00';
const MIDNIGHT = '00:00';

export function draftFromSettings(settings: Settings): RepliesDraft {
  const { businessHours: hours, clients, replyThresholds: thresholds } = settings;
  return {
    replyBadges: settings.features.replyBadges,
    notifyLate: settings.notifications.late,
    notifyEscalated: settings.notifications.escalated,
    soon: String(thresholds.soon),
    late: String(thresholds.late),
    escalated: String(thresholds.escalated),
    accountTimeZone: settings.account.timeZone,
    timeZone: hours.timeZone,
    workDays: [...hours.workDays],
    start: hours.start,
    end: hours.end === MIDNIGHT_END ? MIDNIGHT : hours.end,
    holidays: hours.holidays.join('\n'),
    emails: clients.emails.join('\n'),
    domains: clients.domains.join('\n'),
    projectIds: clients.projectIds.join('\n'),
    pollMinutes: String(settings.pollMinutes),
  };
}

/** Non-empty entries of a one-per-line field (commas and semicolons also separate: pasted lists often use them). */
export function entries(text: string): string[] {
  return text
    .split(/[\n\r,;]+/)
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
}

/**
 * A typed number as a number; anything else is passed on as typed, so that
 * the settings validator quotes it back ("got \"abc\"") instead of the form
 * inventing a second wording.
 */
export function numberOrText(text: string): number | string {
  const trimmed = text.trim();
  return /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(trimmed) ? Number(trimmed) : trimmed;
}

/** A project id, also from a pasted project link (https://…/project/12345/…). */
function projectIdOf(entry: string): string {
  return /\/project\/(\d+)(?:\/|$|[?#])/.exec(entry)?.[1] ?? entry;
}

/**
 * The settings the reply form owns, as a patch for `settings/save`. Lists
 * replace the stored lists whole; other features' switches are left alone.
 * Values that are not what a setting needs are passed through for the
 * validator to name.
 */
export function patchFromDraft(draft: RepliesDraft): DeepPartial<Settings> {
  return {
    features: { replyBadges: draft.replyBadges },
    notifications: { late: draft.notifyLate, escalated: draft.notifyEscalated },
    replyThresholds: {
      soon: numberOrText(draft.soon) as number,
      late: numberOrText(draft.late) as number,
      escalated: numberOrText(draft.escalated) as number,
    },
    account: { timeZone: draft.accountTimeZone.trim() },
    businessHours: {
      timeZone: draft.timeZone.trim(),
      workDays: [...draft.workDays].sort((a, b) => a - b),
      start: draft.start,
      end: draft.end === MIDNIGHT ? MIDNIGHT_END : draft.end,
      holidays: entries(draft.holidays),
    },
    clients: {
      emails: entries(draft.emails),
      domains: entries(draft.domains),
      projectIds: entries(draft.projectIds).map(projectIdOf),
    },
    pollMinutes: numberOrText(draft.pollMinutes) as number,
  };
}

/** Which field each settings path belongs to, and the label naming it in a problem; in the form's order. */
const FIELDS: ReadonlyArray<{ path: string; field: RepliesField; label: MessageKey }> = [
  { path: 'features.replyBadges', field: 'replyBadges', label: 'settingsReplyBadgesLabel' },
  { path: 'notifications.late', field: 'notifyLate', label: 'settingsNotifyLateLabel' },
  { path: 'notifications.escalated', field: 'notifyEscalated', label: 'settingsNotifyEscalatedLabel' },
  { path: 'replyThresholds.soon', field: 'soon', label: 'settingsSoonLabel' },
  { path: 'replyThresholds.late', field: 'late', label: 'settingsLateLabel' },
  { path: 'replyThresholds.escalated', field: 'escalated', label: 'settingsEscalatedLabel' },
  { path: 'account.timeZone', field: 'accountTimeZone', label: 'settingsAccountTimeZoneLabel' },
  { path: 'businessHours.timeZone', field: 'timeZone', label: 'settingsTimeZoneLabel' },
  { path: 'businessHours.workDays', field: 'workDays', label: 'settingsWorkDaysLabel' },
  { path: 'businessHours.start', field: 'start', label: 'settingsStartLabel' },
  { path: 'businessHours.end', field: 'end', label: 'settingsEndLabel' },
  { path: 'businessHours.holidays', field: 'holidays', label: 'settingsHolidaysLabel' },
  { path: 'clients.emails', field: 'emails', label: 'settingsClientEmailsLabel' },
  { path: 'clients.domains', field: 'domains', label: 'settingsClientDomainsLabel' },
  { path: 'clients.projectIds', field: 'projectIds', label: 'settingsClientProjectsLabel' },
  { path: 'pollMinutes', field: 'pollMinutes', label: 'settingsPollLabel' },
];

export interface FieldProblem {
  /** The form field it is about, when it is one of the form's. */
  field?: RepliesField;
  /** The message key of that field's label. */
  label?: MessageKey;
  /** The problem without its path ("must be more than soon (15)"). */
  detail: string;
}

/**
 * A validator problem (at "replyThresholds.late": must be more than soon (15);
 * at "clients.domains[2]": "x" is not an email domain) tied to its field, in
 * the page's language. The list index is dropped: the detail quotes the
 * offending entry. A problem of no field keeps its path in front.
 */
export function fieldProblem(problem: InputProblem): FieldProblem {
  const path = problem.path.replace(/\[\d+\]$/, '');
  const match = FIELDS.find((candidate) => candidate.path === path);
  return match ? { field: match.field, label: match.label, detail: problemDetail(problem) } : { detail: problemText(problem) };
}

/** Problems in the order of the form's fields (the validator's order is the settings'), others last. */
export function inFormOrder(problems: readonly FieldProblem[]): FieldProblem[] {
  const rank = (problem: FieldProblem) => {
    const index = FIELDS.findIndex((candidate) => candidate.field === problem.field);
    return index < 0 ? FIELDS.length : index;
  };
  return [...problems].sort((a, b) => rank(a) - rank(b));
}
