// The simulated API v2: authentication, envelopes and error codes, reads and
// writes, the event window, and what the shapes look like where the Postman
// collection has no example (get_projects, get_costs).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueToken } from '../../simulator/api/auth.ts';
import { DEMO_API_KEY, DEMO_OAUTH_TOKEN, startSimulator, type Simulator } from '../../simulator/index.ts';
import { admin, call, oauth, query, sign } from './helpers.ts';

const NOW = new Date('2025-03-12T10:30:00Z');
let sim: Simulator;
let website: { id: string };
let internal: { id: string };
const email = (name: string) => sim.control.data().users.find((user) => user.name === name)!.email;
const OWNER = 'demo@sreda.digital';

beforeAll(async () => {
  sim = await startSimulator({ port: 0, now: NOW });
  sim.control.setClock({ frozen: true });
  const projects = sim.control.data().projects;
  website = projects.find((project) => project.name.startsWith('Northwind Coffee — website'))!;
  internal = projects.find((project) => project.clientGroup === null)!;
});

afterAll(async () => {
  await sim?.close();
});

function taskNamed(name: string) {
  const all = sim.control.tasks().flatMap(function flat(task): ReturnType<Simulator['control']['tasks']> {
    return [task, ...task.children.flatMap(flat)];
  });
  const task = all.find((candidate) => candidate.name === name);
  if (!task) throw new Error(`no task ${name}`);
  return task;
}

describe('admin key authentication', () => {
  it('accepts md5(query + key) appended last as hash', async () => {
    const answer = await admin(sim, [['action', 'get_users']]);
    expect(answer.status).toBe('ok');
    expect(answer.data.length).toBeGreaterThanOrEqual(8);
    expect(DEMO_API_KEY).toMatch(/^[0-9a-f]{32}$/);
  });

  it('hashes the raw query exactly as sent, percent-encoding and all', async () => {
    const raw = 'action=get_project&id_project=' + website.id + '&extra=text,%20options';
    const signed = await call(sim, `/api/admin/v2/?${sign(raw, sim.apiKey)}`);
    expect(signed.json()).toMatchObject({ status: 'ok', data: { id: website.id, text: expect.any(String), options: expect.any(Object) } });
    // The same parameters, hashed before encoding: a different string, so refused.
    const decoded = 'action=get_project&id_project=' + website.id + '&extra=text, options';
    const refused = await call(sim, `/api/admin/v2/?${raw}&hash=${sign(decoded, sim.apiKey).split('hash=')[1]}`);
    expect(refused.json()).toEqual({ status: 'error', status_code: 2, message: 'Action hash is missed or invalid' });
  });

  it.each([
    ['a missing hash', (raw: string) => raw],
    ['a wrong hash', (raw: string) => `${raw}&hash=00000000000000000000000000000000`],
    ['a hash signed with another key', (raw: string) => sign(raw, 'ffffffffffffffffffffffffffffffff')],
    ['a hash that is not the last parameter', (raw: string) => {
      const hash = sign(raw, sim.apiKey).split('&hash=')[1];
      return `hash=${hash}&${raw}`;
    }],
    ['parameters added after signing', (raw: string) => `${sign(raw, sim.apiKey)}&id_project=1`],
  ])('refuses %s with HTTP 200 and status_code 2', async (_, build) => {
    const reply = await call(sim, `/api/admin/v2/?${build('action=get_users')}`);
    expect(reply.status).toBe(200);
    expect(reply.json()).toEqual({ status: 'error', status_code: 2, message: 'Action hash is missed or invalid' });
  });

  it('merges POST bodies (form or JSON) into the signed query', async () => {
    const task = taskNamed('Mobile mockup');
    const raw = query([['action', 'post_comment'], ['id_task', task.id]]);
    const form = await call(sim, `/api/admin/v2/?${sign(raw, sim.apiKey)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'text=From+a+form&todo%5B%5D=one&todo[]=two&email_user_from=' + encodeURIComponent(OWNER),
    });
    expect(form.json().data.text).toBe('From a form\r\n• one\r\n• two');
    const json = await call(sim, `/api/admin/v2/?${sign(raw, sim.apiKey)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify({ text: 'From JSON', todo: ['a', 'b'], email_user_from: OWNER }),
    });
    expect(json.json().data.text).toBe('From JSON\r\n• a\r\n• b');
    const broken = await call(sim, `/api/admin/v2/?${sign(raw, sim.apiKey)}`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: '{not json',
    });
    expect(broken.json()).toMatchObject({ status: 'error', status_code: 11 });
  });
});

describe('OAuth2 access tokens', () => {
  it('accepts the demo token as Bearer header or access_token parameter, as the owner', async () => {
    const header = await oauth(sim, DEMO_OAUTH_TOKEN, [['action', 'me']]);
    expect(header.status).toBe(200);
    expect(header.json().data).toMatchObject({ id: '3993', email: OWNER, role: 'Owner' });
    expect(header.json().data).not.toHaveProperty('rate');
    const param = await call(sim, `/api/oauth2?${query([['action', 'me'], ['access_token', DEMO_OAUTH_TOKEN]])}`);
    expect(param.json().data.email).toBe(OWNER);
    expect(DEMO_OAUTH_TOKEN.split('.')).toHaveLength(3);
  });

  it('answers 401 for a missing, forged or expired token', async () => {
    const missing = await call(sim, '/api/oauth2?action=me');
    expect(missing.status).toBe(401);
    expect(missing.json()).toMatchObject({ status: 'error', message: 'Access token is invalid' });
    const [header, payload] = DEMO_OAUTH_TOKEN.split('.');
    const forged = await oauth(sim, `${header}.${payload}.AAAA`, [['action', 'me']]);
    expect(forged.status).toBe(401);
    const shortLived = issueToken('3993', NOW.getTime() / 1000 + 3600);
    expect((await oauth(sim, shortLived, [['action', 'me']])).status).toBe(200);
    sim.control.setClock({ advanceMinutes: 120 });
    const expired = await oauth(sim, shortLived, [['action', 'me']]);
    sim.control.setClock({ now: NOW });
    expect(expired.status).toBe(401);
    expect(expired.json().message).toBe('Access token is expired');
  });

  it('lists task tags with their groups, private ones only for the company: tasks carry them for the team, never for a client', async () => {
    const clientEmail = 'laura.bennett@northwindcoffee.com';
    const token = sim.control.tokenFor(clientEmail);
    const privateTags = await admin(sim, [['action', 'get_task_tags'], ['access', 'private']]);
    expect(privateTags.data).toEqual([{ title: 'team only', id: 72629, group: { title: 'Team notes', id: expect.any(Number), id_group: expect.any(String), type: 'label', access: 'private' } }]);
    const statuses = await admin(sim, [['action', 'get_task_tags'], ['group', 'Basic workflow']]);
    expect(statuses.data.map((tag: { title: string }) => tag.title)).toEqual(['To-do', 'In progress', 'On review']);
    expect((await admin(sim, [['action', 'get_task_tags'], ['access', 'secret']])).status).toBe('error');
    const { id } = sim.control.addTask({ projectId: website.id, name: 'Margin review', tags: ['team only', 'design'] });
    try {
      const asTeam = await admin(sim, [['action', 'get_task'], ['id_task', id], ['extra', 'tags']]);
      expect(Object.values(asTeam.data.tags).sort()).toEqual(['design', 'team only']);
      const asClient = (await oauth(sim, token, [['action', 'get_task'], ['id_task', id], ['extra', 'tags']])).json();
      expect(Object.values(asClient.data.tags)).toEqual(['design']);
      const clientTags = (await oauth(sim, token, [['action', 'get_task_tags']])).json().data as Array<{ group: { access: string } }>;
      expect(clientTags.length).toBeGreaterThan(0);
      expect(clientTags.every((tag) => tag.group.access === 'public')).toBe(true);
    } finally {
      sim.control.deleteTask(id);
    }
  });

  it('writes as the token user, and limits a client user to their projects and visible comments', async () => {
    const clientEmail = 'laura.bennett@northwindcoffee.com';
    const token = sim.control.tokenFor(clientEmail);
    const task = taskNamed('Mobile mockup');
    const posted = await oauth(sim, token, [['action', 'post_comment'], ['id_task', task.id], ['text', 'Client via OAuth']]);
    expect(posted.json().data.user_from.email).toBe(clientEmail);
    const projects = (await oauth(sim, token, [['action', 'get_projects']])).json().data as Array<{ company: string }>;
    expect(projects.length).toBeGreaterThan(0);
    expect(projects.every((project) => project.company === 'Northwind Coffee')).toBe(true);
    const hidden = sim.control.tasks().flatMap(function flat(t): ReturnType<Simulator['control']['tasks']> { return [t, ...t.children.flatMap(flat)]; })
      .flatMap((t) => sim.control.comments(t.id)).find((comment) => comment.hiddenFor.length > 0 && comment.projectId === website.id);
    // The seed hides some internal notes from the client (comment `hidden`).
    expect(hidden).toBeDefined();
    const seen = (await oauth(sim, token, [['action', 'get_comments'], ['id_task', hidden!.taskId]])).json().data as Array<{ id: string }>;
    expect(seen.map((comment) => comment.id)).not.toContain(hidden!.id);
    const asAdmin = await admin(sim, [['action', 'get_comments'], ['id_task', hidden!.taskId]]);
    expect(asAdmin.data.map((comment: { id: string }) => comment.id)).toContain(hidden!.id);
    const internalTasks = await oauth(sim, token, [['action', 'get_tasks'], ['id_project', internal.id]]);
    expect(internalTasks.json()).toMatchObject({ status: 'error', status_code: 4 });
  });
});

describe('actions and their errors', () => {
  it('refuses me with the admin key, unknown and missing actions with code 1', async () => {
    expect(await admin(sim, [['action', 'me']])).toMatchObject({ status: 'error', status_code: 1, message: 'Action is invalid' });
    expect(await admin(sim, [['action', 'get_everything']])).toEqual({ status: 'error', status_code: 1, message: 'Action is invalid' });
    expect(await admin(sim, [['action', 'constructor']])).toMatchObject({ status_code: 1 });
    expect(await admin(sim, [['action', 'search_tasks']])).toMatchObject({ status_code: 1, message_details: 'search_tasks is not simulated' });
    const none = await call(sim, `/api/admin/v2/?${sign('id_task=1', sim.apiKey)}`);
    expect(none.json()).toMatchObject({ status: 'error', status_code: 1 });
  });

  it('lists users and teams with client flags (§4.7)', async () => {
    const groups = (await admin(sim, [['action', 'get_user_groups']])).data as Array<{ title: string; client: number; type: string }>;
    expect(groups.filter((group) => group.client === 1).length).toBeGreaterThanOrEqual(3);
    expect(groups.every((group) => group.type === 'company')).toBe(true);
    const users = (await admin(sim, [['action', 'get_users']])).data as Array<{ id: string; group: string; rate: number }>;
    expect(users.every((user) => typeof user.id === 'string' && typeof user.rate === 'number')).toBe(true);
    const clientTeams = new Set(groups.filter((group) => group.client === 1).map((group) => group.title));
    expect(users.some((user) => clientTeams.has(user.group))).toBe(true);
  });

  it('get_projects: §4.8 shape, extras on demand, filter', async () => {
    const plain = (await admin(sim, [['action', 'get_projects']])).data;
    expect(plain).toHaveLength(6);
    expect(plain[0]).not.toHaveProperty('text');
    expect(plain[0]).toMatchObject({ id: expect.stringMatching(/^\d{4,}$/), page: expect.stringMatching(/^\/project\/\d+\/$/), status: 'active' });
    const full = (await admin(sim, [['action', 'get_projects'], ['extra', 'text,options,users']])).data;
    expect(full[0]).toMatchObject({ text: expect.any(String), options: { allow_close: expect.any(Number) }, users: expect.any(Array) });
    expect(full[0].date_added).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect((await admin(sim, [['action', 'get_projects'], ['filter', 'archive']])).data).toEqual([]);
    expect(await admin(sim, [['action', 'get_projects'], ['filter', 'closed']])).toMatchObject({ status_code: 11, message_details: 'filter' });
    expect(await admin(sim, [['action', 'get_project']])).toMatchObject({ status_code: 10, message_details: 'id_project' });
  });

  it('get_tasks: top level unless extra=subtasks, full children, filter=active', async () => {
    const top = (await admin(sim, [['action', 'get_tasks'], ['id_project', website.id]])).data as any[];
    expect(top.every((task) => !('child' in task) && !('parent' in task) && task.project.id === website.id)).toBe(true);
    expect(top.every((task) => task.has_comments === 0 || task.has_comments === 1)).toBe(true);
    const tree = (await admin(sim, [['action', 'get_tasks'], ['id_project', website.id], ['extra', 'subtasks,text']])).data as any[];
    const withChild = tree.find((task) => task.child?.some((child: any) => child.child));
    expect(withChild.child[0]).toMatchObject({ user_from: expect.any(Object), project: expect.any(Object), text: expect.any(String) });
    const active = (await admin(sim, [['action', 'get_tasks'], ['id_project', website.id], ['filter', 'active'], ['extra', 'subtasks']])).data as any[];
    const statuses = active.flatMap(function flat(task: any): string[] { return [task.status, ...(task.child ?? []).flatMap(flat)]; });
    expect(new Set(statuses)).toEqual(new Set(['active']));
    expect(top.some((task) => task.status === 'done')).toBe(true);
    expect(await admin(sim, [['action', 'get_tasks']])).toMatchObject({ status_code: 10, message_details: 'id_project' });
  });

  it('get_task: parent for subtasks, reduced children, sub-subtask pages name the top task', async () => {
    const level2 = taskNamed('Hero section with the seasonal offer');
    const answer = (await admin(sim, [['action', 'get_task'], ['id_task', level2.id]])).data;
    const top = taskNamed('Homepage design');
    const middle = taskNamed('Desktop mockup');
    expect(answer.page).toBe(`/project/${website.id}/${top.id}/${level2.id}/`);
    expect(answer.parent).toEqual({ id: middle.id, name: 'Desktop mockup', page: `/project/${website.id}/${top.id}/${middle.id}/`, status: 'active', priority: expect.any(String) });
    const parent = (await admin(sim, [['action', 'get_task'], ['id_task', top.id], ['extra', 'subtasks']])).data;
    const reduced = parent.child.find((child: any) => child.id === middle.id);
    expect(Object.keys(reduced).sort()).toEqual(['child', 'id', 'name', 'page', 'priority', 'status']);
    expect(await admin(sim, [['action', 'get_task'], ['id_task', '42']])).toEqual({ status: 'error', status_code: 5, message: 'Task is invalid' });
  });
});

describe('post_task', () => {
  it('creates a subtask with a checklist, dates and people, and get_task reflects it', async () => {
    const parent = taskNamed('Mobile mockup');
    const top = taskNamed('Homepage design');
    const answer = await admin(sim, [
      ['action', 'post_task'], ['id_project', website.id], ['id_parent', parent.id], ['title', 'Tablet breakpoints'],
      ['email_user_to', email('Ivan Petrenko')], ['priority', '6'], ['text', 'Check 768 and 1024'],
      ['todo[]', 'portrait'], ['todo[]', 'landscape'], ['datestart', '14.03.2025'], ['dateend', '18.03.2025'],
      ['email_user_from', email('Maria Kovalenko')], ['subscribe', `${email('Sofia Marchenko')}, nobody@example.com`],
      ['max_time', '6'], ['extra', 'text'],
    ]);
    expect(answer.status).toBe('ok');
    const created = answer.data;
    expect(created).toMatchObject({
      name: 'Tablet breakpoints', status: 'active', priority: '6',
      page: `/project/${website.id}/${top.id}/${created.id}/`,
      user_to: { email: email('Ivan Petrenko') }, user_from: { email: email('Maria Kovalenko') },
      parent: { id: parent.id }, text: 'Check 768 and 1024\r\n• portrait\r\n• landscape',
      date_start: '2025-03-14', date_end: '2025-03-18', date_added: '2025-03-12 10:30', max_time: 6,
    });
    expect(Number(created.id)).toBeGreaterThan(100000);
    const parentNow = (await admin(sim, [['action', 'get_task'], ['id_task', parent.id], ['extra', 'subtasks']])).data;
    expect(parentNow.child.map((child: any) => child.id)).toContain(created.id);
    const view = sim.control.tasks(website.id).flatMap(function flat(t): ReturnType<Simulator['control']['tasks']> { return [t, ...t.children.flatMap(flat)]; })
      .find((task) => task.id === created.id)!;
    expect(view).toMatchObject({ todo: ['portrait', 'landscape'], level: 2, assignee: { name: 'Ivan Petrenko' }, subscribers: expect.arrayContaining([email('Sofia Marchenko')]) });
    // A third level does not exist (§7: two subtask levels).
    expect(await admin(sim, [['action', 'post_task'], ['id_project', website.id], ['id_parent', created.id], ['title', 'Too deep']]))
      .toEqual({ status: 'error', status_code: 11, message: 'Field is invalid', message_details: 'id_parent' });
  });

  it('uses the sentinel executives for ANY, NOONE and no executive', async () => {
    const anyone = await admin(sim, [['action', 'post_task'], ['id_project', website.id], ['title', 'Anyone'], ['email_user_to', 'ANY']]);
    expect(anyone.data.user_to).toEqual({ id: '2', email: 'ANY', name: 'Anyone' });
    const nobody = await admin(sim, [['action', 'post_task'], ['id_project', website.id], ['title', 'Nobody']]);
    expect(nobody.data.user_to).toEqual({ id: '1', email: 'NOONE', name: "Executive isn't assigned" });
    expect(nobody.data.user_from.email).toBe(OWNER);
    expect(nobody.data).not.toHaveProperty('has_comments');
  });

  it('refuses an unknown project with code 4', async () => {
    expect(await admin(sim, [['action', 'post_task'], ['id_project', '77'], ['title', 'x']]))
      .toEqual({ status: 'error', status_code: 4, message: 'Project is invalid' });
  });

  it.each([
    ['no title', [['title', '']], { status_code: 10, message: 'Field is required', message_details: 'title' }],
    ['a bad start date', [['title', 'x'], ['datestart', '2025-03-14']], { status_code: 11, message_details: 'datestart' }],
    ['an impossible date', [['title', 'x'], ['dateend', '31.02.2025']], { status_code: 11, message_details: 'dateend' }],
    ['an end before the start', [['title', 'x'], ['datestart', '10.03.2025'], ['dateend', '09.03.2025']], { status_code: 11, message_details: 'dateend' }],
    ['an unknown executive', [['title', 'x'], ['email_user_to', 'ghost@example.com']], { status_code: 11, message: 'Invalid email' }],
    ['priority 11', [['title', 'x'], ['priority', '11']], { status_code: 11, message_details: 'priority' }],
    ['an unknown tag', [['title', 'x'], ['tags', 'nonsense']], { status_code: 16, message: 'Tag is invalid' }],
  ])('refuses %s', async (_, extra, error) => {
    const params = [['action', 'post_task'], ['id_project', website.id], ...extra] as Array<[string, string]>;
    expect(await admin(sim, params)).toMatchObject({ status: 'error', ...error });
  });

  it('refuses a subtask under a closed task with code 8', async () => {
    const closed = sim.control.tasks(website.id).find((task) => task.status === 'done')!;
    expect(await admin(sim, [['action', 'post_task'], ['id_project', website.id], ['id_parent', closed.id], ['title', 'Late']]))
      .toEqual({ status: 'error', status_code: 8, message: 'Task is closed' });
  });
});

describe('update, complete, reopen', () => {
  it('update_task changes fields and logs old/new; nothing to change is an error', async () => {
    const created = (await admin(sim, [['action', 'post_task'], ['id_project', website.id], ['title', 'Update me']])).data;
    const updated = await admin(sim, [['action', 'update_task'], ['id_task', created.id], ['priority', '9'], ['title', 'Updated'], ['email_user_to', email('Emma Novak')]]);
    expect(updated.data).toMatchObject({ name: 'Updated', priority: '9', user_to: { name: 'Emma Novak' } });
    const events = (await admin(sim, [['action', 'get_events'], ['period', '5m']])).data as any[];
    const update = events.find((event) => event.action === 'update' && event.object.id === created.id);
    expect(update.new).toMatchObject({ priority: '9', title: 'Updated', user_to: { name: 'Emma Novak' } });
    expect(update.old).toMatchObject({ priority: '1', title: 'Update me', user_to: { email: 'NOONE' } });
    expect(await admin(sim, [['action', 'update_task'], ['id_task', created.id]])).toMatchObject({ status_code: 10, message: 'At least one of fields required' });
  });

  it('complete_task: 13 with open subtasks, then closes; 12 when already closed; reopen: 14 under a closed parent', async () => {
    const parent = (await admin(sim, [['action', 'post_task'], ['id_project', website.id], ['title', 'Parent']])).data;
    const child = (await admin(sim, [['action', 'post_task'], ['id_project', website.id], ['title', 'Child'], ['id_parent', parent.id]])).data;
    expect(await admin(sim, [['action', 'complete_task'], ['id_task', parent.id]])).toEqual({ status: 'error', status_code: 13, message: 'Task has children' });
    expect((await admin(sim, [['action', 'complete_task'], ['id_task', child.id]])).data.status).toBe('done');
    const closed = (await admin(sim, [['action', 'complete_task'], ['id_task', parent.id]])).data;
    expect(closed).toMatchObject({ status: 'done', date_closed: '2025-03-12 10:30' });
    expect(await admin(sim, [['action', 'complete_task'], ['id_task', parent.id]])).toEqual({ status: 'error', status_code: 12, message: 'Task is already closed' });
    expect(await admin(sim, [['action', 'reopen_task'], ['id_task', child.id]])).toEqual({ status: 'error', status_code: 14, message: 'Parent task is done' });
    expect(await admin(sim, [['action', 'reopen_task'], ['id_task', parent.id]])).toEqual({ status: 'ok' });
    const events = (await admin(sim, [['action', 'get_events'], ['period', '1m']])).data as any[];
    expect(events.filter((event) => event.object.id === parent.id).map((event) => event.action)).toEqual(['post', 'close', 'reopen']);
  });
});

describe('comments', () => {
  it('get_comments is newest first; post_comment needs email_user_from with the admin key', async () => {
    const task = taskNamed('Menu page design');
    const before = (await admin(sim, [['action', 'get_comments'], ['id_task', task.id]])).data as any[];
    const dates = before.map((comment) => comment.date_added);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(await admin(sim, [['action', 'post_comment'], ['id_task', task.id], ['text', 'Hello']]))
      .toEqual({ status: 'error', status_code: 10, message: 'Field is required', message_details: 'email_user_from' });
    expect(await admin(sim, [['action', 'post_comment'], ['id_task', task.id], ['email_user_from', OWNER]]))
      .toMatchObject({ status_code: 10, message: 'At least one of fields required' });
    expect(await admin(sim, [['action', 'post_comment'], ['id_task', task.id], ['text', 'x'], ['email_user_from', 'ghost@example.com']]))
      .toMatchObject({ status_code: 11, message: 'Invalid email' });
    const posted = await admin(sim, [
      ['action', 'post_comment'], ['id_task', task.id], ['email_user_from', email('Maria Kovalenko')],
      ['todo[]', 'menu photos'], ['todo[]', 'prices'], ['mention', email('Sofia Marchenko')],
    ]);
    expect(posted.data).toMatchObject({
      text: '• menu photos\r\n• prices Sofia Marchenko', date_added: '2025-03-12 10:30', page: `${task.page}#com${posted.data.id}`,
      user_from: { name: 'Maria Kovalenko' },
    });
    const after = (await admin(sim, [['action', 'get_comments'], ['id_task', task.id]])).data as any[];
    expect(after[0].id).toBe(posted.data.id);
    expect(sim.control.data().waiting.map((thread) => thread.taskId)).not.toContain(task.id);
  });
});

describe('get_events', () => {
  it.each(['0m', '361m', '73h', '31d', '60d', '6', 'h6', ''])('refuses period "%s" like the official 60d example', async (period) => {
    expect(await admin(sim, [['action', 'get_events'], ['period', period]]))
      .toEqual({ status: 'error', status_code: 10, message: 'Field is required', message_details: 'period' });
  });

  it('returns the window’s events oldest first, comment events pointing at the task page', async () => {
    const hour = (await admin(sim, [['action', 'get_events'], ['period', '1h']])).data as any[];
    const comments = hour.filter((event) => event.object.type === 'comment');
    const seedWaiting = sim.control.data().waiting;
    const recent = seedWaiting.filter((thread) => thread.minutes < 60);
    expect(recent.length).toBeGreaterThanOrEqual(4);
    for (const thread of recent) {
      const event = comments.find((candidate) => candidate.object.id === thread.clientCommentIds.at(-1));
      expect(event, thread.name).toMatchObject({ action: 'post', object: { page: thread.page }, new: { text: expect.any(String) } });
      expect(event.object.page).not.toContain('#');
    }
    const threeHours = seedWaiting.find((thread) => thread.minutes === 180)!;
    expect(comments.map((event) => event.object.id)).not.toContain(threeHours.clientCommentIds[0]);
    const six = (await admin(sim, [['action', 'get_events'], ['period', '6h']])).data as any[];
    expect(six.map((event) => event.object.id)).toContain(threeHours.clientCommentIds[0]);
    const dates = six.map((event) => event.date_added);
    expect(dates).toEqual([...dates].sort());
    const scoped = (await admin(sim, [['action', 'get_events'], ['period', '6h'], ['id_project', threeHours.projectId]])).data as any[];
    expect(scoped.length).toBeGreaterThan(0);
    expect(scoped.length).toBeLessThan(six.length);
    expect(scoped.every((event) => event.object.page.startsWith(`/project/${threeHours.projectId}/`))).toBe(true);
  });

  it('finds a month of history with 30d, including closes', async () => {
    const month = (await admin(sim, [['action', 'get_events'], ['period', '30d']])).data as any[];
    expect(month.some((event) => event.action === 'close' && event.object.type === 'task')).toBe(true);
    expect(month.filter((event) => event.object.type === 'comment').length).toBeGreaterThan(20);
  });
});

describe('costs', () => {
  it('get_costs: §4.5 rows and a matching total; filters by project and dates', async () => {
    const answer = await admin(sim, [['action', 'get_costs'], ['id_project', website.id]]);
    const rows = answer.data as any[];
    expect(rows.length).toBeGreaterThan(10);
    expect(rows[0]).toMatchObject({
      id: expect.any(String), comment: expect.any(String), time: expect.stringMatching(/^\d+:\d{2}$/),
      money: expect.stringMatching(/^\d+\.\d{2}$/), date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), is_timer: expect.any(Boolean),
      user_from: { id: expect.any(String), email: expect.any(String), name: expect.any(String) },
      task: { id: expect.any(String), project: { id: website.id }, date_added: expect.any(String) },
    });
    const minutes = rows.reduce((sum, row) => { const [h, m] = row.time.split(':').map(Number); return sum + h * 60 + m; }, 0);
    expect(answer.total.time).toBe(`${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`);
    const march = (await admin(sim, [['action', 'get_costs'], ['id_project', website.id], ['datestart', '01.03.2025'], ['dateend', '31.03.2025']])).data as any[];
    expect(march.length).toBeGreaterThan(0);
    expect(march.every((row) => row.date >= '2025-03-01' && row.date <= '2025-03-31')).toBe(true);
    expect(await admin(sim, [['action', 'get_costs'], ['filter', "comment has 'x'"]])).toMatchObject({ status_code: 11 });
  });

  it('get_costs_total: total, and projects with monthly sums for extra=projects', async () => {
    const plain = await admin(sim, [['action', 'get_costs_total']]);
    expect(Object.keys(plain).sort()).toEqual(['status', 'total']);
    const withProjects = await admin(sim, [['action', 'get_costs_total'], ['extra', 'projects']]);
    expect(Object.keys(withProjects.projects)).toHaveLength(6);
    const project = withProjects.projects[website.id];
    expect(project).toMatchObject({ id: website.id, page: `/project/${website.id}/`, time: expect.any(String), money: expect.any(String) });
    expect(Object.keys(project.monthly).every((month) => /^\d{4}-\d{2}$/.test(month))).toBe(true);
  });

  it.each([
    ['0.15', '0:09'], ['0,15', '0:09'], ['0:09', '0:09'], ['1:30', '1:30'], ['1,5', '1:30'],
  ])('add_costs reads time "%s" as %s', async (time, shown) => {
    const task = taskNamed('Store locator page');
    const answer = await admin(sim, [
      ['action', 'add_costs'], ['id_task', task.id], ['time', time], ['email_user_from', email('Ivan Petrenko')],
      ['comment', `logged ${time}`], ['date', '11.03.2025'],
    ]);
    expect(answer).toEqual({ status: 'ok', id: expect.any(Number) });
    const row = (await admin(sim, [['action', 'get_costs'], ['id_task', task.id]])).data.find((cost: any) => cost.id === String(answer.id));
    expect(row).toMatchObject({ time: shown, date: '2025-03-11', comment: `logged ${time}`, user_from: { name: 'Ivan Petrenko' } });
  });

  it.each([
    ['no time or money', [], { status_code: 10, message_details: 'time or money' }],
    ['no email_user_from', [['time', '1:00']], { status_code: 10, message_details: 'email_user_from' }],
    ['a bad time', [['time', 'an hour'], ['email_user_from', 'demo@sreda.digital']], { status_code: 11, message_details: 'time' }],
    ['a bad date', [['time', '1:00'], ['email_user_from', 'demo@sreda.digital'], ['date', '2025-03-11']], { status_code: 11, message_details: 'date' }],
  ])('add_costs refuses %s', async (_, extra, error) => {
    const task = taskNamed('Store locator page');
    expect(await admin(sim, [['action', 'add_costs'], ['id_task', task.id], ...extra] as Array<[string, string]>)).toMatchObject({ status: 'error', ...error });
  });
});

describe('the host decides the account', () => {
  it('answers other worksection accounts with an HTML 404, API paths too', async () => {
    for (const path of ['/project/', `/api/admin/v2/?${sign('action=get_users', sim.apiKey)}`, '/api/oauth2?action=me']) {
      const reply = await call(sim, path, { host: 'acme.worksection.com' });
      expect(reply.status).toBe(404);
      expect(reply.headers['content-type']).toContain('text/html');
      expect(reply.text).toContain('Account not found');
    }
    expect((await call(sim, `/api/admin/v2/?${sign('action=get_users', sim.apiKey)}`, { host: 'demo.worksection.eu' })).json().status).toBe('ok');
  });
});

describe('a second account on second.worksection.com', () => {
  const SECOND = { host: 'second.worksection.com' };
  const signedFor = (action: string, key: string) => `/api/admin/v2/?${sign(query([['action', action]]), key)}`;

  it('answers with its own key, people and projects, and refuses the demo key', async () => {
    expect(sim.second.origin).toBe('https://second.worksection.com');
    const users = (await call(sim, signedFor('get_users', sim.second.apiKey), SECOND)).json();
    expect(users.status).toBe('ok');
    expect(users.data.map((user: { email: string }) => user.email)).toContain('olena@kvitka.studio');
    expect(users.data.map((user: { email: string }) => user.email)).not.toContain(OWNER);
    expect((await call(sim, signedFor('get_users', sim.apiKey), SECOND)).json()).toMatchObject({ status: 'error', status_code: 2 });
    expect((await call(sim, signedFor('get_users', sim.second.apiKey))).json()).toMatchObject({ status: 'error', status_code: 2 });
    const projects = (await call(sim, signedFor('get_projects', sim.second.apiKey), SECOND)).json();
    expect(projects.data.map((project: { name: string }) => project.name).sort()).toEqual(['Kvitka Studio — internal', 'Sunflower Bakery — online shop']);
    expect((await call(sim, '/project/', SECOND)).text).toContain('Kvitka Studio');
  });

  it('keeps its own writes, statistics and control, apart from the demo account', async () => {
    sim.control.resetStats();
    sim.second.control.resetStats();
    const task = sim.second.control.tasks().find((candidate) => candidate.name === 'Launch checklist')!;
    const path = `/api/admin/v2/?${sign(query([['action', 'add_costs'], ['id_task', task.id], ['time', '0:30'], ['email_user_from', 'taras@kvitka.studio']]), sim.second.apiKey)}`;
    expect((await call(sim, path, SECOND)).json().status).toBe('ok');
    expect(sim.second.control.costs().filter((cost) => cost.taskId === task.id && cost.minutes === 30)).toHaveLength(1);
    expect(sim.second.control.stats().byAction).toEqual({ add_costs: 1 });
    expect(sim.control.stats().total).toBe(0);
    // Its /__sim/ routes answer for it; other hosts' for the demo account.
    expect((await call(sim, '/__sim/data', SECOND)).json().account.name).toBe('Kvitka Studio');
    expect((await call(sim, '/__sim/data', { host: 'acme.worksection.com' })).json().account.name).toBe('Sreda Digital');
  });
});
