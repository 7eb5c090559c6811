// The OAuth flow's plain parts: the authorize URL, reading the redirect
// (state first), the token requests as sent, and how their answers are read.
import { describe, expect, it, vi } from 'vitest';
import {
  authorizeUrl,
  exchangeCode,
  OAUTH_SCOPES,
  OAuthRefusal,
  OAuthUnavailable,
  randomState,
  readAuthorizationRedirect,
  refreshTokens,
} from '@/lib/worksection/oauth';
import { WorksectionClient } from '@/lib/worksection/client';
import { ThrottleRegistry } from '@/lib/worksection/throttle';

const APP = { clientId: 'cid', clientSecret: 's3cret' };
const REDIRECT = 'https://abcdefghijklmnop.chromiumapp.org/worksection';

describe('the authorize URL and the redirect', () => {
  it('asks worksection.com for a code with our redirect, state and the smallest scopes', () => {
    const url = new URL(authorizeUrl({ clientId: 'cid', redirectUri: REDIRECT, state: 'st' }));
    expect(`${url.origin}${url.pathname}`).toBe('https://worksection.com/oauth2/authorize');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: 'cid',
      response_type: 'code',
      redirect_uri: REDIRECT,
      state: 'st',
      scope: 'projects_read,tasks_read,tasks_write,comments_read,comments_write,users_read,costs_read,costs_write',
    });
    expect(OAUTH_SCOPES).not.toContain('administrative');
  });

  it('makes a 64-hex-digit state from 32 random bytes', () => {
    expect(randomState((bytes) => bytes.fill(171))).toBe('ab'.repeat(32));
    expect(randomState()).toMatch(/^[0-9a-f]{64}$/);
    expect(randomState()).not.toBe(randomState());
  });

  it('reads a code only for our state, and says why otherwise', () => {
    const expected = { redirectUri: REDIRECT, state: 'st' };
    expect(readAuthorizationRedirect(`${REDIRECT}?code=c1&state=st`, expected)).toEqual({ ok: true, code: 'c1' });
    expect(readAuthorizationRedirect(`${REDIRECT}?code=c1&state=other`, expected)).toEqual({ ok: false, problem: 'state-mismatch' });
    expect(readAuthorizationRedirect(`${REDIRECT}?code=c1`, expected)).toEqual({ ok: false, problem: 'state-mismatch' });
    // A denial with someone else's state is not believed either.
    expect(readAuthorizationRedirect(`${REDIRECT}?error=access_denied&state=x`, expected)).toEqual({ ok: false, problem: 'state-mismatch' });
    expect(readAuthorizationRedirect(`${REDIRECT}?error=access_denied&state=st`, expected)).toEqual({ ok: false, problem: 'denied' });
    expect(readAuthorizationRedirect(`${REDIRECT}?error=invalid_scope&error_description=Bad+scope&state=st`, expected)).toEqual({
      ok: false,
      problem: 'refused',
      error: 'invalid_scope: Bad scope',
    });
    expect(readAuthorizationRedirect(`${REDIRECT}?state=st`, expected)).toEqual({ ok: false, problem: 'no-code' });
    expect(readAuthorizationRedirect('https://evil.example/worksection?code=c&state=st', expected)).toEqual({ ok: false, problem: 'wrong-redirect' });
    expect(readAuthorizationRedirect('not a url', expected)).toEqual({ ok: false, problem: 'wrong-redirect' });
  });
});

describe('the token requests', () => {
  const reply = (body: unknown, status = 200) => vi.fn(async () => new Response(JSON.stringify(body), { status }));
  const pair = { token_type: 'Bearer', expires_in: 86_400, access_token: 'a.b.c', refresh_token: 'def50200r', account_url: 'https://demo.worksection.com' };

  it('posts the documented form to /oauth2/token and reads the pair, with its end on our clock', async () => {
    const fetch = reply(pair);
    const tokens = await exchangeCode(APP, { code: 'c1', redirectUri: REDIRECT }, { fetch, now: () => 1000 });
    expect(tokens).toEqual({ accessToken: 'a.b.c', refreshToken: 'def50200r', expiresAt: 1000 + 86_400_000, accountUrl: 'https://demo.worksection.com' });
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('https://worksection.com/oauth2/token');
    expect(init.method).toBe('POST');
    expect(Object.fromEntries(new URLSearchParams(String(init.body)))).toEqual({
      client_id: 'cid', client_secret: 's3cret', grant_type: 'authorization_code', code: 'c1', redirect_uri: REDIRECT,
    });
  });

  it('posts the refresh token to /oauth2/refresh', async () => {
    const fetch = reply(pair);
    await refreshTokens(APP, 'r1', { fetch });
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('https://worksection.com/oauth2/refresh');
    expect(Object.fromEntries(new URLSearchParams(String(init.body)))).toEqual({
      client_id: 'cid', client_secret: 's3cret', grant_type: 'refresh_token', refresh_token: 'r1',
    });
  });

  it('a {"error"} answer is a refusal (with HTTP 200 or 401), never showing the secret', async () => {
    const refusal = await refreshTokens(APP, 'r1', { fetch: reply({ error: 'invalid_client', errorDescription: 'Client s3cret failed' }) }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(OAuthRefusal);
    expect((refusal as OAuthRefusal).message).toBe('invalid_client: Client [redacted] failed');
    await expect(refreshTokens(APP, 'r1', { fetch: reply({ error: 'invalid_request', errorDescription: 'Token has been revoked' }, 401) })).rejects.toBeInstanceOf(OAuthRefusal);
  });

  it('no answer, a 5xx page or a reply missing a field is "unavailable": the held tokens may still be good', async () => {
    const offline = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(refreshTokens(APP, 'r1', { fetch: offline })).rejects.toBeInstanceOf(OAuthUnavailable);
    const page = vi.fn(async () => new Response('<html>502</html>', { status: 502 }));
    await expect(refreshTokens(APP, 'r1', { fetch: page })).rejects.toBeInstanceOf(OAuthUnavailable);
    await expect(refreshTokens(APP, 'r1', { fetch: reply({ ...pair, refresh_token: undefined }) })).rejects.toThrow(/without access_token, refresh_token/);
  });
});

describe('a signed-in client', () => {
  it('takes its token at send time and, refused with 401, renews it once and repeats the call', async () => {
    const sent: Array<string | null> = [];
    const fetch = vi.fn(async (_input: RequestInfo | URL, init: RequestInit = {}) => {
      const authorization = new Headers(init.headers).get('Authorization');
      sent.push(authorization);
      return authorization === 'Bearer fresh'
        ? new Response(JSON.stringify({ status: 'ok', data: [] }))
        : new Response(JSON.stringify({ status: 'error', status_code: 3, message: 'Access token is expired' }), { status: 401 });
    });
    const tokens = { current: vi.fn(async () => 'stale'), renew: vi.fn(async () => 'fresh') };
    const client = new WorksectionClient({
      accountUrl: 'https://demo.worksection.com', auth: { kind: 'oauth', accessToken: 'stale' }, tokens, fetch, minIntervalMs: 0, throttles: new ThrottleRegistry(),
    });
    tokens.current.mockResolvedValueOnce('stale').mockResolvedValue('fresh');
    expect(await client.getUsers()).toEqual([]);
    expect(sent).toEqual(['Bearer stale', 'Bearer fresh']);
    expect(tokens.renew).toHaveBeenCalledExactlyOnceWith('stale');
  });

  it('a second 401 after renewing reaches the caller: a write is sent at most twice, both refused', async () => {
    const fetch = vi.fn(async () => new Response(JSON.stringify({ status: 'error', status_code: 3, message: 'Access token is invalid' }), { status: 401 }));
    const tokens = { current: vi.fn(async () => 't'), renew: vi.fn(async () => 't2') };
    const client = new WorksectionClient({
      accountUrl: 'https://demo.worksection.com', auth: { kind: 'oauth', accessToken: 't' }, tokens, fetch, minIntervalMs: 0, throttles: new ThrottleRegistry(),
    });
    await expect(client.postComment({ taskId: '1', text: 'hi' })).rejects.toMatchObject({ kind: 'auth', httpStatus: 401 });
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(tokens.renew).toHaveBeenCalledTimes(1);
  });
});
