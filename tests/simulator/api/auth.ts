// The two ways in (api-reference §1.2–1.3): the owner's admin key, which signs
// the raw query string (md5(query before "&hash=" + key), hash last), and an
// OAuth2 access token (Bearer header or access_token parameter).

import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export type Caller = { mode: 'admin' } | { mode: 'user'; userId: string };

/** True when the query ends with `hash=<md5(everything before it + apiKey)>`. */
export function adminHashIsValid(rawQuery: string, apiKey: string): boolean {
  const match = /(?:^|&)hash=([0-9a-fA-F]{32})$/.exec(rawQuery);
  if (!match) return false;
  const signed = rawQuery.slice(0, match.index);
  const expected = createHash('md5').update(signed + apiKey, 'utf8').digest('hex');
  return expected === (match[1] ?? '').toLowerCase();
}

// Tokens are JWT-shaped like Worksection's (§1.3) but signed with HS256 by a
// secret only the simulator knows; that is enough to refuse forged ones.
const TOKEN_SECRET = 'account-desk-simulator-token-secret';
export const ALL_SCOPES = [
  'projects_read', 'projects_write', 'tasks_read', 'tasks_write', 'costs_read', 'costs_write', 'tags_read', 'tags_write',
  'comments_read', 'comments_write', 'files_read', 'files_write', 'users_read', 'users_write', 'contacts_read', 'contacts_write',
  'administrative',
];

const base64url = (text: string): string => Buffer.from(text, 'utf8').toString('base64url');

function sign(headerAndPayload: string): string {
  return createHmac('sha256', TOKEN_SECRET).update(headerAndPayload).digest('base64url');
}

export interface TokenClaims {
  sub: string;
  exp: number;
  nbf: number;
  jti: string;
}

/**
 * A token for a user; fixed claims make the same user always get the same
 * token, unless the OAuth server (oauth.ts) gives it its own `jti` and scopes.
 */
export function issueToken(
  userId: string,
  expiresAt = Date.UTC(2099, 0, 1) / 1000,
  grant: { jti?: string; scopes?: readonly string[]; clientId?: string } = {},
): string {
  const header = base64url(JSON.stringify({ typ: 'JWT', alg: 'HS256' }));
  const issuedAt = Date.UTC(2020, 0, 1) / 1000;
  const payload = base64url(JSON.stringify({
    aud: grant.clientId ?? 'account-desk-demo', jti: grant.jti ?? `sim-${userId}`, iat: issuedAt, nbf: issuedAt, exp: expiresAt, sub: userId,
    scopes: grant.scopes ?? ALL_SCOPES,
  }));
  return `${header}.${payload}.${sign(`${header}.${payload}`)}`;
}

export type TokenCheck = { ok: true; userId: string; jti: string } | { ok: false; reason: 'invalid' | 'expired' };

export function checkToken(token: string, nowMs: number): TokenCheck {
  const parts = token.split('.');
  if (parts.length !== 3) return { ok: false, reason: 'invalid' };
  const [header = '', payload = '', signature = ''] = parts;
  const expected = Buffer.from(sign(`${header}.${payload}`));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'invalid' };
  let claims: Partial<TokenClaims>;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Partial<TokenClaims>;
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  if (typeof claims.sub !== 'string' || typeof claims.exp !== 'number') return { ok: false, reason: 'invalid' };
  if (claims.exp * 1000 <= nowMs) return { ok: false, reason: 'expired' };
  return { ok: true, userId: claims.sub, jti: typeof claims.jti === 'string' ? claims.jti : '' };
}

/** `Authorization: Bearer <t>` first, then the access_token parameter. */
export function bearerToken(authorization: string | undefined, param: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  return match?.[1] ?? (param && param.trim() !== '' ? param.trim() : undefined);
}
