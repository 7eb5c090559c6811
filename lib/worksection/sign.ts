// How a request to Worksection's API v2 is put on the wire (api-reference §9.1,
// docs/worksection-wire.md). Two schemes:
//
// - 'header' (default): what Worksection's newest official clients send.
//   POST <origin>/api/admin/v2?action=ACTION with `Authorization: Admin {t}_{hex}`,
//   hex = HMAC-SHA256(key = API key, message = "ACTION:t"), t = Unix seconds, and
//   the parameters as a JSON body. OAuth: /api/oauth2?action=ACTION with
//   `Authorization: Bearer TOKEN` and the same body. No encoding question and no
//   URL-length limit.
// - 'query' (fallback): the 2023 official PHP SDK's form. The query is built
//   exactly like PHP's http_build_query (RFC 1738: spaces '+', every byte but
//   A-Z a-z 0-9 - _ . percent-encoded in upper-case hex, arrays indexed
//   todo%5B0%5D=…), action first; the admin key signs it as
//   hash = md5(query + key), appended last; the very same string is sent. A
//   server that rebuilds the query from its parsed parameters before hashing
//   accepts only this form.
import { md5 } from './md5';
import { hmacSha256 } from './sha256';

export type WsParamValue = string | number | undefined | readonly (string | number)[];
export type WsParams = Readonly<Record<string, WsParamValue>>;

export type WireScheme = 'header' | 'query';
export const WIRE_SCHEMES: readonly WireScheme[] = ['header', 'query'];

export type WireAuth = { kind: 'admin'; apiKey: string } | { kind: 'oauth'; accessToken: string };

/** A request ready for fetch(). */
export interface WireRequest {
  method: 'GET' | 'POST';
  url: string;
  headers: Record<string, string>;
  body?: string;
}

/** Servers commonly refuse a request line (method, URL, version) longer than this. */
export const MAX_REQUEST_LINE = 8192;

const ACTION_NAME = /^[a-z][a-z0-9_]*$/;
const utf8 = new TextEncoder();

function requireAction(action: string): void {
  if (!ACTION_NAME.test(action)) throw new RangeError(`Not a Worksection action name: "${action}"`);
}

/** The parameters in order, without undefined values, refusing what the client sets itself. */
function entriesOf(params: WsParams): Array<[string, string | number | readonly (string | number)[]]> {
  const entries: Array<[string, string | number | readonly (string | number)[]]> = [];
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined) continue;
    if (key === 'action' || key === 'hash') throw new RangeError(`"${key}" is set by the client, not a parameter`);
    // `todo[]` and `todo` name the same array.
    entries.push([typeof value === 'object' && key.endsWith('[]') ? key.slice(0, -2) : key, value]);
  }
  return entries;
}

/** PHP's urlencode(): RFC 1738 over UTF-8 bytes; keeps A-Z a-z 0-9 - _ . and writes spaces as '+'. */
export function phpUrlencode(text: string): string {
  let out = '';
  for (const byte of utf8.encode(text)) {
    if (
      (byte >= 0x30 && byte <= 0x39) ||
      (byte >= 0x41 && byte <= 0x5a) ||
      (byte >= 0x61 && byte <= 0x7a) ||
      byte === 0x2d ||
      byte === 0x2e ||
      byte === 0x5f
    ) {
      out += String.fromCharCode(byte);
    } else if (byte === 0x20) {
      out += '+';
    } else {
      out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    }
  }
  return out;
}

/**
 * `action=ACTION&k=v…` as PHP's http_build_query(['action' => ACTION] + params)
 * writes it: parameters in order, undefined left out, empty strings kept as
 * `k=`, arrays as `k%5B0%5D=…&k%5B1%5D=…` (an empty array writes nothing).
 */
export function buildQuery(action: string, params: WsParams = {}): string {
  requireAction(action);
  const parts = [`action=${phpUrlencode(action)}`];
  for (const [key, value] of entriesOf(params)) {
    if (typeof value === 'object') {
      value.forEach((item, index) => parts.push(`${phpUrlencode(key)}%5B${index}%5D=${phpUrlencode(String(item))}`));
    } else {
      parts.push(`${phpUrlencode(key)}=${phpUrlencode(String(value))}`);
    }
  }
  return parts.join('&');
}

/** Appends `&hash=md5(query + apiKey)`, the md5 scheme's signature, last: the hashed string is the sent one. */
export function signAdminQuery(query: string, apiKey: string): string {
  return `${query}&hash=${md5(query + apiKey)}`;
}

/** `Admin {t}_{hex}` with hex = HMAC-SHA256(key = apiKey, message = "action:t"). */
export function adminAuthorization(action: string, unixSeconds: number, apiKey: string): string {
  requireAction(action);
  if (!Number.isInteger(unixSeconds) || unixSeconds < 0) throw new RangeError(`Not a Unix time in seconds: ${unixSeconds}`);
  return `Admin ${unixSeconds}_${hmacSha256(apiKey, `${action}:${unixSeconds}`)}`;
}

/** The parameters as the JSON body: arrays stay arrays (`todo: [...]`), undefined is left out. */
export function jsonBody(params: WsParams): Record<string, unknown> | undefined {
  const entries = entriesOf(params);
  return entries.length === 0 ? undefined : Object.fromEntries(entries);
}

/**
 * Everything fetch() needs for one attempt. `unixSeconds` is the (skew-corrected)
 * time the header scheme signs; the query scheme does not use it.
 */
export function buildWireRequest(input: {
  origin: string;
  action: string;
  params: WsParams;
  auth: WireAuth;
  scheme: WireScheme;
  unixSeconds: number;
}): WireRequest {
  const { origin, action, params, auth, scheme } = input;
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (auth.kind === 'oauth') headers.Authorization = `Bearer ${auth.accessToken}`;
  if (scheme === 'query') {
    const query = buildQuery(action, params);
    const url =
      auth.kind === 'admin' ? `${origin}/api/admin/v2/?${signAdminQuery(query, auth.apiKey)}` : `${origin}/api/oauth2?${query}`;
    return { method: 'GET', url, headers };
  }
  requireAction(action);
  if (auth.kind === 'admin') headers.Authorization = adminAuthorization(action, input.unixSeconds, auth.apiKey);
  const path = auth.kind === 'admin' ? '/api/admin/v2' : '/api/oauth2';
  const body = jsonBody(params);
  const url = `${origin}${path}?action=${action}`;
  if (!body) return { method: 'GET', url, headers };
  headers['Content-Type'] = 'application/json; charset=utf-8';
  return { method: 'POST', url, headers, body: JSON.stringify(body) };
}

/** Length of the HTTP/1.1 request line `METHOD path?query HTTP/1.1` the request would need. */
export function requestLineLength(request: WireRequest): number {
  const url = new URL(request.url);
  return `${request.method} ${url.pathname}${url.search} HTTP/1.1`.length;
}
