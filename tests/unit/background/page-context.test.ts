import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { db } from '@/lib/db';
import { pageContext } from '@/lib/background/page-context';
import { route } from '@/lib/background/router';
import { allHandlers } from '@/lib/background/features';
import { sharedThrottles } from '@/lib/worksection';

const ORIGIN = 'https://demo.worksection.com';
const ref = { id: '1', email: 'o@a.test', name: 'Olena Owner' };
const project = { id: '1001', name: 'Website <b>promotion</b>', page: '/project/1001/', status: 'active', company: 'Acme', user_from: ref, user_to: ref };
const task = {
  id: '100200', name: 'Monthly SEO report', page: '/project/1001/100200/', status: 'done', priority: '1',
  user_from: ref, user_to: ref, project: { id: '1001', name: project.name, page: project.page }, date_added: '2026-11-01 10:00',
};

describe('page context for the page bar', () => {
  const calls: string[] = [];
  beforeEach(async () => {
    fakeBrowser.reset();
    await db().cache.clear();
    await db().threads.clear();
    calls.length = 0;
    // Tests check what is asked, not how fast: no spacing between calls.
    sharedThrottles.forAccount(ORIGIN).minIntervalMs = 0;
    vi.stubGlobal('fetch', vi.fn(async (input: RequestInfo | URL) => {
      const action = new URL(String(input)).searchParams.get('action') ?? '';
      calls.push(action);
      const data = action === 'get_projects' ? [project] : action === 'get_task' ? task : null;
      return new Response(JSON.stringify({ status: 'ok', data }));
    }));
    await fakeBrowser.storage.local.set({
      connection: { origin: ORIGIN, auth: { kind: 'admin', apiKey: 'k'.repeat(32) }, summary: { origin: ORIGIN } },
    });
  });
  afterEach(() => vi.unstubAllGlobals());

  it('names the project and its client, from one cached call', async () => {
    const page = { kind: 'project', projectId: '1001' } as const;
    expect(await pageContext(page, ORIGIN)).toEqual({ projectName: 'Website <b>promotion</b>', clientName: 'Acme' });
    expect(await pageContext(page, ORIGIN)).toEqual({ projectName: 'Website <b>promotion</b>', clientName: 'Acme' });
    expect(calls).toEqual(['get_projects']);
  });

  it('names the task, its status and project', async () => {
    expect(await pageContext({ kind: 'task', taskId: '100200', projectId: '1001' }, ORIGIN)).toEqual({
      projectName: 'Website <b>promotion</b>',
      taskName: 'Monthly SEO report',
      taskStatus: 'done',
    });
  });

  it('names a task the reply sync already knows without asking the API', async () => {
    await db().threads.put({
      taskId: '100300', projectId: '1001', projectName: 'Website', taskName: 'Known <i>task</i>', page: '/project/1001/100300/',
      status: 'active', clientThread: 1, waiting: 0,
    });
    expect(await pageContext({ kind: 'task', taskId: '100300', projectId: '1001' }, ORIGIN)).toEqual({
      projectName: 'Website',
      taskName: 'Known <i>task</i>',
      taskStatus: 'active',
    });
    expect(calls).toEqual([]);
  });

  it('answers nothing for another account or when not connected', async () => {
    expect(await pageContext({ kind: 'project', projectId: '1001' }, 'https://other.worksection.com')).toBeNull();
    await fakeBrowser.storage.local.clear();
    expect(await pageContext({ kind: 'project', projectId: '1001' }, ORIGIN)).toBeNull();
    expect(calls).toEqual([]);
  });

  it('a failing API call reaches the page as a problem, not a throw', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ status: 'error', status_code: 5, message: 'Task is invalid' }))));
    const reply = await route(allHandlers(), { type: 'page/context', request: { page: { kind: 'task', taskId: '9' }, origin: ORIGIN } }, {});
    expect(reply).toEqual({ ok: false, problem: { kind: 'api', message: expect.stringContaining('Task is invalid') } });
    expect(await route(allHandlers(), { type: 'no/such' }, {})).toMatchObject({ ok: false });
  });
});
