// Request parameters as Worksection reads them: the query string, plus a POST
// body (form or JSON) merged in. Arrays come as `todo[]=a&todo[]=b` (brackets
// raw or percent-encoded) or as JSON arrays. Query values win over body values.

import { ApiFailure, CODE } from './errors.ts';

export class Params {
  private constructor(private readonly entries: ReadonlyArray<readonly [string, string]>) {}

  static parse(rawQuery: string, body: { contentType: string; text: string } | null): Params {
    const entries: Array<[string, string]> = [...new URLSearchParams(rawQuery)];
    if (body && body.text.trim() !== '') {
      if (/application\/json/i.test(body.contentType)) entries.push(...jsonEntries(body.text));
      else if (/application\/x-www-form-urlencoded/i.test(body.contentType)) entries.push(...new URLSearchParams(body.text));
    }
    return new Params(entries);
  }

  /** The first value of a plain parameter, trimmed of nothing. */
  get(name: string): string | undefined {
    return this.entries.find(([key]) => key === name)?.[1];
  }

  /** A non-empty value, or undefined. */
  filled(name: string): string | undefined {
    const value = this.get(name);
    return value === undefined || value.trim() === '' ? undefined : value;
  }

  has(name: string): boolean {
    return this.entries.some(([key]) => key === name);
  }

  /** Values of `name[]` / `name[0]`… in order; empty items are dropped. */
  list(name: string): string[] {
    const pattern = new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\[\\d*\\]$`);
    return this.entries.filter(([key]) => pattern.test(key)).map(([, value]) => value).filter((value) => value.trim() !== '');
  }

  /** `extra=text, options,users` → {"text","options","users"}. */
  extras(): Set<string> {
    return new Set(commaList(this.get('extra') ?? '').map((item) => item.toLowerCase()));
  }

  action(): string | undefined {
    return this.filled('action');
  }
}

/** "a@b.c, d@e.f" → ["a@b.c", "d@e.f"]. */
export function commaList(text: string): string[] {
  return text.split(',').map((item) => item.trim()).filter(Boolean);
}

function jsonEntries(text: string): Array<[string, string]> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ApiFailure(CODE.fieldInvalid, 'Field is invalid', 'request body is not valid JSON');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new ApiFailure(CODE.fieldInvalid, 'Field is invalid', 'request body must be a JSON object');
  }
  const entries: Array<[string, string]> = [];
  const add = (key: string, value: unknown): void => {
    if (value === null || value === undefined) return;
    if (Array.isArray(value)) {
      const arrayKey = key.endsWith('[]') ? key : `${key}[]`;
      for (const item of value) if (item !== null && typeof item !== 'object') entries.push([arrayKey, String(item)]);
    } else if (typeof value === 'object') {
      // {"options": {"allow_close": 1}} is the JSON form of options.allow_close=1.
      for (const [inner, innerValue] of Object.entries(value)) add(`${key}.${inner}`, innerValue);
    } else {
      entries.push([key, String(value)]);
    }
  };
  for (const [key, value] of Object.entries(parsed)) add(key, value);
  return entries;
}
