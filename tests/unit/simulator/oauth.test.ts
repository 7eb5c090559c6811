// The simulator's OAuth 2.0 server on https://worksection.com (api-reference
// §1.3): consent page, code exchange, refresh, their documented failures, and
// what /api/oauth2 makes of the tokens it issues.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_OAUTH_APP, startSimulator, type Simulator } from '../../simulator/index.ts';
import { call, oauth, parseHtml } from './helpers.ts';

const NOW = new Date('2025-03-12T10:30:00Z');
const REDIRECT = 'https://abcdefghijklmnop.chromiumapp.org/worksection';
const OAUTH_HOST = 'worksection.com';
let sim: Simulator;

beforeAll(async () => {
  sim = await startSimulator({ port: 0, now: NOW });
});

afterAll(async () => {
  await sim?.close();
});

beforeEach(() => {
  sim.control.reset({ now: NOW, frozen: true });
});

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const postForm = (path: string, fields: Record<string, string>) =>
  call(sim, path, { host: OAUTH_HOST, method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form(fields) });

function authorizeQuery(overrides: Record<string, string> = {}): string {
  return new URLSearchParams({
    client_id: DEMO_OAUTH_APP.clientId,
    response_type: 'code',
    redirect_uri: REDIRECT,
    state: 'st-123',
    scope: 'projects_read,tasks_read,tasks_write',
    ...overrides,
  }).toString();
}

/** Opens the consent page and presses a button; answers the redirect's URL. */
async function consent(decision: 'allow' | 'deny', overrides: Record<string, string> = {}): Promise<URL> {
  const page = await call(sim, `/oauth2/authorize?${authorizeQuery(overrides)}`, { host: OAUTH_HOST });
  expect(page.status).toBe(200);
  const doc = parseHtml(page.text);
  const fields: Record<string, string> = { decision };
  for (const input of doc.querySelectorAll('form input[type=hidden]')) fields[input.getAttribute('name')!] = input.getAttribute('value') ?? '';
  const reply = await postForm('/oauth2/authorize', fields);
  expect(reply.status).toBe(302);
  return new URL(String(reply.headers.location));
}

const exchange = (code: string, overrides: Record<string, string> = {}) =>
  postForm('/oauth2/token', {
    client_id: DEMO_OAUTH_APP.clientId,
    client_secret: DEMO_OAUTH_APP.clientSecret,
    grant_type: 'authorization_code',
    code,
    redirect_uri: REDIRECT,
    ...overrides,
  });

const refresh = (refreshToken: string, overrides: Record<string, string> = {}) =>
  postForm('/oauth2/refresh', {
    client_id: DEMO_OAUTH_APP.clientId,
    client_secret: DEMO_OAUTH_APP.clientSecret,
    grant_type: 'refresh_token',
    refresh_token: refreshToken,
    ...overrides,
  });

async function signedIn(): Promise<{ access_token: string; refresh_token: string; expires_in: number; account_url: string; token_type: string }> {
  const code = (await consent('allow')).searchParams.get('code')!;
  return (await exchange(code)).json();
}

describe('the consent page', () => {
  it('shows who signs in and the scopes asked, and Allow redirects with a code and the same state', async () => {
    const manager = sim.control.data().users.find((user) => user.role !== 'Owner' && !user.client)!;
    sim.control.oauthSignInAs(manager.email);
    const page = await call(sim, `/oauth2/authorize?${authorizeQuery()}`, { host: OAUTH_HOST });
    const doc = parseHtml(page.text);
    expect(doc.querySelector('#signed-in-user')?.textContent).toBe(manager.name);
    expect([...doc.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['projects_read', 'tasks_read', 'tasks_write']);
    expect([...doc.querySelectorAll('button')].map((button) => button.textContent)).toEqual(['Allow', 'Deny']);

    const back = await consent('allow');
    expect(`${back.origin}${back.pathname}`).toBe(REDIRECT);
    expect(back.searchParams.get('state')).toBe('st-123');
    expect(back.searchParams.get('code')).toMatch(/^def502/);
    expect(sim.control.oauthStats()).toMatchObject({ consentPages: 2, allowed: 1, denied: 0 });
  });

  it('Deny redirects with error=access_denied and the state, and no code', async () => {
    const back = await consent('deny');
    expect(back.searchParams.get('error')).toBe('access_denied');
    expect(back.searchParams.get('state')).toBe('st-123');
    expect(back.searchParams.has('code')).toBe(false);
    expect(sim.control.oauthStats().denied).toBe(1);
  });

  it.each([
    ['an unknown client_id', { client_id: 'nobody' }, /unknown client_id/],
    ['another response_type', { response_type: 'token' }, /response_type must be "code"/],
    ['an http redirect_uri', { redirect_uri: 'http://example.com/cb' }, /must use HTTPS/],
    ['no redirect_uri', { redirect_uri: '' }, /redirect_uri is missing/],
    ['an unknown scope', { scope: 'everything' }, /unknown scope/],
  ])('refuses %s with an error page and no redirect', async (_, overrides, said) => {
    const page = await call(sim, `/oauth2/authorize?${authorizeQuery(overrides)}`, { host: OAUTH_HOST });
    expect(page.status).toBe(400);
    expect(parseHtml(page.text).querySelector('[role=alert]')?.textContent).toMatch(said);
    expect(sim.control.oauthStats().consentPages).toBe(0);
  });
});

describe('/oauth2/token', () => {
  it('exchanges a code for the documented reply, once', async () => {
    const code = (await consent('allow')).searchParams.get('code')!;
    const reply = await exchange(code);
    expect(reply.status).toBe(200);
    const tokens = reply.json();
    expect(Object.keys(tokens).sort()).toEqual(['access_token', 'account_url', 'expires_in', 'refresh_token', 'token_type']);
    expect(tokens).toMatchObject({ token_type: 'Bearer', expires_in: 86_400, account_url: 'https://demo.worksection.com' });
    expect(tokens.access_token.split('.')).toHaveLength(3);
    expect((await exchange(code)).json()).toEqual({ error: 'invalid_request', errorDescription: 'Authorization code has been revoked' });
    expect(sim.control.oauthStats().tokens).toBe(1);
  });

  it('also takes the parameters in the query string, as the Postman collection sends them', async () => {
    const code = (await consent('allow')).searchParams.get('code')!;
    const params = new URLSearchParams({
      client_id: DEMO_OAUTH_APP.clientId, client_secret: DEMO_OAUTH_APP.clientSecret, grant_type: 'authorization_code', code, redirect_uri: REDIRECT,
    });
    const reply = await call(sim, `/oauth2/token?${params}`, { host: OAUTH_HOST, method: 'POST' });
    expect(reply.json().token_type).toBe('Bearer');
  });

  it('refuses a wrong secret, a code older than 10 minutes, another redirect_uri and an unknown code', async () => {
    const code = (await consent('allow')).searchParams.get('code')!;
    expect((await exchange(code, { client_secret: 'guess' })).json()).toEqual({ error: 'invalid_client', errorDescription: 'Client authentication failed' });
    expect((await exchange(code, { client_secret: '' })).json().error).toBe('invalid_request');
    expect((await exchange(code, { redirect_uri: 'https://elsewhere.example/cb' })).json().errorDescription).toMatch(/redirect_uri/);
    expect((await exchange('def502nothing')).json().errorDescription).toBe('Cannot decrypt the authorization code');
    expect((await exchange(code, { grant_type: 'password' })).json().error).toBe('unsupported_grant_type');
    sim.control.setClock({ advanceMinutes: 10.5 });
    expect((await exchange(code)).json()).toEqual({ error: 'invalid_request', errorDescription: 'Authorization code has expired' });
    expect(sim.control.oauthStats().refused).toHaveLength(6);
  });
});

describe('/oauth2/refresh and the tokens on /api/oauth2', () => {
  it('a token works on /api/oauth2 until it expires, then Worksection answers 401 "Access token is expired"', async () => {
    sim.control.setOAuthLifetimes({ accessMinutes: 30 });
    const tokens = await signedIn();
    expect(tokens.expires_in).toBe(1800);
    const me = await oauth(sim, tokens.access_token, [['action', 'me']]);
    expect(me.json()).toMatchObject({ status: 'ok', data: { email: sim.control.data().users.find((user) => user.role === 'Owner')!.email } });
    sim.control.setClock({ advanceMinutes: 31 });
    const expired = await oauth(sim, tokens.access_token, [['action', 'me']]);
    expect(expired.status).toBe(401);
    expect(expired.json()).toMatchObject({ status: 'error', message: 'Access token is expired' });
  });

  it('refresh gives a new pair and invalidates the old one: the old refresh token is refused, the old access token too', async () => {
    const first = await signedIn();
    const reply = await refresh(first.refresh_token);
    const second = reply.json();
    expect(second).toMatchObject({ token_type: 'Bearer', expires_in: 86_400, account_url: 'https://demo.worksection.com' });
    expect(second.refresh_token).not.toBe(first.refresh_token);
    expect(second.access_token).not.toBe(first.access_token);
    expect((await oauth(sim, second.access_token, [['action', 'me']])).json().status).toBe('ok');

    const old = await oauth(sim, first.access_token, [['action', 'me']]);
    expect(old.status).toBe(401);
    expect(old.json().message).toBe('Access token has been revoked');
    expect((await refresh(first.refresh_token)).json()).toEqual({ error: 'invalid_request', errorDescription: 'Token has been revoked' });
    expect(sim.control.oauthStats()).toMatchObject({ refreshes: 1, refused: [{ endpoint: 'refresh', error: 'invalid_request' }] });
  });

  it('refuses a wrong secret, an unknown or expired refresh token, and every token after the grant is revoked', async () => {
    sim.control.setOAuthLifetimes({ refreshMinutes: 60 });
    const tokens = await signedIn();
    expect((await refresh(tokens.refresh_token, { client_secret: 'guess' })).json().error).toBe('invalid_client');
    expect((await refresh('def50200unknown')).json().errorDescription).toBe('Cannot decrypt the refresh token');
    sim.control.setClock({ advanceMinutes: 61 });
    expect((await refresh(tokens.refresh_token)).json().errorDescription).toBe('Token has expired');

    sim.control.setClock({ advanceMinutes: -61 });
    const live = await signedIn();
    sim.control.revokeOAuthGrants();
    expect((await refresh(live.refresh_token)).json().errorDescription).toBe('Token has been revoked');
    expect((await oauth(sim, live.access_token, [['action', 'me']])).status).toBe(401);
  });

  it('notes who called the API with a token, and the control routes answer over HTTP', async () => {
    const tokens = await signedIn();
    await oauth(sim, tokens.access_token, [['action', 'get_projects']]);
    const stats = (await call(sim, '/__sim/oauth/stats')).json();
    expect(stats.apiUsers).toEqual([sim.control.data().users.find((user) => user.role === 'Owner')!.email]);
    const lifetimes = await call(sim, '/__sim/oauth/lifetimes', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"accessMinutes":-1}' });
    expect(lifetimes.status).toBe(400);
    expect(lifetimes.json().error).toMatch(/accessMinutes must be a number of minutes > 0/);
  });
});
