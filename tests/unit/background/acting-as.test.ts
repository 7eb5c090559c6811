// "Who are you in Worksection?": the person the admin key writes as, kept beside the connection and forgotten with it.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ThrottleRegistry } from '@/lib/worksection';
import { connect as connectThrottled, connectedClient, disconnect } from '@/lib/background/connection';
import { readCredentials, storeCredentials, storeSecret } from '@/lib/background/credentials';
import {
  actingAsState,
  chooseActingAs,
  chosenPerson,
  forgetActingAs,
  onActingAsConnectionChanged,
  peopleToChoose,
} from '@/lib/background/acting-as';
import { connectedUser } from '@/lib/background/account-time/user';
import { db } from '@/lib/db';
import { DIRECTORY_KEY } from '@/lib/background/replies/sync';

const KEY = '7776461cd931e7b1c8e9632ff8e979ce';
const DEMO = 'https://demo.worksection.com';
const connect = (url: string) => connectThrottled(url, KEY, { minIntervalMs: 0, throttles: new ThrottleRegistry() });
const ok = (data: unknown) => new Response(JSON.stringify({ status: 'ok', data }), { status: 200 });
const user = (id: string, name: string, role: string, group: string, rate?: number) => ({ id, name, email: `${name.split(' ')[0]!.toLowerCase()}@a.test`, role, group, ...(rate ? { rate } : {}) });
const USERS = [
  user('1', 'Olena Owner', 'Owner', 'Agency', 90),
  user('2', 'Cara Client', 'User', 'Acme'),
  user('3', 'Maria Manager', 'User', 'Agency', 40),
  // No address Worksection could take as email_user_from: never offered.
  { id: '5', name: 'No Mail', email: 'no mail', role: 'User', group: 'Agency' },
];

/** A small Worksection account; `writes` keeps each write's parameters. */
function fakeAccount() {
  const writes: Array<{ action: string; params: Record<string, unknown> }> = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const action = new URL(String(input)).searchParams.get('action') ?? '';
    switch (action) {
      case 'get_users':
        return ok(USERS);
      case 'get_user_groups':
        return ok([
          { id: '10', title: 'Agency', type: 'company', client: 0 },
          { id: '11', title: 'Acme', type: 'company', client: 1 },
        ]);
      case 'get_projects':
        return ok([]);
      case 'post_comment':
        writes.push({ action, params: JSON.parse(String(init.body)) as Record<string, unknown> });
        return ok({ id: '500', page: '/project/1/2/#com500', text: '• a', date_added: '2025-03-12 10:00', user_from: USERS[2] });
      default:
        return ok(null);
    }
  });
  return { fetch, writes };
}

describe('acting as a person with the admin key', () => {
  let account: ReturnType<typeof fakeAccount>;
  beforeEach(async () => {
    fakeBrowser.reset();
    await disconnect();
    await forgetActingAs();
    account = fakeAccount();
    vi.stubGlobal('fetch', account.fetch);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('asks once connected with the admin key: nobody chosen yet; the account’s people, team before clients', async () => {
    expect(await actingAsState()).toEqual({ needed: false, chosen: null });
    await connect('demo');
    expect(await actingAsState()).toEqual({ needed: true, chosen: null });
    expect((await peopleToChoose()).map((person) => [person.name, person.client])).toEqual([
      ['Maria Manager', false],
      ['Olena Owner', false],
      ['Cara Client', true],
    ]);
  });

  it('remembers the person beside the connection (not in it, not in storage.local), and every write carries their email', async () => {
    await connect('demo');
    const connection = await readCredentials();
    const chosen = await chooseActingAs('3', 1_000);
    expect(chosen).toEqual({ origin: DEMO, userId: '3', email: 'maria@a.test', name: 'Maria Manager', chosenAt: 1_000 });
    expect(await actingAsState()).toEqual({ needed: true, chosen });
    expect(await readCredentials()).toEqual(connection);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});

    const { client } = (await connectedClient())!;
    await client.postComment({ taskId: '2', todo: ['a'] });
    expect(account.writes).toEqual([{ action: 'post_comment', params: { id_task: '2', email_user_from: 'maria@a.test', todo: ['a'] } }]);
  });

  it('bad input gets a clear error and changes nothing', async () => {
    await expect(chooseActingAs('3')).rejects.toMatchObject({ kind: 'not-connected' });
    await connect('demo');
    const chosen = await chooseActingAs('3');
    await expect(chooseActingAs('Maria')).rejects.toMatchObject({ kind: 'invalid', message: '"Maria" is not a Worksection user id.' });
    await expect(chooseActingAs(7 as unknown as string)).rejects.toMatchObject({ kind: 'invalid' });
    await expect(chooseActingAs('99')).rejects.toMatchObject({
      kind: 'unknown-person',
      message: 'demo.worksection.com has no user with id 99: reload the list and choose again.',
    });
    expect(await chosenPerson(DEMO)).toEqual(chosen);
  });

  it('is forgotten on disconnect and when another account is connected; kept when the same account connects again', async () => {
    await connect('demo');
    const chosen = await chooseActingAs('3');
    await connect('demo');
    await onActingAsConnectionChanged(true);
    expect(await chosenPerson(DEMO)).toEqual(chosen);

    await connect('other');
    // Never used for an account it was not chosen in, even before the change is announced.
    expect(await actingAsState()).toEqual({ needed: true, chosen: null });
    await onActingAsConnectionChanged(true);
    await connect('demo');
    expect(await chosenPerson(DEMO)).toBeNull();

    await chooseActingAs('3');
    await disconnect();
    await onActingAsConnectionChanged(false);
    await connect('demo');
    expect(await actingAsState()).toEqual({ needed: true, chosen: null });
  });

  it('a stored choice that is not one (no email, another shape) is ignored, and the client still works', async () => {
    await connect('demo');
    await storeSecret('acting-as', { origin: DEMO, userId: '5', email: 'no mail', name: 'No Mail', chosenAt: 1 });
    expect(await chosenPerson(DEMO)).toBeNull();
    const { client } = (await connectedClient())!;
    await client.postComment({ taskId: '2', todo: ['a'] });
    expect(account.writes[0]!.params).toEqual({ id_task: '2', todo: ['a'] });
    await expect(chooseActingAs('5')).rejects.toMatchObject({ kind: 'unknown-person' });
  });

  it('an OAuth sign-in is already a person: nothing to choose', async () => {
    await storeCredentials({ origin: DEMO, auth: { kind: 'oauth', accessToken: 'a.b.c' }, summary: { origin: DEMO, host: 'demo.worksection.com', authKind: 'oauth', users: 3, clientTeams: 1, projects: 0, connectedAt: 1 } });
    expect(await actingAsState()).toEqual({ needed: false, chosen: null });
    await expect(chooseActingAs('3')).rejects.toMatchObject({ kind: 'not-admin-key' });
  });

  it("account time's user (and so its hourly rate) is the chosen person, the owner while nobody is chosen", async () => {
    const summary = await connect('demo');
    await db().state.put({ key: DIRECTORY_KEY, value: { users: USERS, groups: [] } });
    expect((await connectedUser(db(), summary, null))?.rate).toBe(90);
    const chosen = await chooseActingAs('3');
    expect(await connectedUser(db(), summary, chosen)).toMatchObject({ email: 'maria@a.test', rate: 40 });
  });
});
