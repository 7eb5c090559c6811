import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ThrottleRegistry } from '@/lib/worksection';
import { connect } from '@/lib/background/connection';
import { accountDirectory, DIRECTORY_MAX_AGE_MS, directoryStaleness, primeDirectory } from '@/lib/background/directory';
import { projectPeople } from '@/lib/background/templates/people';
import { db } from '@/lib/db';

const ORIGIN = 'https://demo.worksection.com';
const ok = (data: unknown) => new Response(JSON.stringify({ status: 'ok', data }), { status: 200 });
const member = { id: '1', name: 'Olena Owner', email: '1@a.test', role: 'Owner', group: 'Agency' };

/** A small account whose project list can change; counts the calls. */
function fakeAccount() {
  const calls: string[] = [];
  let projectName = 'Website';
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input));
    const action = url.searchParams.get('action') ?? '';
    // Parameters come in the JSON body (the header scheme), or in the query (the md5 one).
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as Record<string, unknown>) : {};
    const extra = (body.extra as string | undefined) ?? url.searchParams.get('extra');
    calls.push(`${action}${extra ? `:${extra}` : ''}`);
    if (action === 'get_users') return ok([member]);
    if (action === 'get_user_groups') return ok([{ id: '10', title: 'Agency', type: 'company', client: 0 }]);
    if (action === 'get_projects') return ok([{ id: '8', name: projectName, page: '/project/8/', status: 'active', users: [member] }]);
    return ok(null);
  });
  return { calls, fetch, rename: (name: string) => (projectName = name) };
}

describe('the account directory', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await db().cache.clear();
  });
  afterEach(() => vi.unstubAllGlobals());

  it('is filled by connecting, from the reads connecting makes anyway', async () => {
    const account = fakeAccount();
    vi.stubGlobal('fetch', account.fetch);
    await connect('demo', '7776461cd931e7b1c8e9632ff8e979ce', { minIntervalMs: 0, throttles: new ThrottleRegistry() });
    const connectCalls = account.calls.length;
    expect(account.calls).toContain('get_projects:users');

    const directory = await accountDirectory(ORIGIN);
    expect(directory.projects.map((project) => [project.id, project.users?.map((user) => user.email)])).toEqual([['8', ['1@a.test']]]);
    expect(account.calls).toHaveLength(connectCalls);
  });

  it('serves a stale directory at once and refreshes it in the background', async () => {
    const account = fakeAccount();
    vi.stubGlobal('fetch', account.fetch);
    await connect('demo', '7776461cd931e7b1c8e9632ff8e979ce', { minIntervalMs: 0, throttles: new ThrottleRegistry() });
    account.rename('Website 2');
    const later = Date.now() + DIRECTORY_MAX_AGE_MS + 1;

    const stale = await accountDirectory(ORIGIN, later);
    expect(stale.projects[0]?.name).toBe('Website');
    // The refresh goes through the throttle (about one call a second).
    await vi.waitFor(async () => expect((await accountDirectory(ORIGIN)).projects[0]?.name).toBe('Website 2'), { timeout: 15_000, interval: 200 });
  });

  it('reads the lists when nothing is cached, and refuses another account', async () => {
    const account = fakeAccount();
    vi.stubGlobal('fetch', account.fetch);
    await connect('demo', '7776461cd931e7b1c8e9632ff8e979ce', { minIntervalMs: 0, throttles: new ThrottleRegistry() });
    await db().cache.clear();
    expect((await accountDirectory(ORIGIN)).users.map((user) => user.email)).toEqual(['1@a.test']);
    await expect(accountDirectory('https://other.worksection.com')).rejects.toThrow(/not connected to other\.worksection\.com/);
    await primeDirectory(ORIGIN, { users: [], groups: [], projects: [] });
    expect((await accountDirectory(ORIGIN)).users).toEqual([]);
  });
  it('a failed background refresh is said, with the age of what is served, until one succeeds', async () => {
    const account = fakeAccount();
    vi.stubGlobal('fetch', account.fetch);
    await connect('demo', '7776461cd931e7b1c8e9632ff8e979ce', { minIntervalMs: 0, throttles: new ThrottleRegistry() });
    const connectedAt = (await db().cache.get(`${ORIGIN} directory`))!.fetchedAt;
    expect(await directoryStaleness(ORIGIN)).toBeNull();

    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ status: 'error', status_code: 1, message: 'Account is blocked' }))));
    const later = Date.now() + DIRECTORY_MAX_AGE_MS + 1;
    expect((await accountDirectory(ORIGIN, later)).projects[0]?.name).toBe('Website');
    await vi.waitFor(async () => expect(await directoryStaleness(ORIGIN)).toEqual({ since: connectedAt, problem: expect.stringContaining('Account is blocked') }), { timeout: 15_000, interval: 200 });
    expect((await projectPeople(ORIGIN, '8')).stale).toEqual({ since: connectedAt, problem: expect.stringContaining('Account is blocked') });

    vi.stubGlobal('fetch', account.fetch);
    await accountDirectory(ORIGIN, Date.now() + DIRECTORY_MAX_AGE_MS + 1);
    await vi.waitFor(async () => expect(await directoryStaleness(ORIGIN)).toBeNull(), { timeout: 15_000, interval: 200 });
    expect((await projectPeople(ORIGIN, '8')).stale).toBeUndefined();
  });
});
