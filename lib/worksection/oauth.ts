// Worksection's OAuth 2.0 authorization code flow (api-reference §1.3), as
// plain functions: the authorize URL, reading the redirect, and the two token
// requests. The server is global (https://worksection.com), not the account's;
// both token requests need the agency app's client secret (no PKCE).

/** Where Worksection's OAuth server lives, for every account. */
export const OAUTH_SERVER = 'https://worksection.com';

/**
 * The smallest scopes Account Desk's features need (the README lists why):
 * reads of projects, tasks, comments, users and costs; writes of tasks
 * (templates), comments (checklists) and costs (account-time write-back).
 */
export const OAUTH_SCOPES = [
  'projects_read',
  'tasks_read',
  'tasks_write',
  'comments_read',
  'comments_write',
  'users_read',
  'costs_read',
  'costs_write',
] as const;

export interface OAuthApp {
  clientId: string;
  clientSecret: string;
}

export interface OAuthTokens {
  accessToken: string;
  refreshToken: string;
  /** When the access token stops working, on our clock (ms since the epoch). */
  expiresAt: number;
  /** The account the tokens are for (`account_url`). */
  accountUrl: string;
}

export function authorizeUrl(input: { clientId: string; redirectUri: string; state: string; scopes?: readonly string[] }): string {
  const url = new URL('/oauth2/authorize', OAUTH_SERVER);
  url.searchParams.set('client_id', input.clientId);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('redirect_uri', input.redirectUri);
  url.searchParams.set('state', input.state);
  url.searchParams.set('scope', (input.scopes ?? OAUTH_SCOPES).join(','));
  return url.href;
}

/** 32 random bytes as hex: the `state` that ties the redirect to the request we made. */
export function randomState(random: (bytes: Uint8Array) => Uint8Array = (bytes) => crypto.getRandomValues(bytes)): string {
  return [...random(new Uint8Array(32))].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

export type AuthorizationOutcome =
  | { ok: true; code: string }
  | { ok: false; problem: 'denied' | 'state-mismatch' | 'wrong-redirect' | 'no-code' | 'refused'; error?: string };

/** What Worksection's redirect says: a code for our `state`, or why not. */
export function readAuthorizationRedirect(redirected: string, expected: { redirectUri: string; state: string }): AuthorizationOutcome {
  let url: URL;
  try {
    url = new URL(redirected);
  } catch {
    return { ok: false, problem: 'wrong-redirect' };
  }
  const target = new URL(expected.redirectUri);
  if (url.origin !== target.origin || url.pathname !== target.pathname) return { ok: false, problem: 'wrong-redirect' };
  // A redirect for another request (or forged) is refused before anything else it says is believed.
  if (url.searchParams.get('state') !== expected.state) return { ok: false, problem: 'state-mismatch' };
  const error = url.searchParams.get('error');
  if (error === 'access_denied') return { ok: false, problem: 'denied' };
  if (error) return { ok: false, problem: 'refused', error: [error, url.searchParams.get('error_description')].filter(Boolean).join(': ') };
  const code = url.searchParams.get('code');
  return code ? { ok: true, code } : { ok: false, problem: 'no-code' };
}

/**
 * Worksection refused a token request (`{"error","errorDescription"}`): a bad
 * secret, a spent code, a refresh token that is revoked or expired. Unlike a
 * network failure, trying the same request again cannot help.
 */
export class OAuthRefusal extends Error {
  override readonly name = 'OAuthRefusal';
  constructor(
    readonly error: string,
    readonly description: string,
  ) {
    super(description ? `${error}: ${description}` : error);
  }
}

/** Could not get an answer we can read (network, 5xx, not JSON): the tokens we hold may still be good. */
export class OAuthUnavailable extends Error {
  override readonly name = 'OAuthUnavailable';
}

const MAX_SERVER_TEXT = 200;
const clean = (text: string, secrets: readonly string[]): string => {
  let said = text;
  for (const secret of secrets) if (secret) said = said.split(secret).join('[redacted]');
  return said.replace(/\s+/g, ' ').trim().slice(0, MAX_SERVER_TEXT);
};

async function tokenRequest(
  fetchImpl: typeof fetch,
  path: '/oauth2/token' | '/oauth2/refresh',
  fields: Record<string, string>,
  now: () => number,
): Promise<OAuthTokens> {
  const secrets = [fields.client_secret ?? '', fields.code ?? '', fields.refresh_token ?? ''];
  let response: Response;
  let text: string;
  try {
    // A form body, as Worksection's FAQ curl sends it: secrets stay out of URLs and logs.
    response = await fetchImpl(new URL(path, OAUTH_SERVER).href, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
      credentials: 'omit',
      cache: 'no-store',
    });
    text = await response.text();
  } catch (cause) {
    throw new OAuthUnavailable(`Could not reach worksection.com (${path}): ${String((cause as Error)?.message ?? cause)}`, { cause });
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new OAuthUnavailable(`worksection.com answered ${path} with HTTP ${response.status} and no JSON.`);
  }
  const reply = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  if (typeof reply.error === 'string') {
    const description = typeof reply.errorDescription === 'string' ? reply.errorDescription : typeof reply.message === 'string' ? reply.message : '';
    throw new OAuthRefusal(clean(reply.error, secrets), clean(description, secrets));
  }
  if (!response.ok) throw new OAuthUnavailable(`worksection.com answered ${path} with HTTP ${response.status}.`);
  const { access_token: accessToken, refresh_token: refreshToken, expires_in: expiresIn, account_url: accountUrl } = reply;
  const seconds = typeof expiresIn === 'string' && /^\d+$/.test(expiresIn) ? Number(expiresIn) : expiresIn;
  if (typeof accessToken !== 'string' || !accessToken || typeof refreshToken !== 'string' || !refreshToken || typeof seconds !== 'number' || !(seconds > 0) || typeof accountUrl !== 'string') {
    throw new OAuthUnavailable(`worksection.com answered ${path} without access_token, refresh_token, expires_in and account_url.`);
  }
  return { accessToken, refreshToken, expiresAt: now() + seconds * 1000, accountUrl };
}

/** `POST /oauth2/token`: the code from the redirect for a token pair. */
export function exchangeCode(
  app: OAuthApp,
  input: { code: string; redirectUri: string },
  options: { fetch?: typeof fetch; now?: () => number } = {},
): Promise<OAuthTokens> {
  return tokenRequest(options.fetch ?? globalThis.fetch, '/oauth2/token', {
    client_id: app.clientId,
    client_secret: app.clientSecret,
    grant_type: 'authorization_code',
    code: input.code,
    redirect_uri: input.redirectUri,
  }, options.now ?? Date.now);
}

/** `POST /oauth2/refresh`: a new pair; the old one stops working (so never send the same refresh token twice). */
export function refreshTokens(app: OAuthApp, refreshToken: string, options: { fetch?: typeof fetch; now?: () => number } = {}): Promise<OAuthTokens> {
  return tokenRequest(options.fetch ?? globalThis.fetch, '/oauth2/refresh', {
    client_id: app.clientId,
    client_secret: app.clientSecret,
    grant_type: 'refresh_token',
    refresh_token: refreshToken,
  }, options.now ?? Date.now);
}
