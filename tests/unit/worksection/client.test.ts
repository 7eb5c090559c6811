import { createHash, createHmac } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WorksectionClient } from '../../../lib/worksection/client';
import { WorksectionError } from '../../../lib/worksection/errors';
import { ThrottleRegistry } from '../../../lib/worksection/throttle';
import { ADMIN_KEY, FakeTime, deaf, hang, json, ORIGIN, scriptedFetch, testClient, text, type Responder } from './fakes';

const nodeMd5 = (value: string): string => createHash('md5').update(value, 'utf8').digest('hex');
const nodeHmac = (key: string, value: string): string => createHmac('sha256', key).update(value, 'utf8').digest('hex');
const USERS_OK = json({ status: 'ok', data: [{ id: '1', email: 'a@b.c', name: 'A' }] });
const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIyNDc3In0.c2lnbmF0dXJl';

// Any promise the client leaves rejected without a handler fails the test that made it.
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown): void => void unhandled.push(reason);
beforeEach(() => {
  unhandled.length = 0;
  process.on('unhandledRejection', onUnhandled);
});
afterEach(async () => {
  await new Promise((resolve) => setTimeout(resolve, 0));
  process.off('unhandledRejection', onUnhandled);
  expect(unhandled).toEqual([]);
});

async function failure(time: FakeTime, promise: Promise<unknown>): Promise<WorksectionError> {
  const error = await time.rejection(promise);
  expect(error).toBeInstanceOf(WorksectionError);
  return error as WorksectionError;
}

describe('requests', () => {
  it('admin, header scheme (default): GET /api/admin/v2?action=… signed by the Admin header when there are no parameters', async () => {
    const time = new FakeTime();
    time.current = 1_700_000_000_500;
    const { client, calls } = testClient(time, [USERS_OK]);
    await time.settle(client.getUsers());
    expect(calls).toHaveLength(1);
    const call = calls[0]!;
    expect(call.init.method).toBe('GET');
    expect(call.init.credentials).toBe('omit');
    expect(call.url).toBe(`${ORIGIN}/api/admin/v2?action=get_users`);
    // t is whole Unix seconds; the signed message is "get_users:1700000000".
    expect(new Headers(call.init.headers).get('Authorization')).toBe(`Admin 1700000000_${nodeHmac(ADMIN_KEY, 'get_users:1700000000')}`);
  });

  it('admin, header scheme: parameters travel as a JSON body, texts unencoded', async () => {
    const time = new FakeTime();
    const { client, calls } = testClient(time, [json({ status: 'ok', data: commentReply })]);
    await time.settle(client.postComment({ taskId: '330090', text: 'Привет, клиент & co + 1', todo: ['шаг 1', 'step 2'] }));
    const call = calls[0]!;
    expect(call.init.method).toBe('POST');
    expect(call.url).toBe(`${ORIGIN}/api/admin/v2?action=post_comment`);
    expect(new Headers(call.init.headers).get('Content-Type')).toBe('application/json; charset=utf-8');
    expect(JSON.parse(call.init.body as string)).toEqual({ id_task: '330090', text: 'Привет, клиент & co + 1', todo: ['шаг 1', 'step 2'] });
  });

  it('admin, query scheme: GET with the PHP-encoded query and md5(query + key) last', async () => {
    const time = new FakeTime();
    const { client, calls } = testClient(time, [json({ status: 'ok', data: commentReply })], { scheme: 'query' });
    await time.settle(client.postComment({ taskId: '330090', text: 'a b', todo: ['c+d'] }));
    const call = calls[0]!;
    expect(call.init.method).toBe('GET');
    const signed = 'action=post_comment&id_task=330090&text=a+b&todo%5B0%5D=c%2Bd';
    expect(call.url).toBe(`${ORIGIN}/api/admin/v2/?${signed}&hash=${nodeMd5(signed + ADMIN_KEY)}`);
    expect(new Headers(call.init.headers).get('Authorization')).toBeNull();
  });

  it('oauth: POSTs to /api/oauth2 with a Bearer header and no hash', async () => {
    const time = new FakeTime();
    const { client, calls } = testClient(time, [USERS_OK], { auth: { kind: 'oauth', accessToken: TOKEN } });
    await time.settle(client.getUsers());
    const call = calls[0]!;
    expect(call.url).toBe(`${ORIGIN}/api/oauth2?action=get_users`);
    expect(new Headers(call.init.headers).get('Authorization')).toBe(`Bearer ${TOKEN}`);
  });

  it('takes the origin of the account URL and refuses non-web addresses', () => {
    const time = new FakeTime();
    const { client } = testClient(time, [USERS_OK], { accountUrl: 'https://demo.worksection.com/project/1/' });
    expect(client.origin).toBe(ORIGIN);
    expect(() => testClient(time, [], { accountUrl: 'ftp://demo.worksection.com' })).toThrow(RangeError);
    expect(() => testClient(time, [], { accountUrl: 'demo' })).toThrow(RangeError);
    expect(() => testClient(time, [], { auth: { kind: 'admin', apiKey: ' ' } })).toThrow(RangeError);
  });
});

describe('errors', () => {
  it('an error envelope with HTTP 200 is an api error with code, message and details; not retried', async () => {
    const time = new FakeTime();
    const { client, calls } = testClient(time, [
      json({ status: 'error', status_code: 10, message: 'Field is required', message_details: 'email' }),
    ]);
    const error = await failure(time, client.getUsers());
    expect(error).toMatchObject({ kind: 'api', action: 'get_users', code: 10, details: 'email', retryable: false });
    expect(error.message).toBe('Worksection refused get_users: Field is required: email (code 10).');
    expect(calls).toHaveLength(1);
  });

  it('status_code 2 in both schemes is auth, after exactly one retry in the other scheme', async () => {
    const time = new FakeTime();
    const seen: string[] = [];
    const { client, calls } = testClient(time, [json({ status: 'error', status_code: 2, message: 'Action hash is missed or invalid' })], {
      onSchemeChange: (scheme) => seen.push(scheme),
    });
    const error = await failure(time, client.getUsers());
    expect(error).toMatchObject({ kind: 'auth', code: 2, retryable: false });
    expect(error.message).toContain('Action hash is missed or invalid');
    expect(calls.map((call) => (call.url.includes('hash=') ? 'query' : 'header'))).toEqual(['header', 'query']);
    expect(client.scheme).toBe('header');
    expect(seen).toEqual([]);
  });

  it('a status_code 2 refusal of the header scheme retries once in the query scheme and keeps it', async () => {
    const time = new FakeTime();
    const seen: string[] = [];
    const { client, calls } = testClient(
      time,
      [json({ status: 'error', status_code: 2, message: 'Action hash is missed or invalid' }), USERS_OK],
      { onSchemeChange: (scheme) => seen.push(scheme) },
    );
    await time.settle(client.getUsers());
    expect(calls.map((call) => (call.url.includes('hash=') ? 'query' : 'header'))).toEqual(['header', 'query']);
    expect(client.scheme).toBe('query');
    expect(seen).toEqual(['query']);
    await time.settle(client.getUsers());
    expect(calls).toHaveLength(3);
    expect(calls[2]!.url).toContain('hash=');
  });

  it('a write refused with status_code 2 is sent once more in the other scheme, never more', async () => {
    const time = new FakeTime();
    const { client, calls } = testClient(time, [json({ status: 'error', status_code: 2, message: 'Action hash is missed or invalid' })], { scheme: 'query' });
    await failure(time, client.postComment({ taskId: '1', text: 'x' }));
    expect(calls).toHaveLength(2);
  });

  it('a header-scheme refusal from a server whose clock differs signs again with the server time from its Date header', async () => {
    const time = new FakeTime();
    time.current = Date.UTC(2026, 0, 1, 12, 0, 0);
    const serverNow = new Date(Date.UTC(2026, 0, 1, 12, 10, 0)).toUTCString(); // ten minutes ahead
    const offsets = new Map<string, number>();
    const { client, calls } = testClient(
      time,
      [json({ status: 'error', status_code: 2, message: 'Action hash is missed or invalid' }, { headers: { Date: serverNow, 'Content-Type': 'application/json' } }), USERS_OK],
      { clockOffsets: offsets },
    );
    await time.settle(client.getUsers());
    expect(calls).toHaveLength(2);
    const stamp = (call: (typeof calls)[number]) => /^Admin (\d+)_/.exec(new Headers(call.init.headers).get('Authorization') ?? '')?.[1];
    expect(stamp(calls[0]!)).toBe(String(Date.UTC(2026, 0, 1, 12, 0, 0) / 1000));
    // The retry waits its turn (one request a second), then signs on the server's clock.
    expect(stamp(calls[1]!)).toBe(String(Math.floor((calls[1]!.at + 600_000) / 1000)));
    expect(client.scheme).toBe('header');
    expect(offsets.get(ORIGIN)).toBe(600_000);
  });

  it('an OAuth 401 "Access token is expired" is auth with tokenExpired; an invalid token is not', async () => {
    const time = new FakeTime();
    const expired = testClient(time, [json({ status: 'error', status_code: 3, message: 'Access token is expired' }, { status: 401 })], { auth: { kind: 'oauth', accessToken: TOKEN } });
    expect(await failure(time, expired.client.getUsers())).toMatchObject({ kind: 'auth', tokenExpired: true, retryable: false });
    const invalid = testClient(time, [json({ status: 'error', status_code: 3, message: 'Access token is invalid' }, { status: 401 })], { auth: { kind: 'oauth', accessToken: TOKEN } });
    expect(await failure(time, invalid.client.getUsers())).toMatchObject({ kind: 'auth', tokenExpired: false });
  });

  it.each([401, 403])('HTTP %i is auth', async (status) => {
    const time = new FakeTime();
    const { client, calls } = testClient(time, [text('Forbidden', { status })]);
    const error = await failure(time, client.getUsers());
    expect(error).toMatchObject({ kind: 'auth', httpStatus: status, retryable: false });
    expect(calls).toHaveLength(1);
  });

  it('an expired OAuth token is auth, with the server’s words', async () => {
    const time = new FakeTime();
    const { client } = testClient(time, [json({ status: 'error', message: 'Access token is expired' }, { status: 401 })], {
      auth: { kind: 'oauth', accessToken: TOKEN },
    });
    const error = await failure(time, client.getUsers());
    expect(error).toMatchObject({ kind: 'auth', httpStatus: 401, details: 'Access token is expired' });
  });

  it('an OAuth error body with HTTP 200 is auth when it is about the token', async () => {
    const time = new FakeTime();
    const { client } = testClient(time, [json({ error: 'invalid_request', errorDescription: 'The access token is invalid' })], {
      auth: { kind: 'oauth', accessToken: TOKEN },
    });
    expect(await failure(time, client.getUsers())).toMatchObject({ kind: 'auth', retryable: false });
  });

  it('HTTP 429 waits for Retry-After, then succeeds', async () => {
    const time = new FakeTime();
    const { client, calls } = testClient(time, [text('slow down', { status: 429, headers: { 'Retry-After': '7' } }), USERS_OK]);
    const users = await time.settle(client.getUsers());
    expect(users).toHaveLength(1);
    expect(calls.map((call) => call.at)).toEqual([0, 7000]);
  });

  it('a Retry-After longer than the client waits is handed to the caller', async () => {
    const time = new FakeTime();
    const { client, calls } = testClient(time, [text('', { status: 429, headers: { 'Retry-After': '3600' } })]);
    const error = await failure(time, client.getUsers());
    expect(error).toMatchObject({ kind: 'rate-limited', httpStatus: 429, retryAfterMs: 3_600_000, retryable: true });
    expect(calls).toHaveLength(1);
  });

  it('Retry-After holds other requests to the same account too', async () => {
    const time = new FakeTime();
    const registry = new ThrottleRegistry();
    const { fetch, calls } = scriptedFetch(time, [text('', { status: 429, headers: { 'Retry-After': '10' } }), USERS_OK]);
    const options = { accountUrl: ORIGIN, auth: { kind: 'admin', apiKey: ADMIN_KEY } as const, fetch, now: time.now, sleep: time.sleep, random: () => 0, throttles: registry };
    const first = new WorksectionClient(options).getUsers();
    await time.flush();
    const second = new WorksectionClient(options).getUserGroups();
    const settled = time.settle(Promise.allSettled([first, second]));
    await settled;
    // get_user_groups was queued behind the 429 and could not start before t=10000.
    const groupsCall = calls.find((call) => call.params[0]?.[1] === 'get_user_groups');
    expect(groupsCall?.at).toBeGreaterThanOrEqual(10_000);
  });

  it('a rate-limit envelope is retried', async () => {
    const time = new FakeTime();
    const { client, calls } = testClient(time, [json({ status: 'error', message: 'Too many requests, try later' }), USERS_OK]);
    expect(await time.settle(client.getUsers())).toHaveLength(1);
    expect(calls).toHaveLength(2);
  });

  it('the "Too many tasks" size cap is a refusal, not a rate limit', async () => {
    const time = new FakeTime();
    const { client, calls } = testClient(time, [json({ status: 'error', message: 'Too many tasks (10000 max)' })]);
    expect(await failure(time, client.getAllTasks())).toMatchObject({ kind: 'api', retryable: false });
    expect(calls).toHaveLength(1);
  });

  it('HTTP 500 then success: retried once', async () => {
    const time = new FakeTime();
    const { client, calls } = testClient(time, [text('<html>oops</html>', { status: 500 }), USERS_OK]);
    expect(await time.settle(client.getUsers())).toEqual([{ id: '1', email: 'a@b.c', name: 'A' }]);
    expect(calls).toHaveLength(2);
  });

  it('a write that failed ambiguously is not retried (it may have been carried out); a refused one is', async () => {
    const time = new FakeTime();
    const created = json({ status: 'ok', id: 3706 });
    const ambiguous = testClient(time, [text('', { status: 502 })], { minIntervalMs: 0 });
    expect(await failure(time, ambiguous.client.addCosts({ taskId: '330090', time: 90, emailUserFrom: 'a@b.c' }))).toMatchObject({ kind: 'http', httpStatus: 502 });
    expect(ambiguous.calls).toHaveLength(1);

    const refused = testClient(time, [text('', { status: 429, headers: { 'Retry-After': '1' } }), created], { minIntervalMs: 0 });
    expect(await time.settle(refused.client.addCosts({ taskId: '330090', time: 90, emailUserFrom: 'a@b.c' }))).toEqual({ id: '3706' });
    expect(refused.calls).toHaveLength(2);
  });

  it('HTTP 500 every time: maxRetries + 1 attempts, with exponential backoff', async () => {
    const time = new FakeTime();
    const { client, calls } = testClient(time, [text('', { status: 503 })], { minIntervalMs: 0 });
    const error = await failure(time, client.getUsers());
    expect(error).toMatchObject({ kind: 'http', httpStatus: 503, retryable: true });
    expect(error.message).toBe('Worksection had a problem answering get_users (HTTP 503).');
    // random() = 0 takes the lower half of each window: 500, 1000, 2000, 4000.
    expect(calls.map((call) => call.at)).toEqual([0, 500, 1500, 3500, 7500]);
  });

  it('jitter stays within the upper half of each doubling window', async () => {
    const time = new FakeTime();
    const { client, calls } = testClient(time, [text('', { status: 502 })], { minIntervalMs: 0, random: () => 0.999, maxRetries: 3, backoffBaseMs: 200 });
    await failure(time, client.getUsers());
    const gaps = calls.slice(1).map((call, index) => call.at - calls[index]!.at);
    expect(gaps).toHaveLength(3);
    gaps.forEach((gap, attempt) => {
      expect(gap).toBeGreaterThan(100 * 2 ** attempt);
      expect(gap).toBeLessThanOrEqual(200 * 2 ** attempt);
    });
  });

  it('maxRetries 0 makes one attempt', async () => {
    const time = new FakeTime();
    const { client, calls } = testClient(time, [text('', { status: 500 })], { maxRetries: 0 });
    await failure(time, client.getUsers());
    expect(calls).toHaveLength(1);
  });

  it('other 4xx are http errors, not retried', async () => {
    const time = new FakeTime();
    const { client, calls } = testClient(time, [json({ message: 'No such page' }, { status: 404 })]);
    const error = await failure(time, client.getUsers());
    expect(error).toMatchObject({ kind: 'http', httpStatus: 404, retryable: false });
    expect(error.message).toContain('No such page');
    expect(calls).toHaveLength(1);
  });

  it.each([
    ['broken JSON', '{"status":"ok","data":[', 'not JSON'],
    ['an HTML page', '<!DOCTYPE html><html><body>Login</body></html>', 'HTML page'],
    ['an empty body', '', 'empty body'],
    ['JSON without status', '{"data":[]}', 'no "status" field'],
    ['a JSON array', '[]', 'JSON object'],
    ['an unknown status', '{"status":"maybe"}', 'unknown status'],
  ])('%s is malformed and not retried', async (_name, body, words) => {
    const time = new FakeTime();
    const { client, calls } = testClient(time, [text(body)]);
    const error = await failure(time, client.getUsers());
    expect(error).toMatchObject({ kind: 'malformed', retryable: false });
    expect(error.message).toContain(words);
    expect(calls).toHaveLength(1);
  });

  it('a reply whose data is not a list is malformed, naming the path', async () => {
    const time = new FakeTime();
    const { client } = testClient(time, [json({ status: 'ok', data: 'tasks' })]);
    const error = await failure(time, client.getTasks('8562'));
    expect(error.kind).toBe('malformed');
    expect(error.message).toContain('get_tasks: data: expected array');
  });

  it('a list item of the wrong shape is skipped and reported with its shape, the rest returned', async () => {
    const time = new FakeTime();
    const findings: unknown[] = [];
    const tasks = [task('1'), { ...task('2'), id: 2 }, task('3')];
    const { client } = testClient(time, [json({ status: 'ok', data: tasks })], { onFeedFindings: (found) => findings.push(found) });
    const read = await time.settle(client.getTasks('8562'));
    expect(read.map((item) => item.id)).toEqual(['1', '3']);
    expect(findings).toEqual([
      { unknown: [], skipped: [{ kind: 'get_tasks: id not string', shape: expect.objectContaining({ id: 'number', name: 'string' }) }] },
    ]);
  });

  it('get_events: unknown kinds are kept apart and reported, known events returned', async () => {
    const time = new FakeTime();
    const findings: Array<{ unknown: Array<{ kind: string }>; skipped: Array<{ kind: string }> }> = [];
    const known = { action: 'post', object: { type: 'comment', id: '9', page: '/project/1/2/' }, date_added: '2026-01-01 10:00', user_from: ref('3') };
    const timer = { action: 'start', object: { type: 'timer', id: '5', page: '/project/1/2/' }, date_added: '2026-01-01 10:01', user_from: ref('3') };
    const { client } = testClient(time, [json({ status: 'ok', data: [known, timer, { action: 'post' }] })], {
      onFeedFindings: (found) => findings.push(found),
    });
    const feed = await time.settle(client.getEventFeed('1h'));
    expect(feed.events).toHaveLength(1);
    expect(feed.unknown).toEqual([{ action: 'start', object: { type: 'timer', id: '5', page: '/project/1/2/' }, date_added: '2026-01-01 10:01', user_from: ref('3') }]);
    expect(findings[0]!.unknown.map((entry) => entry.kind)).toEqual(['event start/timer']);
    expect(findings[0]!.skipped.map((entry) => entry.kind)).toEqual(['get_events: event without action, object.type or object.id']);
  });

  it('a request that never answers times out after timeoutMs, and is retried', async () => {
    const time = new FakeTime();
    const { client, calls } = testClient(time, [hang, USERS_OK], { timeoutMs: 5000 });
    expect(await time.settle(client.getUsers())).toHaveLength(1);
    expect(calls.map((call) => call.at)).toEqual([0, 5500]);
    expect(calls[0]!.init.signal?.aborted).toBe(true);
  });

  it('times out even if fetch ignores its signal', async () => {
    const time = new FakeTime();
    const { client, calls } = testClient(time, [deaf], { maxRetries: 0 });
    const error = await failure(time, client.getUsers());
    expect(error).toMatchObject({ kind: 'timeout', retryable: true });
    expect(error.message).toBe('Worksection did not answer get_users within 20 s.');
    expect(time.now()).toBe(20_000);
    expect(calls).toHaveLength(1);
  });

  it('a network failure is retried and reported as network', async () => {
    const time = new FakeTime();
    const offline: Responder = () => Promise.reject(new TypeError('fetch failed'));
    const { client, calls } = testClient(time, [offline, USERS_OK]);
    expect(await time.settle(client.getUsers())).toHaveLength(1);
    expect(calls).toHaveLength(2);

    const down = testClient(time, [offline], { maxRetries: 1 });
    const error = await failure(time, down.client.getUsers());
    expect(error).toMatchObject({ kind: 'network', retryable: true });
    expect(error.message).toBe('Could not reach demo.worksection.com for get_users. Check the connection and the account address.');
    expect(down.calls).toHaveLength(2);
  });

  it('an abort while queued rejects as aborted without a request', async () => {
    const time = new FakeTime();
    const { client, calls } = testClient(time, [USERS_OK]);
    const first = client.getUsers();
    const cancel = new AbortController();
    const second = client.getUserGroups({ signal: cancel.signal });
    await time.flush();
    cancel.abort();
    const error = await failure(time, second);
    expect(error).toMatchObject({ kind: 'aborted', action: 'get_user_groups', retryable: false });
    await time.settle(first);
    expect(calls.map((call) => call.params[0]?.[1])).toEqual(['get_users']);
  });

  it('an abort in flight stops the fetch and is not retried', async () => {
    const time = new FakeTime();
    const { client, calls } = testClient(time, [hang]);
    const cancel = new AbortController();
    const pending = client.getUsers({ signal: cancel.signal });
    await time.flush();
    expect(calls).toHaveLength(1);
    cancel.abort();
    expect(await failure(time, pending)).toMatchObject({ kind: 'aborted' });
    expect(calls[0]!.init.signal?.aborted).toBe(true);
    expect(calls).toHaveLength(1);
  });

  it('an abort in flight wins even if fetch ignores its signal', async () => {
    const time = new FakeTime();
    const { client } = testClient(time, [deaf]);
    const cancel = new AbortController();
    const pending = client.getUsers({ signal: cancel.signal });
    await time.flush();
    cancel.abort();
    expect(await failure(time, pending)).toMatchObject({ kind: 'aborted' });
    expect(time.now()).toBe(0);
  });

  it('an abort during backoff ends the wait and makes no further attempt', async () => {
    const time = new FakeTime();
    const { client, calls } = testClient(time, [text('', { status: 500 })]);
    const cancel = new AbortController();
    const pending = client.getUsers({ signal: cancel.signal });
    await time.flush();
    expect(calls).toHaveLength(1);
    cancel.abort();
    expect(await failure(time, pending)).toMatchObject({ kind: 'aborted' });
    expect(calls).toHaveLength(1);
  });

  it('an already-aborted signal sends nothing', async () => {
    const time = new FakeTime();
    const { client, calls } = testClient(time, [USERS_OK]);
    expect(await failure(time, client.getUsers({ signal: AbortSignal.abort() }))).toMatchObject({ kind: 'aborted' });
    expect(calls).toHaveLength(0);
  });

  it('never puts the API key or token in a message', async () => {
    const time = new FakeTime();
    const echo = json({ status: 'error', status_code: 99, message: `Bad key ${ADMIN_KEY}`, message_details: ADMIN_KEY });
    const { client } = testClient(time, [echo]);
    const error = await failure(time, client.getUsers());
    expect(error.message).not.toContain(ADMIN_KEY);
    expect(error.details).not.toContain(ADMIN_KEY);
    expect(error.message).toContain('[redacted]');

    const oauth = testClient(time, [json({ error: 'invalid_token', errorDescription: `token ${TOKEN} is expired` }, { status: 401 })], {
      auth: { kind: 'oauth', accessToken: TOKEN },
    });
    const tokenError = await failure(time, oauth.client.getUsers());
    expect(tokenError.kind).toBe('auth');
    expect(JSON.stringify({ m: tokenError.message, d: tokenError.details })).not.toContain(TOKEN);
  });

  it('clients of the same account share one queue', async () => {
    const time = new FakeTime();
    const registry = new ThrottleRegistry();
    const { fetch, calls } = scriptedFetch(time, [USERS_OK]);
    const make = (accountUrl: string) =>
      new WorksectionClient({ accountUrl, auth: { kind: 'admin', apiKey: ADMIN_KEY }, fetch, now: time.now, sleep: time.sleep, throttles: registry });
    await time.settle(
      Promise.all([make(ORIGIN).getUsers(), make(`${ORIGIN}/project/1/`).getUsers(), make('https://other.worksection.com').getUsers()]),
    );
    const byOrigin = (origin: string) => calls.filter((call) => call.url.startsWith(origin)).map((call) => call.at);
    expect(byOrigin(ORIGIN)).toEqual([0, 1000]);
    expect(byOrigin('https://other.worksection.com')).toEqual([0]);
  });
});

// ---- typed methods ----

const ref = (id: string) => ({ id, email: `${id}@ws.com`, name: `User ${id}` });
function task(id: string) {
  return {
    id,
    name: `Task ${id}`,
    page: `/project/8562/${id}/`,
    status: 'active',
    priority: '1',
    user_from: ref('3993'),
    user_to: ref('5514'),
    project: { id: '8562', name: 'Owl', page: '/project/8562/' },
    date_added: '2021-01-07 10:01',
  };
}
const commentReply = { id: '20478', page: '/project/6622/330090/#com20478', text: 'Hi', date_added: '2021-01-03 09:17', user_from: ref('3993') };

describe('typed methods', () => {
  it('postTask sends the documented parameter names, dates as DD.MM.YYYY in the account zone', async () => {
    const time = new FakeTime();
    const { client, calls } = testClient(time, [json({ status: 'ok', data: task('333118') })], { timeZone: 'Asia/Almaty' });
    await time.settle(
      client.postTask({
        projectId: '6622',
        title: 'Template prototype',
        parentId: '332150',
        emailUserFrom: 'henry.gardner@ws.com',
        emailUserTo: 'frank.harper@ws.com',
        priority: 2,
        text: 'Take previous prototype as an example',
        todo: ['draft', 'first version'],
        // 20:00 UTC on the 14th is already the 15th in Almaty (UTC+5/+6).
        dateStart: new Date('2021-01-14T20:00:00Z'),
        dateEnd: '2021-01-17',
        subscribe: ['kate.greenway@ws.com', 'bill.jones@gmail.com'],
        hidden: 'kate.greenway@ws.com',
        maxTime: 15,
        maxMoney: 165,
        tags: ['to-do', 'design'],
      }),
    );
    expect(calls[0]!.params).toEqual([
      ['action', 'post_task'],
      ['id_project', '6622'],
      ['title', 'Template prototype'],
      ['id_parent', '332150'],
      ['email_user_from', 'henry.gardner@ws.com'],
      ['email_user_to', 'frank.harper@ws.com'],
      ['priority', '2'],
      ['text', 'Take previous prototype as an example'],
      ['todo[]', 'draft'],
      ['todo[]', 'first version'],
      ['datestart', '15.01.2021'],
      ['dateend', '17.01.2021'],
      ['subscribe', 'kate.greenway@ws.com,bill.jones@gmail.com'],
      ['hidden', 'kate.greenway@ws.com'],
      ['max_time', '15'],
      ['max_money', '165'],
      ['tags', 'to-do,design'],
    ]);
  });

  it('postTask refuses bad input before sending anything', async () => {
    const time = new FakeTime();
    const { client, calls } = testClient(time, [json({ status: 'ok', data: task('1') })]);
    await expect(client.postTask({ projectId: '1', title: '  ' })).rejects.toThrow(RangeError);
    await expect(client.postTask({ projectId: '1', title: 'x', priority: 11 })).rejects.toThrow(/0 to 10/);
    await expect(client.postTask({ projectId: 'abc', title: 'x' })).rejects.toThrow(/Project id/);
    await expect(client.postTask({ projectId: '1', title: 'x', dateEnd: '31.02.2021' })).rejects.toThrow(/not a date/);
    expect(calls).toHaveLength(0);
  });

  it('updateTask and completeTask', async () => {
    const time = new FakeTime();
    const { client, calls } = testClient(time, [json({ status: 'ok', data: task('332150') }), json({ status: 'ok' })]);
    const updated = await time.settle(client.updateTask({ taskId: '332150', priority: 10, dateClosed: '2021-02-01' }));
    expect(updated.id).toBe('332150');
    expect(calls[0]!.params).toEqual([
      ['action', 'update_task'],
      ['id_task', '332150'],
      ['priority', '10'],
      ['dateclosed', '01.02.2021'],
    ]);
    expect(await time.settle(client.completeTask('332150'))).toBeUndefined();
    expect(calls[1]!.params).toEqual([
      ['action', 'complete_task'],
      ['id_task', '332150'],
    ]);
  });

  it('postComment needs text or checklist items', async () => {
    const time = new FakeTime();
    const { client, calls } = testClient(time, [json({ status: 'ok', data: commentReply })]);
    await expect(client.postComment({ taskId: '1', text: ' ', todo: [] })).rejects.toThrow(RangeError);
    const comment = await time.settle(client.postComment({ taskId: '330090', todo: ['survey results'], mention: ['a@b.c', 'd@e.f'] }));
    expect(comment.id).toBe('20478');
    expect(calls[0]!.params).toEqual([
      ['action', 'post_comment'],
      ['id_task', '330090'],
      ['todo[]', 'survey results'],
      ['mention', 'a@b.c,d@e.f'],
    ]);
  });

  it('getEvents checks the period grammar locally', async () => {
    const time = new FakeTime();
    const { client, calls } = testClient(time, [json({ status: 'ok', data: [] })], { minIntervalMs: 0 });
    for (const period of ['1m', '360m', '1h', '72h', '1d', '30d']) await time.settle(client.getEvents(period));
    expect(calls.map((call) => call.params[1])).toEqual([
      ['period', '1m'],
      ['period', '360m'],
      ['period', '1h'],
      ['period', '72h'],
      ['period', '1d'],
      ['period', '30d'],
    ]);
    for (const period of ['0m', '361m', '73h', '31d', '60d', '6', 'h6', '1w', '01h', '1.5h', ' 6h']) {
      await expect(client.getEvents(period), period).rejects.toThrow(RangeError);
    }
    expect(calls).toHaveLength(6);
    await time.settle(client.getEvents('6h', { projectId: '6622' }));
    expect(calls[6]!.params).toEqual([
      ['action', 'get_events'],
      ['period', '6h'],
      ['id_project', '6622'],
    ]);
  });

  it('addCosts sends minutes as H:MM and answers the new id as a string', async () => {
    const time = new FakeTime();
    const { client, calls } = testClient(time, [json({ status: 'ok', id: 3706 })]);
    const created = await time.settle(
      client.addCosts({ taskId: '330090', time: 95, comment: 'Call with client', date: '2021-01-05', emailUserFrom: 'a@b.c' }),
    );
    expect(created).toEqual({ id: '3706' });
    expect(calls[0]!.params).toEqual([
      ['action', 'add_costs'],
      ['id_task', '330090'],
      ['time', '1:35'],
      ['comment', 'Call with client'],
      ['date', '05.01.2021'],
      ['email_user_from', 'a@b.c'],
    ]);
    await expect(client.addCosts({ taskId: '1', time: 0 })).rejects.toThrow(RangeError);
    await expect(client.addCosts({ taskId: '1', time: 1.5 })).rejects.toThrow(RangeError);
  });

  it('addCosts without an id in the reply is malformed', async () => {
    const time = new FakeTime();
    const { client } = testClient(time, [json({ status: 'ok' })]);
    expect(await failure(time, client.addCosts({ taskId: '1', time: 5 }))).toMatchObject({ kind: 'malformed' });
  });

  it('getCosts and getCostsTotal read their top-level totals', async () => {
    const time = new FakeTime();
    const cost = {
      id: '3610',
      comment: 'Workflow',
      time: '6:50',
      money: '75.17',
      date: '2021-01-01',
      is_timer: true,
      user_from: ref('3993'),
      task: { ...task('330142'), status: 'done' },
    };
    const { client, calls } = testClient(
      time,
      [
        json({ status: 'ok', data: [cost], total: { time: '6:50', money: '75.17' } }),
        json({
          status: 'ok',
          total: { time: '103:39', money: '5436.00' },
          projects: { '6622': { id: '6622', name: 'P', page: '/project/6622/', time: '10:00', money: '0', monthly: { '2024-04': { time: '10:00', money: '0' } } } },
        }),
      ],
      { minIntervalMs: 0 },
    );
    const costs = await time.settle(client.getCosts({ projectId: '6622', dateStart: '2021-01-01', dateEnd: '31.01.2021' }));
    expect(costs.costs[0]).toMatchObject({ id: '3610', is_timer: true, task: { project: { id: '8562' } } });
    expect(costs.total).toEqual({ time: '6:50', money: '75.17' });
    expect(calls[0]!.params).toEqual([
      ['action', 'get_costs'],
      ['id_project', '6622'],
      ['datestart', '01.01.2021'],
      ['dateend', '31.01.2021'],
    ]);
    const totals = await time.settle(client.getCostsTotal({ extra: ['projects'] }));
    expect(totals.total).toEqual({ time: '103:39', money: '5436.00' });
    expect(totals.projects?.['6622']?.monthly?.['2024-04']).toEqual({ time: '10:00', money: '0' });
    expect(calls[1]!.params).toEqual([
      ['action', 'get_costs_total'],
      ['extra', 'projects'],
    ]);
  });

  it('me() needs an OAuth token and asks nothing of the server otherwise', async () => {
    const time = new FakeTime();
    const { client, calls } = testClient(time, [USERS_OK]);
    expect(await failure(time, client.me())).toMatchObject({ kind: 'auth', action: 'me' });
    expect(calls).toHaveLength(0);
  });

  it('read methods pass filter and extra', async () => {
    const time = new FakeTime();
    const { client, calls } = testClient(time, [json({ status: 'ok', data: [] })], { minIntervalMs: 0 });
    await time.settle(client.getProjects({ filter: 'active', extra: ['text', 'users'] }));
    await time.settle(client.getAllTasks({ filter: 'active', extra: ['subtasks', 'comments'] }));
    await time.settle(client.getComments('330090', { extra: ['files'] }));
    expect(calls.map((call) => call.params)).toEqual([
      [
        ['action', 'get_projects'],
        ['filter', 'active'],
        ['extra', 'text,users'],
      ],
      [
        ['action', 'get_all_tasks'],
        ['filter', 'active'],
        ['extra', 'subtasks,comments'],
      ],
      [
        ['action', 'get_comments'],
        ['id_task', '330090'],
        ['extra', 'files'],
      ],
    ]);
  });
});
