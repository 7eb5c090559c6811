/**
 * What settings, templates and backups share when they check untrusted input
 * (storage, imported files, messages): is it a plain object, which keys are
 * not allowed, how a bad value is quoted in a problem, and the problem itself,
 * in no language. Pure: lib/problem-text.ts words problems where they are shown.
 */
import type { MessageKey } from './i18n';

export type Plain = Record<string, unknown>;

/** The message keys problems are worded with (public/_locales: "input…"). */
export type InputProblemKey = Extract<MessageKey, `input${string}`>;
/** A value in a problem: a number, a quoted value or a name; null is "nothing" (a value that is missing). */
export type ProblemValue = string | number | null;

/**
 * A problem with untrusted input: where (`path` into the input, such as
 * "clients.emails[2]" or "replyThresholds.late"; "" for the whole) and what
 * (a message key and its values). Plain data, so it can be checked, sorted by
 * field and worded later in whatever language the page or background speaks.
 */
export interface InputProblem {
  readonly path: string;
  readonly key: InputProblemKey;
  readonly values: readonly ProblemValue[];
}

export function inputProblem(path: string, key: InputProblemKey, ...values: ProblemValue[]): InputProblem {
  return { path, key, values };
}

/** `problem` with `prefix` in front of its path ("businessHours" + "start" = "businessHours.start"). */
export function under(prefix: string, problem: InputProblem): InputProblem {
  return { ...problem, path: problem.path ? `${prefix}.${problem.path}` : prefix };
}

/**
 * A plain object: `{…}` or `Object.create(null)`, never an array, a class
 * instance, a Date or a Map. Objects from another realm (structured clones,
 * test environments) count too: their prototype's prototype is null.
 */
export function isPlainObject(value: unknown): value is Plain {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === null || Object.getPrototypeOf(proto) === null;
}

/** The keys of `value` that are not in `allowed`, in their order: a typo must not pass silently. */
export function unknownKeys(value: Plain, allowed: readonly string[]): string[] {
  return Object.keys(value).filter((key) => !allowed.includes(key));
}

/** A value as quoted in a validation problem: short, whatever its size (imported files are hostile input); null when there is none. */
export function describeValue(value: unknown): string | null {
  if (value === undefined) return null;
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
