/**
 * What settings, templates and backups share when they check untrusted input
 * (storage, imported files, messages): is it a plain object, which keys are
 * not allowed, and how a bad value is quoted in a problem. Pure.
 */

export type Plain = Record<string, unknown>;

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

/** A value as quoted in a validation problem: short, whatever its size (imported files are hostile input). */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
