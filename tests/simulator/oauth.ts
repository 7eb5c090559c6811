// Worksection's OAuth 2.0 server (api-reference §1.3), on the global host
// https://worksection.com: the consent page (/oauth2/authorize), the code
// exchange (/oauth2/token) and the refresh (/oauth2/refresh). One app is
// registered in the demo account (DEMO_OAUTH_APP); who is "logged in to
// Worksection" in the browser is chosen through the control API.
//
// What it enforces, as documented: authorization code flow only, no PKCE;
// client_secret on both POSTs; https redirect_uri, the same at authorize and
// token; codes live 10 minutes and work once; each refresh invalidates the
// previous pair (the old refresh token and the old access token). Errors come
// as {"error", "errorDescription"} with HTTP 200, as the official Postman
// examples show them.

import { randomBytes } from 'node:crypto';
import type { HttpAnswer } from './api/gateway.ts';
import { ALL_SCOPES, issueToken } from './api/auth.ts';
import type { SimClock } from './clock.ts';
import { SimulatorInputError } from './faults.ts';
import type { Store } from './model.ts';
import { esc } from './pages/html.ts';
import { fullName } from './model.ts';

export const DEMO_OAUTH_APP = {
  clientId: 'ad-demo-client-7f3c9a',
  clientSecret: 'ad-demo-secret-2b8e41d6c0f94a7e',
} as const;

/** FAQ 1813: "The code is valid for 10 minutes." */
const CODE_LIFETIME_MS = 10 * 60_000;

export interface OAuthLifetimes {
  /** Access tokens: 24 h at Worksection. */
  accessMinutes: number;
  /** Refresh tokens: 1 month at Worksection. */
  refreshMinutes: number;
}

export interface OAuthStats {
  /** Consent pages shown. */
  consentPages: number;
  /** Codes issued (Allow). */
  allowed: number;
  denied: number;
  /** Successful /oauth2/token exchanges. */
  tokens: number;
  /** Successful /oauth2/refresh calls. */
  refreshes: number;
  /** Refused token or refresh requests, with the error sent. */
  refused: Array<{ endpoint: 'token' | 'refresh'; error: string; errorDescription: string }>;
  /** Users API calls were made as with an OAuth token, in order of first call. */
  apiUsers: string[];
}

interface CodeGrant {
  clientId: string;
  redirectUri: string;
  userId: string;
  scopes: string[];
  issuedAt: number;
  used: boolean;
}

interface RefreshGrant {
  clientId: string;
  userId: string;
  scopes: string[];
  expiresAt: number;
  /** The access token issued with it: invalidated with it. */
  accessJti: string;
  revoked: boolean;
}

const JSON_TYPE = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };
const json = (value: unknown): HttpAnswer => ({ status: 200, headers: JSON_TYPE, body: JSON.stringify(value) });
const oauthError = (error: string, errorDescription: string): HttpAnswer => json({ error, errorDescription });

const html = (status: number, title: string, body: string): HttpAnswer => ({
  status,
  headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
  body: `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${esc(title)} — Worksection</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem}button{font:inherit;padding:.4rem 1.2rem;margin-right:.5rem}</style>
</head><body>${body}</body></html>`,
});

function randomToken(prefix: string): string {
  return `${prefix}${randomBytes(24).toString('hex')}`;
}

/** Query parameters, then a form or JSON body on top (the FAQ's curl posts a form; [PM-OAUTH] and [PY] use the query). */
function requestParams(search: URLSearchParams, contentType: string, bodyText: string): Map<string, string> {
  const params = new Map<string, string>(search);
  if (bodyText.trim() === '') return params;
  if (/application\/json/i.test(contentType)) {
    try {
      const parsed = JSON.parse(bodyText) as unknown;
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
        for (const [key, value] of Object.entries(parsed)) if (typeof value === 'string') params.set(key, value);
      }
    } catch {
      // An unreadable body carries no parameters; the checks below name what is missing.
    }
    return params;
  }
  for (const [key, value] of new URLSearchParams(bodyText)) params.set(key, value);
  return params;
}

export class OAuthServer {
  private readonly codes = new Map<string, CodeGrant>();
  private readonly refreshTokens = new Map<string, RefreshGrant>();
  private readonly revokedAccess = new Set<string>();
  private signedInUserId: string | undefined;
  private counters: OAuthStats = OAuthServer.emptyStats();
  lifetimes: OAuthLifetimes = { accessMinutes: 24 * 60, refreshMinutes: 30 * 24 * 60 };

  constructor(
    private readonly store: () => Store,
    private readonly clock: SimClock,
    private readonly accountOrigin: string,
  ) {}

  private static emptyStats(): OAuthStats {
    return { consentPages: 0, allowed: 0, denied: 0, tokens: 0, refreshes: 0, refused: [], apiUsers: [] };
  }

  /** Forgets every code and token and who is logged in; lifetimes back to Worksection's. */
  reset(): void {
    this.codes.clear();
    this.refreshTokens.clear();
    this.revokedAccess.clear();
    this.signedInUserId = undefined;
    this.counters = OAuthServer.emptyStats();
    this.lifetimes = { accessMinutes: 24 * 60, refreshMinutes: 30 * 24 * 60 };
  }

  stats(): OAuthStats {
    return structuredClone(this.counters);
  }

  /** Who the consent page is for: the person logged in to Worksection in the browser (default: the owner). */
  signInAs(email: string): void {
    const user = this.store().userByEmail(email);
    if (!user) throw new SimulatorInputError(`no user with email ${JSON.stringify(email)}`);
    this.signedInUserId = user.id;
  }

  setLifetimes(change: Partial<OAuthLifetimes>): OAuthLifetimes {
    for (const [key, value] of Object.entries(change)) {
      if (key !== 'accessMinutes' && key !== 'refreshMinutes') throw new SimulatorInputError(`not a token lifetime: ${key}`);
      if (typeof value !== 'number' || !(value > 0)) throw new SimulatorInputError(`${key} must be a number of minutes > 0; got ${JSON.stringify(value)}`);
    }
    this.lifetimes = { ...this.lifetimes, ...change };
    return { ...this.lifetimes };
  }

  /** As when the person removes the app's access in Worksection: every refresh token and access token stops working. */
  revokeAll(): void {
    for (const grant of this.refreshTokens.values()) {
      grant.revoked = true;
      this.revokedAccess.add(grant.accessJti);
    }
  }

  /** For the API gateway: an access token from a pair that was refreshed or revoked. */
  isRevoked(jti: string): boolean {
    return this.revokedAccess.has(jti);
  }

  noteApiUser(userId: string): void {
    const email = this.store().user(userId)?.email ?? userId;
    if (!this.counters.apiUsers.includes(email)) this.counters.apiUsers.push(email);
  }

  /** Routes for the bare worksection.com host; null for anything else there. */
  handle(method: string, url: URL, contentType: string, bodyText: string): HttpAnswer | null {
    const path = url.pathname.replace(/\/+$/, '');
    if (path === '/oauth2/authorize' && method === 'GET') return this.consentPage(url.searchParams);
    if (path === '/oauth2/authorize' && method === 'POST') return this.decision(requestParams(new URLSearchParams(), contentType, bodyText));
    if (path === '/oauth2/token' && method === 'POST') return this.token(requestParams(url.searchParams, contentType, bodyText));
    if (path === '/oauth2/refresh' && method === 'POST') return this.refresh(requestParams(url.searchParams, contentType, bodyText));
    if (path === '/oauth2/token' || path === '/oauth2/refresh') return { status: 405, headers: { allow: 'POST', 'content-type': 'text/plain' }, body: 'Method not allowed' };
    return null;
  }

  private authorizeProblem(params: URLSearchParams | Map<string, string>): string | null {
    if (params.get('client_id') !== DEMO_OAUTH_APP.clientId) return 'Client authentication failed: unknown client_id.';
    if (params.get('response_type') !== 'code') return 'response_type must be "code" (only the authorization code flow is supported).';
    const redirect = params.get('redirect_uri') ?? '';
    let parsed: URL;
    try {
      parsed = new URL(redirect);
    } catch {
      return 'redirect_uri is missing or not a URL.';
    }
    if (parsed.protocol !== 'https:') return 'redirect_uri must use HTTPS.';
    const scopes = this.scopesOf(params.get('scope') ?? '');
    if (scopes === null) return 'scope names an unknown scope.';
    return null;
  }

  /** Comma- or space-separated (FAQ 1813); empty means the [PY] default read scopes. */
  private scopesOf(scope: string): string[] | null {
    const names = scope.split(/[\s,]+/).filter(Boolean);
    if (names.some((name) => !ALL_SCOPES.includes(name))) return null;
    return names.length > 0 ? names : ['projects_read', 'tasks_read', 'comments_read', 'files_read', 'users_read', 'contacts_read'];
  }

  private consentPage(params: URLSearchParams): HttpAnswer {
    const problem = this.authorizeProblem(params);
    if (problem) return html(400, 'Authorization error', `<h1>Authorization error</h1><p role="alert">${esc(problem)}</p>`);
    this.counters.consentPages += 1;
    const store = this.store();
    const user = store.user(this.signedInUserId ?? store.owner().id) ?? store.owner();
    const scopes = this.scopesOf(params.get('scope') ?? '') ?? [];
    const hidden = ['client_id', 'redirect_uri', 'state', 'scope', 'response_type']
      .map((name) => `<input type="hidden" name="${name}" value="${esc(params.get(name) ?? '')}">`)
      .join('');
    return html(200, 'Allow access', `<h1>Allow access to your Worksection account?</h1>
<p>Signed in as <strong id="signed-in-user">${esc(fullName(user))}</strong> (${esc(user.email)}) in <strong>${esc(store.account.name)}</strong>.</p>
<p>The app asks for:</p><ul>${scopes.map((scope) => `<li>${esc(scope)}</li>`).join('')}</ul>
<form method="post" action="/oauth2/authorize">${hidden}<input type="hidden" name="user" value="${esc(user.id)}">
<button type="submit" name="decision" value="allow">Allow</button><button type="submit" name="decision" value="deny">Deny</button></form>`);
  }

  private decision(params: Map<string, string>): HttpAnswer {
    const problem = this.authorizeProblem(params);
    if (problem) return html(400, 'Authorization error', `<h1>Authorization error</h1><p role="alert">${esc(problem)}</p>`);
    const redirect = new URL(params.get('redirect_uri')!);
    const state = params.get('state');
    if (params.get('decision') !== 'allow') {
      this.counters.denied += 1;
      redirect.searchParams.set('error', 'access_denied');
      redirect.searchParams.set('error_description', 'The resource owner denied the request.');
    } else {
      const userId = params.get('user') ?? '';
      if (!this.store().user(userId)) return html(400, 'Authorization error', '<h1>Authorization error</h1><p role="alert">Unknown user.</p>');
      const code = randomToken('def502');
      this.codes.set(code, {
        clientId: params.get('client_id')!,
        redirectUri: params.get('redirect_uri')!,
        userId,
        scopes: this.scopesOf(params.get('scope') ?? '') ?? [],
        issuedAt: this.clock.nowMs(),
        used: false,
      });
      this.counters.allowed += 1;
      redirect.searchParams.set('code', code);
    }
    if (state !== undefined && state !== '') redirect.searchParams.set('state', state);
    return { status: 302, headers: { location: redirect.href, 'cache-control': 'no-store' }, body: '' };
  }

  private refuse(endpoint: 'token' | 'refresh', error: string, errorDescription: string): HttpAnswer {
    this.counters.refused.push({ endpoint, error, errorDescription });
    return oauthError(error, errorDescription);
  }

  private clientProblem(endpoint: 'token' | 'refresh', params: Map<string, string>): HttpAnswer | null {
    if (!params.get('client_id') || !params.get('client_secret')) return this.refuse(endpoint, 'invalid_request', 'Field is required: client_id, client_secret');
    if (params.get('client_id') !== DEMO_OAUTH_APP.clientId || params.get('client_secret') !== DEMO_OAUTH_APP.clientSecret) {
      return this.refuse(endpoint, 'invalid_client', 'Client authentication failed');
    }
    return null;
  }

  private token(params: Map<string, string>): HttpAnswer {
    const refused = this.clientProblem('token', params);
    if (refused) return refused;
    if (params.get('grant_type') !== 'authorization_code') return this.refuse('token', 'unsupported_grant_type', 'The authorization grant type is not supported by the authorization server.');
    const code = params.get('code') ?? '';
    const grant = this.codes.get(code);
    if (!grant || grant.clientId !== params.get('client_id')) return this.refuse('token', 'invalid_request', 'Cannot decrypt the authorization code');
    if (grant.used) return this.refuse('token', 'invalid_request', 'Authorization code has been revoked');
    if (this.clock.nowMs() - grant.issuedAt > CODE_LIFETIME_MS) return this.refuse('token', 'invalid_request', 'Authorization code has expired');
    if (params.get('redirect_uri') !== grant.redirectUri) return this.refuse('token', 'invalid_request', 'Authorization code was not issued to this redirect_uri');
    grant.used = true;
    this.counters.tokens += 1;
    return json(this.issuePair(grant.clientId, grant.userId, grant.scopes));
  }

  private refresh(params: Map<string, string>): HttpAnswer {
    const refused = this.clientProblem('refresh', params);
    if (refused) return refused;
    if (params.get('grant_type') !== 'refresh_token') return this.refuse('refresh', 'unsupported_grant_type', 'The authorization grant type is not supported by the authorization server.');
    const grant = this.refreshTokens.get(params.get('refresh_token') ?? '');
    if (!grant || grant.clientId !== params.get('client_id')) return this.refuse('refresh', 'invalid_request', 'Cannot decrypt the refresh token');
    if (grant.revoked) return this.refuse('refresh', 'invalid_request', 'Token has been revoked');
    if (this.clock.nowMs() >= grant.expiresAt) return this.refuse('refresh', 'invalid_request', 'Token has expired');
    // Each refresh invalidates the previous pair.
    grant.revoked = true;
    this.revokedAccess.add(grant.accessJti);
    this.counters.refreshes += 1;
    return json(this.issuePair(grant.clientId, grant.userId, grant.scopes));
  }

  private issuePair(clientId: string, userId: string, scopes: string[]) {
    const now = this.clock.nowMs();
    const accessSeconds = Math.round(this.lifetimes.accessMinutes * 60);
    const jti = randomBytes(12).toString('hex');
    const accessToken = issueToken(userId, Math.floor(now / 1000) + accessSeconds, { jti, scopes, clientId });
    const refreshToken = randomToken('def50200');
    this.refreshTokens.set(refreshToken, {
      clientId,
      userId,
      scopes,
      expiresAt: now + this.lifetimes.refreshMinutes * 60_000,
      accessJti: jti,
      revoked: false,
    });
    return { token_type: 'Bearer', expires_in: accessSeconds, access_token: accessToken, refresh_token: refreshToken, account_url: this.accountOrigin };
  }
}
