// The seeded demo agency: the shape the e2e tests and the demo rely on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator, type TaskTreeView } from '../../simulator/index.ts';
import { seedDemoAccount } from '../../simulator/seed.ts';
import { admin } from './helpers.ts';

const NOW = new Date('2025-03-12T10:30:00Z');
const DAY = 86_400_000;
let sim: Simulator;
let all: TaskTreeView[];

beforeAll(async () => {
  sim = await startSimulator({ port: 0, now: NOW });
  sim.control.setClock({ frozen: true });
  all = sim.control.tasks().flatMap(function flat(task): TaskTreeView[] { return [task, ...task.children.flatMap(flat)]; });
});

afterAll(async () => {
  await sim?.close();
});

const at = (accountTime: string) => Date.parse(`${accountTime.replace(' ', 'T')}:00Z`);

describe('people', () => {
  it('has an agency team and at least three client teams of one to three users', () => {
    const data = sim.control.data();
    const clientTeams = data.groups.filter((group) => group.client === 1);
    expect(clientTeams.length).toBeGreaterThanOrEqual(3);
    for (const team of clientTeams) {
      const members = data.users.filter((user) => user.group === team.title);
      expect(members.length, team.title).toBeGreaterThanOrEqual(1);
      expect(members.length, team.title).toBeLessThanOrEqual(3);
    }
    const team = data.users.filter((user) => !user.client);
    expect(team.length).toBeGreaterThanOrEqual(7);
    expect(team.length).toBeLessThanOrEqual(10);
    expect(team.filter((user) => user.role === 'Owner')).toHaveLength(1);
    expect(data.users.some((user) => user.client && /^(\d+)@\1\.worksection\.com$/.test(user.email))).toBe(true);
    expect(data.groups.filter((group) => group.client === 0).map((group) => group.title)).toContain('Sreda Digital');
  });
});

describe('projects and tasks', () => {
  it('has six projects: one or two per client and an internal one', () => {
    const { projects, groups } = sim.control.data();
    expect(projects).toHaveLength(6);
    expect(projects.every((project) => Number(project.id) >= 1000)).toBe(true);
    expect(projects.filter((project) => project.clientGroup === null)).toHaveLength(1);
    for (const team of groups.filter((group) => group.client === 1)) {
      const own = projects.filter((project) => project.clientGroup === team.title).length;
      expect(own, team.title).toBeGreaterThanOrEqual(1);
      expect(own, team.title).toBeLessThanOrEqual(2);
    }
  });

  it('has at least 150 tasks with subtasks on two levels, ids ≥ 100000', () => {
    expect(all.length).toBeGreaterThanOrEqual(150);
    expect(all.every((task) => Number(task.id) >= 100000)).toBe(true);
    expect(all.filter((task) => task.level === 1).length).toBeGreaterThan(40);
    expect(all.filter((task) => task.level === 2).length).toBeGreaterThan(5);
    expect(all.every((task) => task.level <= 2)).toBe(true);
  });

  it('has closed tasks, never with an open subtask', () => {
    const closed = all.filter((task) => task.status === 'done');
    expect(closed.length).toBeGreaterThan(30);
    for (const task of closed) {
      expect(task.dateClosed, task.name).not.toBeNull();
      expect(task.children.every((child) => child.status === 'done'), task.name).toBe(true);
      expect(at(task.dateClosed!)).toBeLessThanOrEqual(NOW.getTime());
    }
  });

  it('names tasks like a digital agency', () => {
    const names = all.map((task) => task.name).join('\n');
    for (const word of ['SEO audit', 'Landing page', 'Ad campaign', 'Monthly', 'Invoice']) expect(names).toContain(word);
  });

  it('includes hostile HTML in one task name and one client comment', () => {
    const hostileTask = all.find((task) => task.name.includes('<img src=x onerror=alert(1)>'));
    expect(hostileTask).toBeDefined();
    const comments = all.flatMap((task) => sim.control.comments(task.id));
    const hostile = comments.find((comment) => comment.text.includes('<script>'));
    expect(hostile?.author.client).toBe(true);
  });
});

describe('comment threads', () => {
  it('mix client and team comments over the last 60 days', () => {
    const threads = all.map((task) => sim.control.comments(task.id)).filter((thread) => thread.length > 0);
    expect(threads.length).toBeGreaterThan(40);
    const comments = threads.flat();
    expect(comments.every((comment) => at(comment.date) >= NOW.getTime() - 60 * DAY - 60_000 && at(comment.date) <= NOW.getTime())).toBe(true);
    expect(threads.filter((thread) => thread.some((c) => c.author.client) && thread.some((c) => !c.author.client)).length).toBeGreaterThan(20);
  });

  it('has threads waiting for a reply right now, 5 minutes to 2 days old', () => {
    const waiting = sim.control.data().waiting;
    const minutes = waiting.map((thread) => thread.minutes).sort((a, b) => a - b);
    expect(minutes).toEqual(expect.arrayContaining([5, 12, 20, 45, 180, 2880]));
    // One thread has two unanswered client comments: it waits since the older one.
    expect(waiting.some((thread) => thread.clientCommentIds.length >= 2)).toBe(true);
    // Waiting threads are open tasks in client projects, on every level.
    const tasks = waiting.map((thread) => all.find((task) => task.id === thread.taskId)!);
    expect(tasks.every((task) => task.status === 'active')).toBe(true);
    expect(new Set(tasks.map((task) => task.level))).toEqual(new Set([0, 1, 2]));
  });
});

describe('time costs', () => {
  it('are on every project, spread over the last six months, never in the future', () => {
    const today = '2025-03-12';
    for (const project of sim.control.data().projects) {
      const costs = sim.control.costs({ projectId: project.id });
      expect(costs.length, project.name).toBeGreaterThan(15);
      const months = new Set(costs.map((cost) => cost.date.slice(0, 7)));
      expect(months.size, project.name).toBeGreaterThanOrEqual(5);
      expect(costs.every((cost) => cost.date <= today && cost.date >= '2024-10-01')).toBe(true);
      expect(costs.every((cost) => !cost.user.client)).toBe(true);
    }
  });
});

describe('the event log', () => {
  it('has a post event for every comment in the last 30 days, and task posts and closes', async () => {
    const events = (await admin(sim, [['action', 'get_events'], ['period', '30d']])).data as any[];
    const commentIds = new Set(events.filter((event) => event.object.type === 'comment').map((event) => event.object.id));
    const recent = all.flatMap((task) => sim.control.comments(task.id)).filter((comment) => at(comment.date) > NOW.getTime() - 30 * DAY);
    expect(recent.length).toBeGreaterThan(20);
    for (const comment of recent) expect(commentIds.has(comment.id), comment.id).toBe(true);
    expect(events.some((event) => event.action === 'post' && event.object.type === 'task')).toBe(true);
    expect(events.some((event) => event.action === 'close')).toBe(true);
  });
});

describe('determinism', () => {
  const snapshot = (seed: number) => {
    const store = seedDemoAccount({ now: NOW, seed, timeZone: 'UTC', subdomain: 'demo' });
    return JSON.stringify({ tasks: [...store.tasks.values()], comments: store.comments, costs: store.costs, events: store.events });
  };

  it('gives the same account for the same seed and clock start, another for another seed', () => {
    expect(snapshot(1)).toBe(snapshot(1));
    expect(snapshot(2)).not.toBe(snapshot(1));
  });

  it('keeps the shape for other seeds and time zones', () => {
    for (const seed of [2, 3, 99]) {
      const store = seedDemoAccount({ now: NOW, seed, timeZone: 'America/New_York', subdomain: 'demo' });
      expect(store.tasks.size).toBeGreaterThanOrEqual(150);
      expect(store.comments.some((comment) => comment.body.includes('<script>'))).toBe(true);
      for (const project of store.projects) {
        const ids = new Set([...store.tasks.values()].filter((task) => task.projectId === project.id).map((task) => task.id));
        expect(store.costs.some((cost) => ids.has(cost.taskId))).toBe(true);
      }
    }
  });
});
