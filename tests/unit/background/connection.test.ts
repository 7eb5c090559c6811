import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ThrottleRegistry } from '@/lib/worksection';
import {
  authFromSecret,
  connect as connectThrottled,
  connectedClient,
  connectionScheme,
  connectionStatus,
  disconnect,
} from '@/lib/background/connection';

// Unthrottled: these tests are about what connecting concludes, not its pacing.
const connect = (url: string, key: string) => connectThrottled(url, key, { minIntervalMs: 0, throttles: new ThrottleRegistry() });
const ok = (data: unknown) => new Response(JSON.stringify({ status: 'ok', data }), { status: 200 });
const user = (id: string, name: string, role: string, group: string) => ({ id, name, email: `${id}@a.test`, role, group });

/** Answers like a small Worksection account; records what was asked. */
function fakeAccount(options: { refuseHeader?: boolean } = {}) {
  const calls: URL[] = [];
  const authorizations: Array<string | null> = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input));
    calls.push(url);
    const authorization = new Headers(init.headers).get('Authorization');
    authorizations.push(authorization);
    if (options.refuseHeader && authorization?.startsWith('Admin ')) {
      return new Response(JSON.stringify({ status: 'error', status_code: 2, message: 'Action hash is missed or invalid' }), { status: 200 });
    }
    switch (url.searchParams.get('action')) {
      case 'get_users':
        return ok([user('1', 'Olena Owner', 'Owner', 'Agency'), user('2', 'Cara Client', 'User', 'Acme')]);
      case 'get_user_groups':
        return ok([
          { id: '10', title: 'Agency', type: 'company', client: 0 },
          { id: '11', title: 'Acme', type: 'company', client: 1 },
        ]);
      case 'get_projects':
        return ok([]);
      default:
        return ok(null);
    }
  });
  return { calls, authorizations, fetch };
}

describe('connecting an account', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => vi.unstubAllGlobals());

  it('finds with the first plain read that the account refuses the HMAC header, and remembers the md5 query scheme', async () => {
    const account = fakeAccount({ refuseHeader: true });
    vi.stubGlobal('fetch', account.fetch);
    await connect('demo', '7776461cd931e7b1c8e9632ff8e979ce');
    // get_users in the header scheme, refused; again as an md5 query; the rest as md5 queries.
    expect(account.authorizations[0]).toMatch(/^Admin /);
    expect(account.calls.slice(1).every((url) => /^[0-9a-f]{32}$/.test(url.searchParams.get('hash') ?? ''))).toBe(true);
    expect(account.calls.map((url) => url.searchParams.get('action'))).toEqual(['get_users', 'get_users', 'get_user_groups', 'get_projects']);
    expect((await connectionScheme())?.scheme).toBe('query');
    const connected = await connectedClient();
    expect(connected?.client.scheme).toBe('query');
  });

  it('checks the key with real calls, then remembers the account', async () => {
    const account = fakeAccount();
    vi.stubGlobal('fetch', account.fetch);
    const summary = await connect('demo', '7776461cd931e7b1c8e9632ff8e979ce');
    expect(summary).toMatchObject({
      origin: 'https://demo.worksection.com',
      host: 'demo.worksection.com',
      authKind: 'admin',
      userName: 'Olena Owner',
      users: 2,
      clientTeams: 1,
      projects: 0,
    });
    // Every call went to the account's own origin, signed with the HMAC header, never carrying the key itself.
    for (const [index, url] of account.calls.entries()) {
      expect(url.origin).toBe('https://demo.worksection.com');
      expect(account.authorizations[index]).toMatch(/^Admin \d+_[0-9a-f]{64}$/);
      expect(url.href).not.toContain('7776461cd931e7b1c8e9632ff8e979ce');
    }
    expect((await connectionScheme())?.scheme).toBe('header');
    expect(await connectionStatus()).toEqual(summary);
    expect((await connectedClient())?.origin).toBe('https://demo.worksection.com');
    await disconnect();
    expect(await connectionStatus()).toBeNull();
  });

  it.each([
    ['wrong-key', () => new Response(JSON.stringify({ status: 'error', status_code: 2, message: 'Action hash is missed or invalid' }))],
    ['unreachable', () => Promise.reject(new TypeError('Failed to fetch'))],
    ['not-worksection', () => new Response('<html><body>Welcome to nginx</body></html>', { status: 200 })],
    ['not-worksection', () => new Response('Not found', { status: 404 })],
    ['unreachable', () => new Response('Bad gateway', { status: 502 })],
  ] as const)('a failure is a %s problem and changes nothing', async (kind, answer) => {
    vi.stubGlobal('fetch', vi.fn(answer));
    await expect(connect('https://demo.worksection.com', 'f'.repeat(32))).rejects.toMatchObject({ kind });
    expect(await connectionStatus()).toBeNull();
  });

  it('a malformed URL or empty key is refused before any request', async () => {
    const account = fakeAccount();
    vi.stubGlobal('fetch', account.fetch);
    await expect(connect('ftp://demo.worksection.com', 'key')).rejects.toMatchObject({ kind: 'malformed' });
    await expect(connect('demo', '   ')).rejects.toMatchObject({ kind: 'empty' });
    expect(account.calls).toEqual([]);
  });

  it('a custom domain needs its optional permission first', async () => {
    const account = fakeAccount();
    vi.stubGlobal('fetch', account.fetch);
    let granted = false;
    // The fake browser types permissions.contains as void; the real one answers a boolean.
    const contains = vi.spyOn(fakeBrowser.permissions, 'contains').mockImplementation((async () => granted) as never);
    await expect(connect('https://pm.agency.example', 'key')).rejects.toMatchObject({ kind: 'permission' });
    expect(contains).toHaveBeenCalledWith({ origins: ['https://pm.agency.example/*'] });
    expect(account.calls).toEqual([]);
    granted = true;
    await expect(connect('https://pm.agency.example', 'key')).resolves.toMatchObject({ origin: 'https://pm.agency.example', users: 2 });
  });

  it('tells an OAuth token from an admin key', () => {
    expect(authFromSecret(' 7776461cd931e7b1c8e9632ff8e979ce ')).toEqual({ kind: 'admin', apiKey: '7776461cd931e7b1c8e9632ff8e979ce' });
    expect(authFromSecret('eyJ0eXAi.eyJhdWQi.c2lnbmF0dXJl')).toEqual({ kind: 'oauth', accessToken: 'eyJ0eXAi.eyJhdWQi.c2lnbmF0dXJl' });
  });
});
