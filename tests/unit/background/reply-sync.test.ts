import 'fake-indexeddb/auto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type AccountDeskDb } from '@/lib/db';
import { CURSOR_KEY, eventPeriod, recomputeThreads, rereadThread, syncReplies, type SyncCursor } from '@/lib/background/replies/sync';
import { defaultSettings } from '@/lib/settings';
import { ThrottleRegistry, WorksectionClient } from '@/lib/worksection';
import { malformedReply } from '@/lib/worksection/errors';
import { startSimulator, type Simulator } from '../../simulator';
import { simulatorFetch } from '../../support/simulator-fetch';

// The sync engine against the simulator's real API, with Dexie on fake-indexeddb.
describe('reply sync against the simulator', () => {
  let sim: Simulator;
  let db: AccountDeskDb;
  let client: WorksectionClient;
  const settings = defaultSettings('UTC');
  const simNow = () => new Date(sim.control.clock().now).getTime();
  const sync = (signal?: AbortSignal) => syncReplies({ client, db, settings, now: simNow, signal });

  beforeAll(async () => {
    sim = await startSimulator({ port: 0 });
  });
  afterAll(() => sim.close());

  beforeEach(async () => {
    sim.control.reset({ frozen: true });
    db = openDb(`sync-${Math.random()}`);
    // Pacing is the throttle's own tests' business: none here.
    client = new WorksectionClient({
      accountUrl: sim.origin,
      auth: { kind: 'admin', apiKey: sim.apiKey },
      fetch: simulatorFetch(sim.port),
      minIntervalMs: 0,
      throttles: new ThrottleRegistry(),
      maxRetries: 0,
    });
  });

  const waitingIds = async () => (await db.threads.where('waiting').equals(1).primaryKeys()).sort();
  const expectedWaiting = () => sim.control.data().waiting.map((thread) => thread.taskId).sort();
  const clientEmail = () => {
    const data = sim.control.data();
    const clientTeams = new Set(data.groups.filter((group) => group.client === 1).map((group) => group.title));
    return data.users.find((user) => clientTeams.has(user.group))!.email;
  };
  const ownerEmail = () => sim.control.data().users.find((user) => user.role.toLowerCase() === 'owner')!.email;

  it('a first sync finds exactly the threads waiting for a reply, in few calls', async () => {
    sim.control.resetStats();
    expect(await sync()).toMatchObject({ kind: 'full' });
    expect(expectedWaiting().length).toBeGreaterThan(2);
    expect(await waitingIds()).toEqual(expectedWaiting());
    const stats = sim.control.stats();
    expect(stats.byAction.get_all_tasks).toBe(1);
    expect(stats.total).toBeLessThan(12);
    const waiting = await db.threads.where('waiting').equals(1).first();
    expect(waiting?.waitingClient?.name).toBeTruthy();
    expect(await db.episodes.count()).toBeGreaterThan(0);
  });

  it('a reply sent from this browser: re-reading its thread is one call and clears the wait at once, no poll needed', async () => {
    await sync();
    const waiting = (await db.threads.where('waiting').equals(1).first())!;
    sim.control.addComment({ taskId: waiting.taskId, userEmail: ownerEmail(), text: 'Answered from the task page.' });
    sim.control.resetStats();
    expect(await rereadThread({ client, db, settings, now: simNow }, waiting.taskId)).toEqual({ waiting: false });
    expect(sim.control.stats()).toMatchObject({ total: 1, byAction: { get_comments: 1 } });
    expect((await db.threads.get(waiting.taskId))?.waiting).toBe(0);
    // A task the sync has not stored yet is read with its comments: two calls.
    await db.threads.delete(waiting.taskId);
    sim.control.resetStats();
    expect(await rereadThread({ client, db, settings, now: simNow }, waiting.taskId)).toEqual({ waiting: false });
    expect(sim.control.stats()).toMatchObject({ total: 2, byAction: { get_task: 1, get_comments: 1 } });
  });

  it('a steady-state poll is one call; a new client comment and a team reply each show within one poll', async () => {
    await sync();
    sim.control.setClock({ advanceMinutes: 1 });
    sim.control.resetStats();
    expect(await sync()).toEqual({ kind: 'incremental', touched: 0 });
    expect(sim.control.stats()).toMatchObject({ total: 1, byAction: { get_events: 1 } });

    const quiet = (await db.threads.filter((thread) => thread.clientThread === 1 && thread.waiting === 0).first())!;
    sim.control.addComment({ taskId: quiet.taskId, userEmail: clientEmail(), text: 'Any news <b>here</b>?' });
    sim.control.setClock({ advanceMinutes: 1 });
    sim.control.resetStats();
    await sync();
    expect(sim.control.stats().byAction).toEqual({ get_events: 1, get_comments: 1 });
    expect((await db.threads.get(quiet.taskId))?.waiting).toBe(1);

    sim.control.addComment({ taskId: quiet.taskId, userEmail: ownerEmail(), text: 'On it, details by noon.' });
    sim.control.setClock({ advanceMinutes: 1 });
    await sync();
    expect((await db.threads.get(quiet.taskId))?.waiting).toBe(0);
    expect(await waitingIds()).toEqual(expectedWaiting());
    const episodes = await db.episodes.where('taskId').equals(quiet.taskId).toArray();
    expect(episodes.at(-1)).toMatchObject({ replier: { email: ownerEmail() }, calendarMinutes: 1 });
  });

  it('unknown event kinds and odd fields in the feed are counted, the cursor moves on, and a team reply still clears the wait', async () => {
    const findings: Array<{ unknown: Array<{ kind: string }>; skipped: Array<{ kind: string }> }> = [];
    client = new WorksectionClient({
      accountUrl: sim.origin,
      auth: { kind: 'admin', apiKey: sim.apiKey },
      fetch: simulatorFetch(sim.port),
      minIntervalMs: 0,
      throttles: new ThrottleRegistry(),
      maxRetries: 0,
      onFeedFindings: (found) => findings.push(found),
    });
    await sync();
    const waiting = (await db.threads.where('waiting').equals(1).first())!;
    const other = (await db.threads.filter((thread) => thread.taskId !== waiting.taskId).first())!;
    sim.control.addOddEvent({ taskId: other.taskId }); // start/timer
    sim.control.addOddEvent({ taskId: other.taskId, action: 'archive', objectType: 'task', extraFields: { source: 'mobile' } });
    sim.control.addOddEvent({ taskId: other.taskId, action: 'post', objectType: 'comment', drop: ['user_from'] });
    sim.control.addOddEvent({ taskId: other.taskId, drop: ['object.id'] });
    sim.control.addComment({ taskId: waiting.taskId, userEmail: ownerEmail(), text: 'Answered.' });
    sim.control.setClock({ advanceMinutes: 1 });
    expect(await sync()).toMatchObject({ kind: 'incremental' });
    expect((await db.threads.get(waiting.taskId))?.waiting).toBe(0);
    const cursor = (await db.state.get(CURSOR_KEY))?.value as SyncCursor;
    expect(cursor.lastPollAt).toBe(simNow());
    expect(findings.flatMap((found) => found.unknown.map((entry) => entry.kind)).sort()).toEqual([
      'event archive/task',
      'event post/comment with user_from not object',
      'event start/timer',
    ]);
    expect(findings.flatMap((found) => found.skipped.map((entry) => entry.kind))).toEqual(['get_events: event without action, object.type or object.id']);
    // The next poll carries on (the odd events are in its overlap) and applies nothing twice.
    sim.control.resetStats();
    await sync();
    expect(sim.control.stats().byAction).toEqual({ get_events: 1 });
  });

  it('a task whose reply is malformed does not stop the poll: the others are applied and the cursor moves on', async () => {
    await sync();
    const waiting = (await db.threads.where('waiting').equals(1).first())!;
    const odd = (await db.threads.filter((thread) => thread.taskId !== waiting.taskId && thread.clientThread === 1).first())!;
    sim.control.addComment({ taskId: waiting.taskId, userEmail: ownerEmail(), text: 'Answered.' });
    sim.control.addOddEvent({ taskId: odd.taskId, action: 'update', objectType: 'task' }); // makes the task re-read
    const real = client;
    client = Object.create(real) as WorksectionClient;
    client.getTask = async (taskId, options) => {
      if (taskId === odd.taskId) throw malformedReply('get_task', 'data.name: expected string, got nothing');
      return real.getTask(taskId, options);
    };
    sim.control.setClock({ advanceMinutes: 1 });
    expect(await sync()).toMatchObject({ kind: 'incremental' });
    expect((await db.threads.get(waiting.taskId))?.waiting).toBe(0);
    expect(await db.threads.get(odd.taskId)).toEqual({ ...odd, commentsSyncedAt: expect.any(Number) }); // kept, its comments read again
    expect(((await db.state.get(CURSOR_KEY))?.value as SyncCursor).lastPollAt).toBe(simNow());
  });

  it('events seen in the overlap are not applied twice', async () => {
    await sync();
    const quiet = (await db.threads.filter((thread) => thread.clientThread === 1 && thread.waiting === 0).first())!;
    sim.control.addComment({ taskId: quiet.taskId, userEmail: clientEmail(), text: 'Hello?' });
    await sync();
    sim.control.resetStats();
    await sync(); // same minute: the event is still in the window, already applied
    expect(sim.control.stats().byAction).toEqual({ get_events: 1 });
  });

  it('after two hours offline one poll catches up with nothing missed', async () => {
    await sync();
    const candidates = await db.threads.filter((thread) => thread.clientThread === 1 && thread.waiting === 0).limit(2).toArray();
    const waitingBefore = await waitingIds();
    sim.control.setClock({ advanceMinutes: 30 });
    sim.control.addComment({ taskId: candidates[0]!.taskId, userEmail: clientEmail(), text: 'First question' });
    sim.control.setClock({ advanceMinutes: 60 });
    sim.control.addComment({ taskId: candidates[1]!.taskId, userEmail: clientEmail(), text: 'Second question' });
    sim.control.addComment({ taskId: waitingBefore[0]!, userEmail: ownerEmail(), text: 'Answered.' });
    sim.control.setClock({ advanceMinutes: 30 });
    sim.control.resetStats();
    await sync();
    expect(sim.control.stats().byAction.get_events).toBe(1);
    expect(await waitingIds()).toEqual(expectedWaiting());
    expect(await waitingIds()).toEqual(expect.arrayContaining([candidates[0]!.taskId, candidates[1]!.taskId]));
    expect(await waitingIds()).not.toContain(waitingBefore[0]);
  });

  it('a sync stopped half-way leaves the cursor where it was, and the next one finishes the work', async () => {
    await sync();
    const cursorBefore = (await db.state.get(CURSOR_KEY))!.value as SyncCursor;
    const quiet = await db.threads.filter((thread) => thread.clientThread === 1 && thread.waiting === 0).limit(3).toArray();
    sim.control.setClock({ advanceMinutes: 2 });
    for (const thread of quiet) sim.control.addComment({ taskId: thread.taskId, userEmail: clientEmail(), text: 'Ping' });
    // The second get_comments fails for good: the sync stops there.
    sim.control.addFault({ kind: 'http-500', action: 'get_comments', afterCalls: 1, times: 1 });
    await expect(sync()).rejects.toMatchObject({ kind: 'http' });
    expect(((await db.state.get(CURSOR_KEY))!.value as SyncCursor).lastPollAt).toBe(cursorBefore.lastPollAt);
    await sync();
    expect(await waitingIds()).toEqual(expectedWaiting());
    for (const thread of quiet) expect((await db.threads.get(thread.taskId))?.waiting).toBe(1);
  });

  it('recomputes every thread from stored comments when who counts as a client changes, without the API', async () => {
    await sync();
    const before = await waitingIds();
    // A team member who answers clients; listed as a client, their comments stop being replies.
    const replier = (await db.episodes.toArray())[0]!.replier.email;
    sim.control.resetStats();
    const changed = { ...settings, clients: { ...settings.clients, emails: [replier] } };
    expect(await recomputeThreads(db, changed)).toBe(await db.threads.count());
    expect(sim.control.stats().total).toBe(0);
    expect((await waitingIds()).length).toBeGreaterThan(before.length);
    expect(await db.episodes.filter((episode) => episode.replier.email === replier).count()).toBe(0);

    await recomputeThreads(db, settings);
    expect(await waitingIds()).toEqual(before);
  });

  it('picks the smallest get_events period that covers the gap', () => {
    expect([eventPeriod(0.2), eventPeriod(4), eventPeriod(360), eventPeriod(361), eventPeriod(72 * 60 + 1), eventPeriod(90 * 1440)]).toEqual([
      '1m', '4m', '360m', '7h', '4d', '30d',
    ]);
  });
});
