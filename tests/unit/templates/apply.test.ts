import 'fake-indexeddb/auto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type AccountDeskDb } from '@/lib/db';
import { cancelApplication, planApplication, runApplication, type TemplateApi } from '@/lib/background/templates/apply';
import { describeOutcome, progressOf } from '@/lib/templates/journal';
import { ThrottleRegistry, WorksectionClient } from '@/lib/worksection';
import { startSimulator, type Simulator } from '../../simulator';
import type { TaskTreeView } from '../../simulator/control';
import { simulatorFetch } from '../../support/simulator-fetch';
import { twelveNodeTemplate } from './fixtures';

// Applying a template against the simulator's real API, journal in Dexie on fake-indexeddb.
describe('applying a template', () => {
  let sim: Simulator;
  let db: AccountDeskDb;
  let projectId: string;
  let team: string[];
  let am: string;
  let designer: string;

  const client = (fetchImpl?: typeof fetch) =>
    new WorksectionClient({
      accountUrl: sim.origin,
      auth: { kind: 'admin', apiKey: sim.apiKey },
      fetch: fetchImpl ?? simulatorFetch(sim.port),
      minIntervalMs: 0,
      throttles: new ThrottleRegistry(),
      maxRetries: 0,
    });
  const simNow = () => new Date(sim.control.clock().now).getTime();

  const flatten = (trees: TaskTreeView[]): TaskTreeView[] => trees.flatMap((task) => [task, ...flatten(task.children)]);
  const projectTasks = () => flatten(sim.control.tasks(projectId));

  beforeAll(async () => {
    sim = await startSimulator({ port: 0 });
  });
  afterAll(() => sim.close());

  beforeEach(async () => {
    sim.control.reset({ now: '2025-03-14T10:00:00Z', frozen: true });
    db = openDb(`templates-${Math.random()}`);
    const data = sim.control.data();
    const clientTeams = new Set(data.groups.filter((group) => group.client === 1).map((group) => group.title));
    const project = data.projects.find((candidate) => candidate.clientGroup !== null)!;
    projectId = project.id;
    team = project.members.filter((email) => !clientTeams.has(data.users.find((user) => user.email === email)!.group));
    [am, designer] = team.slice(-2) as [string, string];
  });

  const plan = () =>
    planApplication(db, {
      origin: sim.origin,
      projectId,
      template: twelveNodeTemplate(),
      expand: {
        startDate: '2025-03-14',
        calendar: { workDays: [1, 2, 3, 4, 5], holidays: ['2025-03-24'] },
        roles: { 'Account manager': am, Designer: designer },
        teamEmails: team,
      },
      timeZone: 'UTC',
      now: simNow(),
    });

  /** The journal and the simulator agree: exactly 12 new tasks, each where, whose and when the plan says. */
  async function expectExactlyApplied(id: string, before: Set<string>) {
    const row = (await db.templateApplications.get(id))!;
    expect(row.status).toBe('done');
    const created = projectTasks().filter((task) => !before.has(task.id));
    expect(created).toHaveLength(12);
    const byKey = new Map(row.nodes.map((node) => [node.planned.key, node]));
    for (const node of row.nodes) {
      const task = created.find((candidate) => candidate.id === node.taskId);
      expect(task, node.planned.title).toBeDefined();
      const parentId = node.planned.parentKey === undefined ? null : byKey.get(node.planned.parentKey)!.taskId;
      expect(task).toMatchObject({
        name: node.planned.title,
        parentId,
        dateStart: node.planned.dateStart,
        dateEnd: node.planned.dateEnd,
        todo: node.planned.todo,
      });
      expect(task!.assignee.email).toBe(node.planned.emailUserTo);
    }
    return { row, created };
  }

  it('creates exactly the 12 tasks on 3 levels with parents, assignees, dates and checklists', async () => {
    const before = new Set(projectTasks().map((task) => task.id));
    const { id } = await plan();
    sim.control.resetStats();
    await runApplication(id, { db, api: client() });
    const { row, created } = await expectExactlyApplied(id, before);
    // One read first (which same-titled tasks exist already), then one call per task.
    expect(sim.control.stats().byAction).toEqual({ get_tasks: 1, post_task: 12 });
    const top = created.find((task) => task.parentId === null)!;
    expect(top.name).toBe('Launch <b>site</b>');
    expect(top.assignee.email).toBe(am);
    expect(created.find((task) => task.name === 'Photos')!.assignee.email).toBe('NOONE');
    // "Go live" starts 8 business days after Friday 14 March, skipping the holiday on the 24th.
    expect(created.find((task) => task.name === 'Go live')).toMatchObject({ dateStart: '2025-03-27', dateEnd: '2025-03-28' });
    expect(created.filter((task) => task.level === 2)).toHaveLength(7);
    expect(progressOf(row)).toEqual({ created: 12, total: 12 });
    await expect(runApplication(id, { db, api: client() })).rejects.toThrow(/already finished/);
  });

  it('stops at a failed 5th call with the journal intact, and Resume ends with exactly 12', async () => {
    const before = new Set(projectTasks().map((task) => task.id));
    const { id } = await plan();
    sim.control.addFault({ kind: 'error-envelope', action: 'post_task', afterCalls: 4 });
    const stopped = await runApplication(id, { db, api: client() });
    expect(stopped.status).toBe('stopped');
    expect(progressOf(stopped)).toEqual({ created: 4, total: 12 });
    expect(stopped.nodes[4]!.state).toBe('planned'); // an error envelope: certainly not created
    expect(describeOutcome(stopped)).toMatch(/^Stopped after 4 of 12 tasks: .*Internal error/);
    expect(projectTasks().length - before.size).toBe(4);

    await runApplication(id, { db, api: client() });
    await expectExactlyApplied(id, before);
  });

  it('adopts a task whose answer was lost instead of creating it twice', async () => {
    const before = new Set(projectTasks().map((task) => task.id));
    const { id } = await plan();
    const real = simulatorFetch(sim.port);
    let posts = 0;
    // The 5th post_task reaches Worksection and creates the task, but its answer never arrives.
    const losing: typeof fetch = async (input, init) => {
      const response = await real(input, init);
      if (String(input).includes('action=post_task') && ++posts === 5) throw new TypeError('fetch failed: connection reset');
      return response;
    };
    const stopped = await runApplication(id, { db, api: client(losing) });
    expect(stopped.status).toBe('stopped');
    expect(stopped.nodes[4]!.state).toBe('attempting');
    expect(projectTasks().length - before.size).toBe(5);

    sim.control.resetStats();
    await runApplication(id, { db, api: client() });
    const { row } = await expectExactlyApplied(id, before);
    expect(row.nodes[4]!.adopted).toBe(true);
    expect(sim.control.stats().byAction).toEqual({ get_tasks: 1, post_task: 7 });
  });

  it('an interrupted attempt whose task was never created is created on Resume', async () => {
    const before = new Set(projectTasks().map((task) => task.id));
    const { id } = await plan();
    // The worker died between writing "attempting" and sending the call.
    await db.templateApplications.update(id, { nodes: (await db.templateApplications.get(id))!.nodes.map((node, index) => (index === 0 ? { ...node, state: 'attempting' as const } : node)) });
    await runApplication(id, { db, api: client() });
    await expectExactlyApplied(id, before);
  });

  it('does not adopt a same-titled task that existed before the application', async () => {
    const api = client();
    // Created the same minute: only the ids recorded before the first creation tell it apart.
    const existing = await api.postTask({ projectId, title: 'Launch <b>site</b>' });
    const before = new Set(projectTasks().map((task) => task.id));
    const { id } = await plan();
    await db.templateApplications.update(id, { nodes: (await db.templateApplications.get(id))!.nodes.map((node, index) => (index === 0 ? { ...node, state: 'attempting' as const } : node)) });
    await runApplication(id, { db, api });
    const { row } = await expectExactlyApplied(id, before);
    expect(row.nodes[0]!.taskId).not.toBe(existing.id);
  });

  it('Cancel keeps what was created, creates nothing more and says so', async () => {
    const before = new Set(projectTasks().map((task) => task.id));
    const { id } = await plan();
    const api = client();
    let calls = 0;
    const cancelling: TemplateApi = {
      getTasks: (...args) => api.getTasks(...args),
      postTask: async (input, options) => {
        const task = await api.postTask(input, options);
        if (++calls === 3) await cancelApplication(db, id);
        return task;
      },
    };
    const cancelled = await runApplication(id, { db, api: cancelling });
    expect(cancelled.status).toBe('cancelled');
    expect(progressOf(cancelled)).toEqual({ created: 3, total: 12 });
    expect(projectTasks().length - before.size).toBe(3);
    expect(describeOutcome(cancelled)).toBe('Cancelled: 3 of 12 tasks were created and kept; the other 9 were not created.');
    await expect(runApplication(id, { db, api })).rejects.toThrow(/already cancelled/);
  });
});

describe('journal wording', () => {
  it('a cancelled application names the task whose outcome is unknown', async () => {
    const { describeOutcome: describe_ } = await import('@/lib/templates/journal');
    const planned = (key: string, title: string) => ({ key, title, emailUserTo: 'NOONE', dateStart: '2025-03-14', dateEnd: '2025-03-14', todo: [] });
    const row = {
      id: 'x', origin: 'https://demo.worksection.com', projectId: '1', templateId: 't', templateName: 'T', startDate: '2025-03-14',
      startedAt: 0, updatedAt: 0, status: 'cancelled' as const, timeZone: 'UTC',
      nodes: [
        { planned: planned('0', 'Top'), state: 'created' as const, taskId: '5' },
        { planned: planned('0.0', 'Lost <b>one</b>'), state: 'attempting' as const },
        { planned: planned('0.1', 'Never'), state: 'planned' as const },
      ],
    };
    expect(describe_(row)).toBe(
      'Cancelled: 1 of 3 tasks were created and kept; “Lost <b>one</b>” may also have been created (its answer never came): check the project. The other 1 were not created.',
    );
    expect(describe_({ ...row, status: 'running' })).toBe('Interrupted after 1 of 3 tasks. Resume creates the rest without duplicates.');
    expect(describe_({ ...row, status: 'running' }, true)).toBe('Creating tasks: 1 of 3.');
  });
});

describe('a failed lookup', () => {
  it('keeps the unknown outcome, so the next Resume looks again instead of creating blindly', async () => {
    const sim = await startSimulator({ port: 0 });
    try {
      const { openDb: open } = await import('@/lib/db');
      const db = open(`lookup-${Math.random()}`);
      const data = sim.control.data();
      const projectId = data.projects[0]!.id;
      const client = new WorksectionClient({
        accountUrl: sim.origin, auth: { kind: 'admin', apiKey: sim.apiKey }, fetch: simulatorFetch(sim.port), minIntervalMs: 0, throttles: new ThrottleRegistry(), maxRetries: 0,
      });
      const { id } = await planApplication(db, {
        origin: sim.origin, projectId, template: twelveNodeTemplate(),
        expand: { startDate: '2025-03-14', calendar: { workDays: [1, 2, 3, 4, 5], holidays: [] }, roles: {}, teamEmails: [] }, timeZone: 'UTC',
      });
      await db.templateApplications.update(id, { preexisting: [], nodes: (await db.templateApplications.get(id))!.nodes.map((node, index) => (index === 0 ? { ...node, state: 'attempting' as const } : node)) });
      sim.control.addFault({ kind: 'error-envelope', action: 'get_tasks' });
      const stopped = await runApplication(id, { db, api: client });
      expect(stopped).toMatchObject({ status: 'stopped' });
      expect(stopped.nodes[0]!.state).toBe('attempting');
    } finally {
      await sim.close();
    }
  });
});
