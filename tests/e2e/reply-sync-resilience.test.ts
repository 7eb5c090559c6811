// Reply sync in the real extension: a service worker stopped mid-sync loses no
// state, and API faults show the sync-problem state and recover by themselves.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { SyncStatus, WaitingThread } from '../../lib/replies/protocol';
import type { Simulator } from '../simulator/index';
import { startConnectedSession, type ConnectedSession, type ExtensionBrowser, messenger } from './harness';

/** The extension API inside the extension page where these functions run. */
declare const chrome: { runtime: { sendMessage(message: unknown): Promise<any> } };

describe('reply sync resilience', () => {
  let session: ConnectedSession;
  let sim: Simulator;
  let browser: ExtensionBrowser;
  let extensionPage: Page;

  /** A message to the background, as the popup sends it. */
  const send = messenger(() => extensionPage);
  const queue = () => send<{ threads: WaitingThread[]; status: SyncStatus }>('replies/queue');
  const syncNow = () => send<SyncStatus>('sync/now');
  const waitingInSimulator = () => sim.control.data().waiting.map((thread) => thread.taskId).sort();
  const waitingInExtension = async () => (await queue()).threads.map((thread) => thread.taskId).sort();

  beforeAll(async () => {
    session = await startConnectedSession();
    ({ sim, browser } = session);
    expect(session.outcome).toMatch(/^Connected to /);
    extensionPage = await browser.extensionPage('popup.html');
  });

  afterAll(() => session?.close());

  it('the first sync found exactly the threads the simulator has waiting', async () => {
    // Connecting started the first sync.
    await expect.poll(async () => (await queue()).status.phase, { timeout: 60_000 }).toBe('ok');
    expect(waitingInSimulator().length).toBeGreaterThan(2);
    expect(await waitingInExtension()).toEqual(waitingInSimulator());
  });

  it('stopping the service worker mid-sync loses nothing: the next sync completes the work', async () => {
    const data = sim.control.data();
    const clientTeams = new Set(data.groups.filter((group) => group.client === 1).map((group) => group.title));
    const client = data.users.find((user) => clientTeams.has(user.group))!;
    const waiting = new Set(waitingInSimulator());
    const quiet = data.projects
      .flatMap((project) => sim.control.tasks(project.id))
      .filter((task) => !waiting.has(task.id))
      .slice(0, 3);
    for (const task of quiet) sim.control.addComment({ taskId: task.id, userEmail: client.email, text: `Any news on ${task.name}?` });

    sim.control.resetStats();
    sim.control.addFault({ kind: 'delay', action: 'get_comments', delayMs: 4000, times: 3 });
    // Fire and forget: the worker is stopped while this sync waits on get_comments.
    await extensionPage.evaluate(() => void chrome.runtime.sendMessage({ type: 'sync/now', request: {} }).catch(() => {}));
    await expect.poll(() => sim.control.stats().byAction.get_comments ?? 0, { timeout: 30_000 }).toBeGreaterThan(0);
    // Marks this worker instance: a restarted worker starts with a fresh global.
    await (await browser.serviceWorker()).evaluate(() => Object.assign(globalThis, { beforeStop: true }));
    const cdp = await browser.context.newCDPSession(extensionPage);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    sim.control.clearFaults();

    // A new message wakes a new worker; its sync starts from what Dexie holds.
    expect((await syncNow()).phase).toBe('ok');
    const worker = await browser.serviceWorker();
    expect(await worker.evaluate(() => 'beforeStop' in globalThis)).toBe(false);
    const after = await waitingInExtension();
    expect(after).toEqual(waitingInSimulator());
    for (const task of quiet) expect(after).toContain(task.id);
  });

  it.each([
    ['an error envelope', { kind: 'error-envelope' as const }],
    ['HTTP 500', { kind: 'http-500' as const }],
    ['rate-limit answers', { kind: 'rate-limit' as const, delayMs: 1000 }],
  ])('%s on every poll show the sync problem with its cause, then recover by themselves', async (_name, fault) => {
    sim.control.addFault({ ...fault, action: 'get_events', times: 100 });
    const failed = await syncNow();
    expect(failed.phase).toBe('problem');
    expect(failed.problem?.message).toMatch(/\S/);
    expect((await queue()).status).toMatchObject({ phase: 'problem', problem: { message: failed.problem!.message } });

    sim.control.clearFaults();
    // The alarm's next poll (here asked for at once) recovers without user action.
    expect((await syncNow()).phase).toBe('ok');
    expect((await queue()).status.problem).toBeUndefined();
  });
});
