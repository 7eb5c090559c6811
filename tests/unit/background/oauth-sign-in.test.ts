// "Sign in with Worksection" in the background: the agency's app kept with
// the credentials, the flow's outcomes as the sentences options shows, and a
// successful sign-in remembered as that person with tokens that refresh.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { connectedClient, connectionStatus, disconnect } from '@/lib/background/connection';
import { forgetOAuthApp, getOAuthApp, oauthAppSummary, saveOAuthApp } from '@/lib/background/oauth-app';
import { signInWithWorksection, type SignInDeps } from '@/lib/background/oauth-sign-in';
import { ThrottleRegistry } from '@/lib/worksection';
import { OAuthRefusal, type OAuthTokens } from '@/lib/worksection/oauth';

const APP = { clientId: 'cid-1', clientSecret: 'secret-1' };
const REDIRECT = 'https://abcdefghijklmnop.chromiumapp.org/worksection';
const TOKENS: OAuthTokens = { accessToken: 'h.p.s', refreshToken: 'r1', expiresAt: Date.now() + 86_400_000, accountUrl: 'https://demo.worksection.com' };
const ok = (data: unknown) => new Response(JSON.stringify({ status: 'ok', data }), { status: 200 });

/** A small account answering with Bearer tokens; `valid` is the token it takes. */
function account(valid: { token: string }) {
  const seen: Array<string | null> = [];
  return {
    seen,
    fetch: vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
      const url = new URL(String(input));
      if (url.host === 'worksection.com' && url.pathname === '/oauth2/refresh') {
        const form = new URLSearchParams(String(init.body));
        valid.token = `${form.get('refresh_token')}-renewed.p.s`;
        return new Response(JSON.stringify({ token_type: 'Bearer', expires_in: 86_400, access_token: valid.token, refresh_token: 'r2', account_url: 'https://demo.worksection.com' }));
      }
      const authorization = new Headers(init.headers).get('Authorization');
      seen.push(authorization);
      if (authorization !== `Bearer ${valid.token}`) {
        return new Response(JSON.stringify({ status: 'error', status_code: 3, message: 'Access token is expired' }), { status: 401 });
      }
      switch (url.searchParams.get('action')) {
        case 'me':
          return ok({ id: '7', email: 'dan@agency.test', name: 'Dan Brooks', role: 'User' });
        case 'get_users':
          return ok([{ id: '1', email: 'o@agency.test', name: 'Olena Owner', role: 'Owner' }, { id: '7', email: 'dan@agency.test', name: 'Dan Brooks', role: 'User' }]);
        case 'get_user_groups':
          return ok([]);
        case 'get_projects':
          return ok([]);
        default:
          return ok(null);
      }
    }),
  };
}

function deps(overrides: Partial<SignInDeps> = {}): SignInDeps & { launched: string[] } {
  const launched: string[] = [];
  return {
    launched,
    app: getOAuthApp,
    launch: async (url) => {
      launched.push(url);
      return `${REDIRECT}?code=c1&state=st-1`;
    },
    redirectUrl: () => REDIRECT,
    exchange: async () => TOKENS,
    state: () => 'st-1',
    clientOptions: { minIntervalMs: 0, throttles: new ThrottleRegistry(), maxRetries: 0 },
    ...overrides,
  };
}

describe('the OAuth app', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await forgetOAuthApp();
  });

  it('is kept with the credentials, never in storage.local, and shown without its secret', async () => {
    expect(await saveOAuthApp({ clientId: '  cid-1 ', clientSecret: 'secret-1' })).toEqual({ clientId: 'cid-1', hasSecret: true, managed: false });
    expect(await getOAuthApp()).toEqual(APP);
    expect(await oauthAppSummary()).toEqual({ clientId: 'cid-1', hasSecret: true, managed: false });
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain('secret-1');
  });

  it('an empty secret keeps the saved one; bad input is refused whole and changes nothing', async () => {
    await expect(saveOAuthApp({ clientId: 'cid-1', clientSecret: '' })).rejects.toThrow("Enter the app's client secret.");
    await saveOAuthApp(APP);
    await saveOAuthApp({ clientId: 'cid-2', clientSecret: '' });
    expect(await getOAuthApp()).toEqual({ clientId: 'cid-2', clientSecret: 'secret-1' });

    await expect(saveOAuthApp({ clientId: '', clientSecret: 'x' })).rejects.toThrow("Enter the app's client id.");
    await expect(saveOAuthApp({ clientId: 'has space', clientSecret: 'x' })).rejects.toThrow(/client id has spaces/);
    await expect(saveOAuthApp({ clientId: 'cid-3', clientSecret: 'two words' })).rejects.toThrow(/client secret has spaces/);
    expect(await getOAuthApp()).toEqual({ clientId: 'cid-2', clientSecret: 'secret-1' });
  });
});

describe('signing in with Worksection', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await disconnect();
    await forgetOAuthApp();
  });
  afterEach(() => vi.unstubAllGlobals());

  it('without an app set up, says to set it up and opens nothing', async () => {
    const flow = deps();
    await expect(signInWithWorksection(flow)).rejects.toMatchObject({ kind: 'no-app', message: expect.stringMatching(/^Set up your agency's Worksection app first/) });
    expect(flow.launched).toEqual([]);
  });

  it('asks with our client id, redirect and state; remembers the person and the tokens; a 401 later refreshes once and carries on', async () => {
    await saveOAuthApp(APP);
    const valid = { token: TOKENS.accessToken };
    const server = account(valid);
    vi.stubGlobal('fetch', server.fetch);
    const flow = deps();
    const summary = await signInWithWorksection(flow);

    const asked = new URL(flow.launched[0]!);
    expect(asked.searchParams.get('client_id')).toBe('cid-1');
    expect(asked.searchParams.get('redirect_uri')).toBe(REDIRECT);
    expect(asked.searchParams.get('state')).toBe('st-1');
    expect(summary).toMatchObject({ authKind: 'oauth', userName: 'Dan Brooks', userId: '7', userEmail: 'dan@agency.test', host: 'demo.worksection.com' });
    expect(await connectionStatus()).toEqual(summary);

    // The token ends early on the server: the next call refreshes and repeats.
    valid.token = 'elsewhere';
    const connected = await connectedClient();
    expect(await connected!.client.getUserGroups()).toEqual([]);
    expect(server.seen.slice(-2)).toEqual(['Bearer h.p.s', 'Bearer r1-renewed.p.s']);
    expect(server.fetch.mock.calls.filter(([input]) => String(input).endsWith('/oauth2/refresh'))).toHaveLength(1);
  });

  it.each([
    ['Deny on the consent page', `${REDIRECT}?error=access_denied&state=st-1`, 'denied', /^You denied Account Desk access in Worksection/],
    ['a redirect for another sign-in', `${REDIRECT}?code=c1&state=forged`, 'state-mismatch', /its state did not match/],
    ['a redirect without a code', `${REDIRECT}?state=st-1`, 'sign-in-refused', /without an authorization code/],
  ])('%s connects nothing and says why', async (_, redirected, kind, said) => {
    await saveOAuthApp(APP);
    const exchange = vi.fn(async () => TOKENS);
    await expect(signInWithWorksection(deps({ launch: async () => redirected, exchange }))).rejects.toMatchObject({ kind, message: expect.stringMatching(said) });
    expect(exchange).not.toHaveBeenCalled();
    expect(await connectionStatus()).toBeNull();
  });

  it('a closed window, a refused secret and an unreachable server each say so', async () => {
    await saveOAuthApp(APP);
    await expect(
      signInWithWorksection(deps({ launch: async () => Promise.reject(new Error('The user did not approve access.')) })),
    ).rejects.toMatchObject({ kind: 'cancelled', message: expect.stringContaining('The user did not approve access.') });
    await expect(
      signInWithWorksection(deps({ exchange: async () => Promise.reject(new OAuthRefusal('invalid_client', 'Client authentication failed')) })),
    ).rejects.toMatchObject({ kind: 'sign-in-refused', message: expect.stringMatching(/^Worksection refused the app's client id or secret/) });
    await expect(
      signInWithWorksection(deps({ exchange: async () => Promise.reject(new TypeError('Failed to fetch')) })),
    ).rejects.toMatchObject({ kind: 'unreachable', message: expect.stringContaining('worksection.com') });
    expect(await connectionStatus()).toBeNull();
  });
});
