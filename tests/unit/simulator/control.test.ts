// The test-only control surface: /__sim/ JSON routes (any host) and the
// in-process Simulator.control, faults with afterCalls, the clock, stats.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../simulator/index.ts';
import { admin, call, query, sign } from './helpers.ts';

const NOW = new Date('2025-03-12T10:30:00Z');
let sim: Simulator;

beforeAll(async () => {
  sim = await startSimulator({ port: 0, now: NOW });
});

afterAll(async () => {
  await sim?.close();
});

beforeEach(() => {
  sim.control.reset({ frozen: true });
});

const post = (path: string, body: unknown, host?: string) =>
  call(sim, path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), ...(host ? { host } : {}) });

const apiPath = (action: string) => `/api/admin/v2/?${sign(query([['action', action]]), sim.apiKey)}`;

describe('the clock', () => {
  it('reads, advances, sets and freezes through /__sim/clock', async () => {
    expect((await call(sim, '/__sim/clock')).json()).toMatchObject({ now: NOW.toISOString(), accountTime: '2025-03-12 10:30', timeZone: 'UTC', frozen: true });
    expect((await post('/__sim/clock', { advanceMinutes: 90 })).json()).toMatchObject({ accountTime: '2025-03-12 12:00' });
    expect((await post('/__sim/clock', { now: '2025-04-01T08:15:00Z' })).json()).toMatchObject({ accountTime: '2025-04-01 08:15' });
    expect((await post('/__sim/clock', { now: 'yesterday' })).status).toBe(400);
    expect((await post('/__sim/clock', {})).json().error).toContain('advanceMinutes');
  });

  it('runs with real time unless frozen', async () => {
    sim.control.setClock({ frozen: false });
    const first = Date.parse(sim.control.clock().now);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(Date.parse(sim.control.clock().now)).toBeGreaterThan(first);
  });

  it('moves comment ages: a waiting thread grows older', async () => {
    const before = sim.control.data().waiting.find((thread) => thread.minutes === 5)!;
    sim.control.setClock({ advanceMinutes: 20 });
    const after = sim.control.data().waiting.find((thread) => thread.taskId === before.taskId)!;
    expect(after.minutes).toBe(25);
  });
});

describe('client comments', () => {
  it('POST /__sim/comment adds a comment, its event and a waiting thread', async () => {
    const task = sim.control.tasks().find((candidate) => candidate.status === 'active' && candidate.name === 'Store locator page')!;
    const reply = await post('/__sim/comment', { taskId: task.id, userEmail: 'laura.bennett@northwindcoffee.com', text: 'Is the map ready?', todo: ['pins', 'search'] });
    expect(reply.status).toBe(200);
    const comment = reply.json();
    expect(comment).toMatchObject({ text: 'Is the map ready?\r\n• pins\r\n• search', date_added: '2025-03-12 10:30', user_from: { name: 'Laura Bennett' } });
    const listed = (await call(sim, `/__sim/comments?taskId=${task.id}`)).json();
    expect(listed.at(-1)).toMatchObject({ id: comment.id, author: { client: true }, todo: ['pins', 'search'] });
    const events = await admin(sim, [['action', 'get_events'], ['period', '1m']]);
    expect(events.data.map((event: any) => event.object.id)).toContain(comment.id);
    expect(sim.control.data().waiting.find((thread) => thread.taskId === task.id)).toMatchObject({ minutes: 0, clientCommentIds: [comment.id] });
  });

  it('refuses unknown tasks, users and empty comments with 400', async () => {
    expect((await post('/__sim/comment', { taskId: '1', userEmail: 'laura.bennett@northwindcoffee.com', text: 'x' })).status).toBe(400);
    const task = sim.control.tasks()[0]!;
    expect((await post('/__sim/comment', { taskId: task.id, userEmail: 'nobody@example.com', text: 'x' })).json().error).toContain('no user');
    expect((await post('/__sim/comment', { taskId: task.id, userEmail: 'laura.bennett@northwindcoffee.com', text: ' ' })).status).toBe(400);
  });
});

describe('faults', () => {
  it('lets afterCalls matching calls through, fails `times` calls, then recovers', async () => {
    expect((await post('/__sim/fault', { kind: 'error-envelope', action: 'get_users', afterCalls: 2, times: 2 })).status).toBe(200);
    const outcomes: string[] = [];
    for (let index = 0; index < 5; index += 1) {
      await call(sim, apiPath('get_user_groups')); // other actions do not count
      outcomes.push((await call(sim, apiPath('get_users'))).json().status);
    }
    expect(outcomes).toEqual(['ok', 'ok', 'error', 'error', 'ok']);
  });

  it('error-envelope answers HTTP 200 with an error envelope', async () => {
    sim.control.addFault({ kind: 'error-envelope' });
    const reply = await call(sim, apiPath('get_projects'));
    expect(reply.status).toBe(200);
    expect(reply.json()).toMatchObject({ status: 'error', status_code: 9, message: expect.any(String) });
  });

  it('http-500 answers an HTML 500 page', async () => {
    sim.control.addFault({ kind: 'http-500' });
    const reply = await call(sim, apiPath('get_projects'));
    expect(reply.status).toBe(500);
    expect(reply.headers['content-type']).toContain('text/html');
  });

  it('rate-limit answers 429 with Retry-After and a "Too many requests" envelope', async () => {
    sim.control.addFault({ kind: 'rate-limit', delayMs: 2500 });
    const reply = await call(sim, apiPath('get_projects'));
    expect(reply.status).toBe(429);
    expect(reply.headers['retry-after']).toBe('3');
    expect(reply.json()).toMatchObject({ status: 'error', message: 'Too many requests' });
  });

  it('rate-limit-envelope answers HTTP 200 with an envelope that names the rate limit', async () => {
    sim.control.addFault({ kind: 'rate-limit-envelope' });
    const reply = await call(sim, apiPath('get_projects'));
    expect(reply.status).toBe(200);
    expect(reply.json().message).toMatch(/too many requests.*rate limit/i);
  });

  it('delay holds the answer for delayMs, then answers normally', async () => {
    sim.control.addFault({ kind: 'delay', delayMs: 150 });
    const started = performance.now();
    const reply = await call(sim, apiPath('get_projects'));
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    expect(reply.json().status).toBe('ok');
  });

  it('GET lists faults, DELETE clears them, bad specs get 400', async () => {
    await post('/__sim/fault', { kind: 'http-500', times: 3 });
    expect((await call(sim, '/__sim/fault')).json()).toMatchObject([{ kind: 'http-500', remaining: 3, action: null }]);
    expect((await call(sim, '/__sim/fault', { method: 'DELETE' })).status).toBe(200);
    expect((await call(sim, apiPath('get_projects'))).status).toBe(200);
    expect((await post('/__sim/fault', { kind: 'meltdown' })).status).toBe(400);
    expect((await post('/__sim/fault', { kind: 'delay' })).json().error).toContain('delayMs');
    expect((await post('/__sim/fault', { kind: 'http-500', times: 0 })).status).toBe(400);
  });

  it('the rateLimitPerSecond option refuses calls beyond the limit within a second', async () => {
    sim.control.setRateLimit(2);
    const statuses = [];
    for (let index = 0; index < 3; index += 1) statuses.push((await call(sim, apiPath('get_users'))).status);
    sim.control.setRateLimit(0);
    expect(statuses).toEqual([200, 200, 429]);
    expect((await call(sim, apiPath('get_users'))).status).toBe(200);
  });
});

describe('statistics', () => {
  it('counts API calls per action, including refused ones, and resets', async () => {
    await call(sim, apiPath('get_users'));
    await call(sim, apiPath('get_users'));
    await call(sim, '/api/admin/v2/?action=get_tasks&hash=bad');
    expect((await call(sim, '/__sim/stats')).json()).toEqual({ total: 3, byAction: { get_tasks: 1, get_users: 2 } });
    await call(sim, '/project/');
    expect(sim.control.stats().total).toBe(3);
    expect((await post('/__sim/stats/reset', {})).status).toBe(200);
    expect(sim.control.stats()).toEqual({ total: 0, byAction: {} });
  });
});

describe('views for assertions', () => {
  it('serve tasks, comments, costs and data on any host', async () => {
    const data = (await call(sim, '/__sim/data', { host: 'localhost' })).json();
    expect(data.projects).toHaveLength(6);
    const project = data.projects[0];
    const tasks = (await call(sim, `/__sim/tasks?projectId=${project.id}`, { host: 'other.worksection.com' })).json();
    expect(tasks.length).toBeGreaterThan(0);
    expect(tasks[0]).toMatchObject({ projectId: project.id, level: 0, assignee: { email: expect.any(String) }, children: expect.any(Array) });
    expect((await call(sim, '/__sim/tasks?projectId=1')).status).toBe(400);
    const costs = (await call(sim, `/__sim/costs?projectId=${project.id}`)).json();
    expect(costs.length).toBe(project.costCount);
    expect((await call(sim, '/__sim/comments')).status).toBe(400);
    expect((await call(sim, '/__sim/nothing')).status).toBe(404);
  });

  it('issues OAuth tokens for any user', async () => {
    const reply = await post('/__sim/token', { email: 'rachel.kim@brightlinedental.com' });
    const token = reply.json().access_token as string;
    const me = await call(sim, '/api/oauth2?action=me', { headers: { authorization: `Bearer ${token}` } });
    expect(me.json().data).toMatchObject({ name: 'Rachel Kim', group: 'Brightline Dental' });
  });
});

describe('reset', () => {
  it('re-seeds the data and clears faults and statistics', async () => {
    const before = sim.control.data();
    const task = sim.control.tasks()[0]!;
    await admin(sim, [['action', 'post_task'], ['id_project', task.projectId], ['title', 'Temporary']]);
    sim.control.addFault({ kind: 'http-500', times: 5 });
    const reply = await post('/__sim/reset', { now: '2025-03-12T10:30:00Z' });
    expect(reply.json()).toMatchObject({ accountTime: '2025-03-12 10:30', frozen: false });
    expect(Date.parse(reply.json().now) - NOW.getTime()).toBeLessThan(1000);
    expect(sim.control.faults()).toEqual([]);
    expect(sim.control.stats().total).toBe(0);
    const after = sim.control.data();
    expect(after.projects.map((project) => project.taskCount)).toEqual(before.projects.map((project) => project.taskCount));
    expect(after.waiting).toEqual(before.waiting);
  });
});

describe('who each write was made as', () => {
  const email = (name: string) => sim.control.data().users.find((user) => user.name === name)!.email;

  it('records email_user_from on comments, tasks and costs (null when the admin key sent none), readable through /__sim/writes', async () => {
    const task = sim.control.tasks().find((candidate) => candidate.status === 'active' && candidate.name === 'Store locator page')!;
    const maria = email('Maria Kovalenko');
    const comment = await admin(sim, [['action', 'post_comment'], ['id_task', task.id], ['todo[]', 'a'], ['email_user_from', maria]]);
    const created = await admin(sim, [['action', 'post_task'], ['id_project', task.projectId], ['title', 'Made as nobody in particular']]);
    const cost = await admin(sim, [['action', 'add_costs'], ['id_task', task.id], ['time', '0:20'], ['email_user_from', maria]]);
    await admin(sim, [['action', 'get_users']]);
    const writes = (await call(sim, '/__sim/writes')).json();
    expect(writes.map((write: { action: string; emailUserFrom: string | null; auth: string; id: string }) => [write.action, write.emailUserFrom, write.auth, write.id])).toEqual([
      ['post_comment', maria, 'admin', comment.data.id],
      ['post_task', null, 'admin', created.data.id],
      ['add_costs', maria, 'admin', String(cost.id)],
    ]);
    expect(sim.control.writes({ action: 'add_costs' })).toHaveLength(1);
    expect((await call(sim, '/__sim/writes?action=post_task')).json()).toHaveLength(1);
    sim.control.resetStats();
    expect(sim.control.writes()).toEqual([]);
  });

  it('refuses an email the account does not have, as Worksection refuses a bad parameter, and records nothing', async () => {
    const task = sim.control.tasks().find((candidate) => candidate.status === 'active')!;
    const costs = sim.control.costs().length;
    expect(await admin(sim, [['action', 'add_costs'], ['id_task', task.id], ['time', '0:20'], ['email_user_from', 'stranger@nowhere.test']]))
      .toEqual({ status: 'error', status_code: 11, message: 'Invalid email', message_details: 'email_user_from' });
    expect(await admin(sim, [['action', 'post_task'], ['id_project', task.projectId], ['title', 'x'], ['email_user_from', 'stranger@nowhere.test']]))
      .toMatchObject({ status: 'error', status_code: 11, message_details: 'email_user_from' });
    expect(sim.control.writes()).toEqual([]);
    expect(sim.control.costs()).toHaveLength(costs);
  });
});
