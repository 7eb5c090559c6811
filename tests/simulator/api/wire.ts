// How the simulator reads the two wire schemes (lib/worksection/sign.ts,
// docs/worksection-wire.md), written independently of the extension's code so
// that a shared mistake cannot pass unseen:
// - the HMAC header: `Authorization: Admin {t}_{hex}`, hex = HMAC-SHA256(key, "action:t");
// - the md5 query, checked the way a PHP server that rebuilds the query from
//   its parsed parameters would (parse_str, then http_build_query), or over
//   the raw query string as sent.

import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** Which schemes the admin API accepts: only the header, only md5 over PHP's rebuilt query, or either (md5 over the raw query too). */
export type AuthMode = 'header' | 'md5' | 'both';
export const AUTH_MODES: readonly AuthMode[] = ['header', 'md5', 'both'];

const md5 = (text: string): string => createHash('md5').update(text, 'utf8').digest('hex');

function sameHex(a: string, b: string): boolean {
  const left = Buffer.from(a.toLowerCase());
  const right = Buffer.from(b.toLowerCase());
  return left.length === right.length && timingSafeEqual(left, right);
}

/** `Admin {t}_{hex}` → valid for this action and key, and (when a tolerance is set) close enough to `nowSeconds`. */
export function adminHeaderIsValid(
  authorization: string | undefined,
  action: string | undefined,
  apiKey: string,
  nowSeconds: number,
  toleranceSeconds: number | undefined,
): boolean {
  const match = /^Admin\s+(\d+)_([0-9a-fA-F]{64})\s*$/.exec(authorization ?? '');
  if (!match || !action) return false;
  const t = Number(match[1]);
  if (toleranceSeconds !== undefined && Math.abs(t - nowSeconds) > toleranceSeconds) return false;
  const expected = createHmac('sha256', apiKey).update(`${action}:${match[1]}`, 'utf8').digest('hex');
  return sameHex(expected, match[2] ?? '');
}

/** Splits `…&hash=<md5>` (hash last) into the signed part and the hash. */
function splitHash(rawQuery: string): { signed: string; hash: string } | null {
  const match = /(?:^|&)hash=([0-9a-fA-F]{32})$/.exec(rawQuery);
  return match ? { signed: rawQuery.slice(0, match.index), hash: match[1] ?? '' } : null;
}

/** True when the query ends with `hash=<md5(everything before it + apiKey)>`: a server hashing the raw query. */
export function rawQueryHashIsValid(rawQuery: string, apiKey: string): boolean {
  const parts = splitHash(rawQuery);
  return parts !== null && sameHex(md5(parts.signed + apiKey), parts.hash);
}

/** PHP's urldecode: '+' is a space, then %XX. */
function phpDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

/** PHP's urlencode, from encodeURIComponent: also encode ! ' ( ) * ~, and a space is '+'. */
function phpEncode(text: string): string {
  return encodeURIComponent(text)
    .replace(/[!'()*~]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, '+');
}

/**
 * What PHP does with a query: parse_str into scalars and lists (`k[]` appends,
 * `k[3]` sets index 3), then http_build_query writes it back: scalars
 * `k=v`, lists `k%5B0%5D=v…`, in order of first appearance.
 */
export function phpRebuiltQuery(query: string): string {
  const order: string[] = [];
  const scalars = new Map<string, string>();
  const lists = new Map<string, Map<number, string>>();
  for (const part of query.split('&')) {
    if (part === '') continue;
    const at = part.indexOf('=');
    const key = phpDecode(at < 0 ? part : part.slice(0, at));
    const value = phpDecode(at < 0 ? '' : part.slice(at + 1));
    const listKey = /^(.+?)\[(\d*)\]$/.exec(key);
    const name = listKey ? listKey[1]! : key;
    if (!order.includes(name)) order.push(name);
    if (listKey) {
      const list = lists.get(name) ?? new Map<number, string>();
      lists.set(name, list);
      const index = listKey[2] === '' ? (list.size === 0 ? 0 : Math.max(...list.keys()) + 1) : Number(listKey[2]);
      list.set(index, value);
    } else {
      scalars.set(name, value);
    }
  }
  const out: string[] = [];
  for (const name of order) {
    const list = lists.get(name);
    if (list) for (const [index, value] of list) out.push(`${phpEncode(name)}%5B${index}%5D=${phpEncode(value)}`);
    else out.push(`${phpEncode(name)}=${phpEncode(scalars.get(name) ?? '')}`);
  }
  return out.join('&');
}

/** The hash checked as a rebuilding PHP server checks it: md5(http_build_query(parse_str(query without hash)) + key). */
export function rebuiltQueryHashIsValid(rawQuery: string, apiKey: string): boolean {
  const parts = splitHash(rawQuery);
  return parts !== null && sameHex(md5(phpRebuiltQuery(parts.signed) + apiKey), parts.hash);
}
