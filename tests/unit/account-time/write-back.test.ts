import 'fake-indexeddb/auto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type AccountDeskDb } from '@/lib/db';
import { dismissRefused, refusedEntries, retryRefused, writeBack, writeBackDays } from '@/lib/background/account-time/write-back';
import { threadDays, writeBackMarker } from '@/lib/account-time/write-back';
import type { Session } from '@/lib/account-time/types';
import { ThrottleRegistry, WorksectionClient } from '@/lib/worksection';
import { startSimulator, type Simulator } from '../../simulator';
import { simulatorFetch } from '../../support/simulator-fetch';

const MIN = 60_000;

describe('threadDays', () => {
  it('splits a session across midnight between its days, per thread', () => {
    const days = [
      { date: '2025-03-10', from: 0, to: 100 },
      { date: '2025-03-11', from: 100, to: 200 },
    ];
    const rows = threadDays(
      [
        { taskId: '1', projectId: '7', start: 90, end: 130 },
        { taskId: '2', projectId: '7', start: 150, end: 160 },
      ],
      days,
    );
    expect(rows).toEqual([
      { taskId: '1', projectId: '7', date: '2025-03-10', ms: 10 },
      { taskId: '1', projectId: '7', date: '2025-03-11', ms: 30 },
      { taskId: '2', projectId: '7', date: '2025-03-11', ms: 10 },
    ]);
  });
});

// Write-back against the simulator's API with Dexie on fake-indexeddb.
describe('write-back', () => {
  let sim: Simulator;
  let db: AccountDeskDb;
  let client: WorksectionClient;
  let timeZone: string;
  let email: string;
  let tasks: Array<{ id: string; projectId: string }>;
  const simNow = () => new Date(sim.control.clock().now).getTime();

  beforeAll(async () => {
    sim = await startSimulator({ port: 0 });
  });
  afterAll(() => sim.close());

  beforeEach(async () => {
    sim.control.reset({ frozen: true });
    db = openDb(`write-back-${Math.random()}`);
    client = new WorksectionClient({
      accountUrl: sim.origin,
      auth: { kind: 'admin', apiKey: sim.apiKey },
      fetch: simulatorFetch(sim.port),
      minIntervalMs: 0,
      throttles: new ThrottleRegistry(),
      maxRetries: 0,
    });
    const data = sim.control.data();
    timeZone = data.account.timeZone;
    email = data.users.find((user) => user.role.toLowerCase() === 'owner')!.email;
    const project = data.projects[0]!;
    tasks = sim.control.tasks(project.id).filter((task) => task.level === 0).slice(0, 2).map((task) => ({ id: task.id, projectId: project.id }));
    // Two threads on each of the last two finished days: four costs to write.
    const days = writeBackDays(simNow(), timeZone).slice(-2);
    const rows: Session[] = [];
    for (const day of days) {
      for (const [index, task] of tasks.entries()) {
        const start = day.from + (10 + index) * 3600_000;
        rows.push({ start, end: start + (15 + index) * MIN, open: 0, taskId: task.id, projectId: task.projectId, lastActivityAt: start, tabId: 1, focusedAt: start });
      }
    }
    await db.sessions.bulkAdd(rows);
  });

  const run = (using = client) => writeBack({ db, client: using, timeZone, now: simNow(), emailUserFrom: email, origin: sim.origin, connectedAt: 0 });
  const written = () =>
    sim.control
      .costs()
      .filter((cost) => cost.comment.includes('[account-desk:'))
      .map((cost) => `${cost.taskId} ${cost.date} ${cost.minutes} ${cost.user.email}`)
      .sort();
  const expected = () => {
    const days = writeBackDays(simNow(), timeZone).slice(-2);
    return days.flatMap((day) => tasks.map((task, index) => `${task.id} ${day.date} ${15 + index} ${email}`)).sort();
  };

  it('writes one cost per thread and finished day, as the connected user, with the marker in the comment', async () => {
    expect(await run()).toEqual({ sent: 4, recovered: 0, skipped: 0, refused: 0 });
    expect(written()).toEqual(expected());
    const journal = await db.writeBack.toArray();
    expect(journal.every((entry) => entry.status === 'sent' && entry.costId)).toBe(true);
    expect(sim.control.costs().find((cost) => cost.comment.includes(writeBackMarker(tasks[0]!.id, journal[0]!.date)))).toBeDefined();
    // A second batch sends nothing again.
    expect(await run()).toEqual({ sent: 0, recovered: 0, skipped: 4, refused: 0 });
    expect(written()).toEqual(expected());
  });

  it("journals per account: another account's entry for the same task id and day stops nothing here; an older row of this account does", async () => {
    const last = writeBackDays(simNow(), timeZone).at(-1)!;
    // Rows journaled before keys carried the account ("taskId|date").
    const legacy = (taskId: string, origin: string) => ({
      key: `${taskId}|${last.date}`, taskId, projectId: tasks[0]!.projectId, date: last.date, minutes: 5, comment: 'x', status: 'sent' as const, costId: '1', attemptedAt: 1, sentAt: 1, origin,
    });
    await db.writeBack.bulkPut([legacy(tasks[0]!.id, 'https://other.worksection.com'), legacy(tasks[1]!.id, sim.origin)]);
    expect(await run()).toEqual({ sent: 3, recovered: 0, skipped: 1, refused: 0 });
    expect(written()).toEqual(expected().filter((line) => line !== `${tasks[1]!.id} ${last.date} 16 ${email}`));
    // The other account's row is left as it was.
    expect(await db.writeBack.get(`${tasks[0]!.id}|${last.date}`)).toMatchObject({ origin: 'https://other.worksection.com', minutes: 5 });
    expect(await run()).toEqual({ sent: 0, recovered: 0, skipped: 4, refused: 0 });
  });

  it.each([0, 1, 2, 3])('a crash right after add_costs call %i creates nothing twice', async (crashAt) => {
    // The call reaches Worksection, then the worker dies before the journal says "sent".
    let calls = 0;
    const crashing = Object.create(client) as WorksectionClient;
    crashing.addCosts = async (...args: Parameters<WorksectionClient['addCosts']>) => {
      const result = await client.addCosts(...args);
      if (calls++ === crashAt) throw new Error('worker stopped after add_costs');
      return result;
    };
    await expect(run(crashing)).rejects.toThrow('worker stopped after add_costs');
    expect(await db.writeBack.where('status').equals('pending').count()).toBe(1);

    const outcome = await run();
    expect(outcome).toEqual({ sent: 3 - crashAt, recovered: 1, skipped: crashAt, refused: 0 });
    expect(written()).toEqual(expected());
    expect(await db.writeBack.where('status').equals('sent').count()).toBe(4);
  });

  it.each([0, 1, 2, 3])('a failed add_costs call %i (Worksection answered 500) is sent again, once', async (failAt) => {
    sim.control.addFault({ kind: 'http-500', action: 'add_costs', afterCalls: failAt, times: 1 });
    await expect(run()).rejects.toThrow();
    expect(await run()).toMatchObject({ sent: 4 - failAt });
    expect(written()).toEqual(expected());
  });

  it('a refused entry (task deleted) keeps its reason and the other entries are written; Retry and Dismiss', async () => {
    sim.control.deleteTask(tasks[0]!.id);
    expect(await run()).toEqual({ sent: 2, recovered: 0, skipped: 0, refused: 2 });
    expect(written()).toEqual(expected().filter((line) => !line.startsWith(`${tasks[0]!.id} `)));
    const refused = await refusedEntries(db);
    expect(refused.map((entry) => [entry.taskId, entry.status, entry.refusal?.kind])).toEqual([
      [tasks[0]!.id, 'refused', 'task-deleted'],
      [tasks[0]!.id, 'refused', 'task-deleted'],
    ]);
    expect(refused[0]!.refusal?.message).toContain('Task is invalid');
    // The next batch does not knock on the same door again.
    sim.control.resetStats();
    expect(await run()).toEqual({ sent: 0, recovered: 0, skipped: 4, refused: 0 });
    expect(sim.control.stats().byAction.add_costs).toBeUndefined();
    // Dismiss keeps it local for good; Retry sends it again (and it is refused again: still deleted).
    await dismissRefused(db, refused[0]!.key);
    await retryRefused(db, refused[1]!.key);
    expect(await run()).toMatchObject({ sent: 0, refused: 1 });
    expect((await db.writeBack.get(refused[0]!.key))?.status).toBe('dismissed');
    expect((await db.writeBack.get(refused[1]!.key))?.status).toBe('refused');
  });

  it.each([
    ['timer_only', 'timer-only'],
    ['time_today', 'today-only'],
  ] as const)('a project with %s refuses past days: the entries say so', async (option, kind) => {
    sim.control.setProjectOptions(tasks[0]!.projectId, { [option]: 1 });
    expect(await run()).toEqual({ sent: 0, recovered: 0, skipped: 0, refused: 4 });
    expect(written()).toEqual([]);
    expect((await refusedEntries(db)).map((entry) => entry.refusal?.kind)).toEqual([kind, kind, kind, kind]);
  });

  it("never writes another account's time, nor time recorded before this connection without an account", async () => {
    await db.sessions.toCollection().modify((session) => {
      if (session.taskId === tasks[0]!.id) session.origin = 'https://other.worksection.com';
    });
    const connectedAt = simNow() - 3600_000; // the untagged rows (the other task) are older than this connection
    await db.sessions.toCollection().modify((session) => {
      if (session.taskId === tasks[1]!.id) delete session.origin;
    });
    const outcome = await writeBack({ db, client, timeZone, now: simNow(), emailUserFrom: email, origin: sim.origin, connectedAt });
    expect(outcome).toEqual({ sent: 0, recovered: 0, skipped: 0, refused: 0 });
    expect(written()).toEqual([]);

    // An untagged row about a thread reply sync stored for this account is this account's.
    await db.threads.put({ taskId: tasks[1]!.id, projectId: tasks[1]!.projectId, projectName: '', taskName: 'x', page: '/', status: 'active', clientThread: 1, waiting: 0 });
    expect(await writeBack({ db, client, timeZone, now: simNow(), emailUserFrom: email, origin: sim.origin, connectedAt })).toMatchObject({ sent: 0 });
    await db.state.put({ key: 'replies.account', value: sim.origin });
    expect(await writeBack({ db, client, timeZone, now: simNow(), emailUserFrom: email, origin: sim.origin, connectedAt })).toMatchObject({ sent: 2 });

    // Tagged with this account: written.
    await db.sessions.toCollection().modify((session) => {
      session.origin = sim.origin;
    });
    expect(await run()).toMatchObject({ sent: 2 });
    expect((await db.writeBack.toArray()).every((entry) => entry.origin === sim.origin)).toBe(true);
    expect(written()).toEqual(expected());
  });
});
