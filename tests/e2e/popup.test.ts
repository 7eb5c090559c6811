// The toolbar popup: connection state, the first sync's progress, the queue of
// waiting client threads (most urgent first, each opening its thread at the
// client's comment), the sync problem state with its cause, and the empty queue.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Simulator } from '../simulator/index';
import { connectThroughOptions, startConnectedSession, type ConnectedSession, type ExtensionBrowser } from './harness';
import { flatten } from '../support/seed-tools';

const MINUTE = 60_000;
const WAIT_MS = 30_000;
/** A failing sync retries with backoff (about 15 s for four retries) before it gives up. */
const FAILING_SYNC_MS = 60_000;

describe('popup', () => {
  let session: ConnectedSession;
  let sim: Simulator;
  let browser: ExtensionBrowser;
  let popup: Page;

  const toolbarCount = async () =>
    (await browser.serviceWorker()).evaluate(() =>
      (globalThis as unknown as { chrome: { action: { getBadgeText(details: object): Promise<string> } } }).chrome.action.getBadgeText({}),
    );
  const syncState = () => popup.locator('#sync-state');
  const syncButton = () => popup.getByRole('button', { name: 'Sync now', exact: true });
  const queueItems = () => popup.locator('ol.threads > li');

  beforeAll(async () => {
    session = await startConnectedSession({ connect: false });
    ({ sim, browser } = session);
  });

  afterAll(() => session?.close());

  it('says how to start when no account is connected', async () => {
    popup = await browser.extensionPage('popup.html');
    await popup.getByText('Connect Account Desk to your Worksection account to start.', { exact: true }).waitFor();
    expect(await popup.locator('.queue').count()).toBe(0);
    expect(await popup.getByRole('button', { name: 'Open settings' }).count()).toBe(1);
    await popup.close();
  });

  it('shows the first sync running, with its progress, and no premature "nobody waits"', async () => {
    // Five client comments in a row: the first sync must read that thread's whole comment list.
    const data = sim.control.data();
    const waitingIds = new Set(data.waiting.map((thread) => thread.taskId));
    const clientProject = data.projects.find((project) => project.clientGroup !== null)!;
    const quiet = flatten(sim.control.tasks(clientProject.id)).find(
      (task) => task.level === 0 && task.status === 'active' && !waitingIds.has(task.id),
    )!;
    const client = data.users.find((user) => user.client && user.group === clientProject.clientGroup)!;
    for (let ago = 100; ago > 95; ago--) {
      sim.control.setClock({ now: new Date(Date.now() - ago * MINUTE) });
      sim.control.addComment({ taskId: quiet.id, userEmail: client.email, text: `Reminder ${101 - ago}` });
    }
    sim.control.setClock({ now: new Date() });
    // Slow answers keep the first sync running long enough to be seen.
    sim.control.addFault({ kind: 'delay', action: 'get_all_tasks', delayMs: 4000 });
    sim.control.addFault({ kind: 'delay', action: 'get_comments', delayMs: 4000 });

    expect(await connectThroughOptions(browser, { accountUrl: sim.origin, apiKey: sim.apiKey })).toMatch(/^Connected to /);
    popup = await browser.extensionPage('popup.html');
    await popup.getByRole('status').filter({ hasText: /^Connected to demo\.worksection\.com/ }).waitFor();
    await syncState().getByText(/^Syncing…/).waitFor({ timeout: WAIT_MS });
    expect(await syncButton().isDisabled()).toBe(true);
    await syncState().getByText('Syncing… 0 of 1', { exact: true }).waitFor({ timeout: WAIT_MS });
    expect(await popup.getByText('No client is waiting').count()).toBe(0);

    await syncState().getByText(/^Synced at /).waitFor({ timeout: WAIT_MS });
    expect(await syncButton().isEnabled()).toBe(true);
    sim.control.clearFaults();
  });

  it('lists the waiting threads most urgent first, each with wait, task, project and client', async () => {
    const data = sim.control.data();
    // Every state follows the wait here, so the most urgent is the longest wait.
    const expected = [...data.waiting].sort((a, b) => b.minutes - a.minutes);
    await queueItems().nth(expected.length - 1).waitFor();
    expect(await queueItems().count()).toBe(expected.length);
    expect(await popup.locator('ol.threads .task').allInnerTexts()).toEqual(expected.map((thread) => thread.name));

    const first = queueItems().first();
    // The oldest seeded wait is two days: escalated.
    expect(await first.locator('.wait').innerText()).toMatch(/^2d/);
    expect(await first.locator('.wait').getAttribute('data-state')).toBe('escalated');
    const project = data.projects.find((candidate) => candidate.id === expected[0]!.projectId)!;
    expect(await first.locator('.meta').innerText()).toMatch(new RegExp(`^${escapeRegExp(project.name)} · .+`));
    expect(await toolbarCount()).toBe(String(expected.filter((thread) => thread.minutes > 15).length));
  });

  it('opens a thread at the client\'s comment in a new tab, by click and by keyboard', async () => {
    const expected = [...sim.control.data().waiting].sort((a, b) => b.minutes - a.minutes);
    const threadUrl = (index: number) => {
      const thread = expected[index]!;
      return new URL(`${thread.page}#com${thread.clientCommentIds[0]}`, sim.origin).href;
    };

    const [byClick] = await Promise.all([
      browser.context.waitForEvent('page'),
      queueItems().nth(0).getByRole('link').click(),
    ]);
    await byClick.waitForURL(threadUrl(0));
    await byClick.close();

    await popup.bringToFront();
    await queueItems().nth(1).getByRole('link').focus();
    const [byKeyboard] = await Promise.all([browser.context.waitForEvent('page'), popup.keyboard.press('Enter')]);
    await byKeyboard.waitForURL(threadUrl(1));
    await byKeyboard.close();
    await popup.bringToFront();
  });

  it('opens the reply-times report', async () => {
    const [report] = await Promise.all([
      browser.context.waitForEvent('page'),
      popup.getByRole('button', { name: 'Reply times', exact: true }).click(),
    ]);
    // The report writes its period and measure into its address once it shows.
    await report.waitForURL((address) => address.href.startsWith(`chrome-extension://${browser.extensionId}/reports.html`));
    await report.close();
    await popup.bringToFront();
  });

  it('shows a sync problem with its cause and when it happened, and recovers on the next sync', async () => {
    sim.control.addFault({ kind: 'http-500', action: 'get_events', times: 20 });
    await syncNow(popup, FAILING_SYNC_MS);

    const alert = popup.getByRole('alert');
    await alert.waitFor();
    const text = await alert.innerText();
    expect(text).toMatch(/^Sync problem: Worksection had a problem answering get_events \(HTTP 500/);
    expect(text).toMatch(/Failed at \d\d:\d\d.*; the last good sync was at \d\d:\d\d/);
    // The queue from the last good sync stays in view.
    expect(await queueItems().count()).toBe(sim.control.data().waiting.length);

    sim.control.clearFaults();
    await syncNow(popup, WAIT_MS);
    expect(await popup.getByRole('alert').count()).toBe(0);
    await syncState().getByText(/^Synced at /).waitFor();
  });

  it('says no client is waiting once the team has answered everyone', async () => {
    const owner = sim.control.data().users.find((user) => user.role === 'Owner')!;
    for (const thread of sim.control.data().waiting) sim.control.addComment({ taskId: thread.taskId, userEmail: owner.email, text: 'Answered.' });
    await syncNow(popup, WAIT_MS);
    await popup.getByText('No client is waiting', { exact: true }).waitFor();
    expect(await queueItems().count()).toBe(0);
    expect(await toolbarCount()).toBe('');
  });
});

function escapeRegExp(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Clicks "Sync now" and waits until that sync has ended: a new sync or failure stamp, nothing busy. */
async function syncNow(popup: Page, timeout: number) {
  const before = await popup.locator('.queue time').evaluateAll((times) => times.map((time) => time.getAttribute('datetime')).join('|'));
  await popup.getByRole('button', { name: 'Sync now', exact: true }).click();
  await popup.waitForFunction(
    (previous) => {
      const queue = document.querySelector('.queue');
      if (!queue || queue.getAttribute('aria-busy') !== 'false') return false;
      return [...queue.querySelectorAll('time')].map((time) => time.getAttribute('datetime')).join('|') !== previous;
    },
    before,
    { timeout },
  );
}
