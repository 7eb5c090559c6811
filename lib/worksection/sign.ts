// Query building and admin signing for Worksection API v2 (api-reference §1.2).
// The rule that keeps the server and us in agreement: hash exactly the query
// string we send, with `action` first and `hash` last.
import { md5 } from './md5';

export type WsParamValue = string | number | undefined | readonly (string | number)[];
export type WsParams = Readonly<Record<string, WsParamValue>>;

/**
 * `action=<action>&k=v…` in the params' insertion order. Arrays become repeated
 * `key[]=v` (Worksection's `todo[]`); undefined values are left out. Encoding
 * follows URLSearchParams, except spaces are `%20` rather than `+` (the form
 * PHP's rawurlencode and the NOTIFY client use, and unambiguous to any server).
 */
export function buildQuery(action: string, params: WsParams = {}): string {
  if (!/^[a-z][a-z0-9_]*$/.test(action)) throw new RangeError(`Not a Worksection action name: "${action}"`);
  const search = new URLSearchParams();
  search.append('action', action);
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined) continue;
    if (key === 'action' || key === 'hash') throw new RangeError(`"${key}" is set by the client, not a parameter`);
    if (typeof value === 'string' || typeof value === 'number') {
      search.append(key, String(value));
      continue;
    }
    const arrayKey = key.endsWith('[]') ? key : `${key}[]`;
    for (const item of value) search.append(arrayKey, String(item));
  }
  // URLSearchParams writes a literal "+" as %2B, so every "+" left is a space.
  return search.toString().replace(/\+/g, '%20');
}

/** Appends `&hash=md5(query + apiKey)`, the admin API's signature, last. */
export function signAdminQuery(query: string, apiKey: string): string {
  return `${query}&hash=${md5(query + apiKey)}`;
}
