// With the admin key, the client writes as the person chosen in "Who are you" (`actingAs`): email_user_from on every authored write, in both wire schemes.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AUTHORED_WRITES } from '../../../lib/worksection/client';
import { ADMIN_KEY, FakeTime, json, ORIGIN, testClient } from './fakes';

const nodeMd5 = (value: string): string => createHash('md5').update(value, 'utf8').digest('hex');
const PERSON = { email: 'maria.ivanova@demo-agency.com' };
const ref = (id: string) => ({ id, email: `u${id}@demo-agency.com`, name: `User ${id}` });
const taskReply = {
  id: '330101',
  name: 'Brief',
  page: '/project/8562/330101/',
  status: 'active',
  priority: '1',
  user_from: ref('3993'),
  user_to: ref('5514'),
  project: { id: '8562', name: 'Owl', page: '/project/8562/' },
  date_added: '2021-01-07 10:01',
};
const commentReply = { id: '20478', page: '/project/6622/330090/#com20478', text: 'Hi', date_added: '2021-01-03 09:17', user_from: ref('3993') };
const USERS_OK = json({ status: 'ok', data: [ref('1')] });

describe('actingAs (admin key)', () => {
  it('header scheme: post_task, post_comment and add_costs carry email_user_from in the JSON body', async () => {
    const time = new FakeTime();
    const { client, calls } = testClient(
      time,
      [json({ status: 'ok', data: taskReply }), json({ status: 'ok', data: commentReply }), json({ status: 'ok', id: 3706 })],
      { actingAs: PERSON },
    );
    await time.settle(client.postTask({ projectId: '8562', title: 'Brief', todo: ['a'] }));
    await time.settle(client.postComment({ taskId: '330090', todo: ['draft', 'final'] }));
    await time.settle(client.addCosts({ taskId: '330090', time: 30, date: '2021-01-05' }));
    const bodies = calls.map((call) => JSON.parse(call.init.body as string) as Record<string, unknown>);
    expect(calls.map((call) => call.url)).toEqual([
      `${ORIGIN}/api/admin/v2?action=post_task`,
      `${ORIGIN}/api/admin/v2?action=post_comment`,
      `${ORIGIN}/api/admin/v2?action=add_costs`,
    ]);
    expect(bodies.map((body) => body.email_user_from)).toEqual([PERSON.email, PERSON.email, PERSON.email]);
    // In the parameter's documented place, after the ids (the query form below depends on the order).
    expect(Object.keys(bodies[0]!)).toEqual(['id_project', 'title', 'email_user_from', 'todo']);
    expect(Object.keys(bodies[1]!)).toEqual(['id_task', 'email_user_from', 'todo']);
  });

  it('query scheme: email_user_from is inside the md5-signed query, where the call puts it', async () => {
    const time = new FakeTime();
    const { client, calls } = testClient(time, [json({ status: 'ok', data: commentReply }), json({ status: 'ok', id: 3706 })], {
      actingAs: PERSON,
      scheme: 'query',
    });
    await time.settle(client.postComment({ taskId: '330090', todo: ['c d'] }));
    await time.settle(client.addCosts({ taskId: '330090', time: 95, date: '2021-01-05' }));
    const comment = 'action=post_comment&id_task=330090&email_user_from=maria.ivanova%40demo-agency.com&todo%5B0%5D=c+d';
    expect(calls[0]!.url).toBe(`${ORIGIN}/api/admin/v2/?${comment}&hash=${nodeMd5(comment + ADMIN_KEY)}`);
    const costs = 'action=add_costs&id_task=330090&time=1%3A35&date=05.01.2021&email_user_from=maria.ivanova%40demo-agency.com';
    expect(calls[1]!.url).toBe(`${ORIGIN}/api/admin/v2/?${costs}&hash=${nodeMd5(costs + ADMIN_KEY)}`);
  });

  it('query scheme: a template node measured for the 8 KB request line includes the author', () => {
    const time = new FakeTime();
    const input = { projectId: '8562', title: 'x'.repeat(8_200) };
    const plain = testClient(time, [], { scheme: 'query' }).client.postTaskOverflow(input);
    const acting = testClient(time, [], { scheme: 'query', actingAs: PERSON }).client.postTaskOverflow(input);
    expect(acting - plain).toBe('&email_user_from=maria.ivanova%40demo-agency.com'.length);
  });

  it("a call's own emailUserFrom wins over actingAs", async () => {
    const time = new FakeTime();
    const { client, calls } = testClient(time, [json({ status: 'ok', id: 1 })], { actingAs: PERSON });
    await time.settle(client.addCosts({ taskId: '1', time: 5, emailUserFrom: 'other@demo-agency.com' }));
    expect(JSON.parse(calls[0]!.init.body as string).email_user_from).toBe('other@demo-agency.com');
  });

  it('reads and writes that take no author are sent without it', async () => {
    const time = new FakeTime();
    const { client, calls } = testClient(time, [USERS_OK, json({ status: 'ok', data: taskReply })], { actingAs: PERSON });
    await time.settle(client.getUsers());
    await time.settle(client.updateTask({ taskId: '330101', priority: 3 }));
    expect(calls[0]!.init.body).toBeUndefined();
    expect(JSON.parse(calls[1]!.init.body as string)).toEqual({ id_task: '330101', priority: 3 });
    expect([...AUTHORED_WRITES].sort()).toEqual(['add_costs', 'post_comment', 'post_project', 'post_task']);
  });

  it('an OAuth token writes as its own user: actingAs adds nothing', async () => {
    const time = new FakeTime();
    const { client, calls } = testClient(time, [json({ status: 'ok', data: commentReply })], {
      auth: { kind: 'oauth', accessToken: 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIyNDc3In0.c2lnbmF0dXJl' },
      actingAs: PERSON,
    });
    await time.settle(client.postComment({ taskId: '330090', text: 'Hi' }));
    expect(JSON.parse(calls[0]!.init.body as string)).toEqual({ id_task: '330090', text: 'Hi' });
  });

  it('refuses a person without an email address', () => {
    const time = new FakeTime();
    expect(() => testClient(time, [], { actingAs: { email: 'Maria' } })).toThrow(/needs an email address, not "Maria"/);
    expect(() => testClient(time, [], { actingAs: { email: '' } })).toThrow(RangeError);
  });
});
