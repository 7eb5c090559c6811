// Account time in real Chromium with the production build, against the
// simulator: scripted activity on client threads, read back in the project
// widget (the region "Account time"), with the idle limit at its minimum.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Simulator } from '../simulator/index';
import { startConnectedSession, type ConnectedSession, type ExtensionBrowser } from './harness';

const IDLE_SECONDS = 15;
/** The tolerance: N seconds of activity shows N ± 2 s. */
const TOLERANCE_S = 2;

describe('account time', () => {
  let session: ConnectedSession;
  let sim: Simulator;
  let browser: ExtensionBrowser;
  let page: Page;

  beforeAll(async () => {
    session = await startConnectedSession();
    ({ sim, browser } = session);
    expect(session.outcome).toMatch(/^Connected to /);
    const options = await browser.extensionPage('options.html');
    const send = (message: { type: string; request: unknown }) =>
      options.evaluate(
        (m) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean }> } } }).chrome.runtime.sendMessage(m),
        message,
      );
    expect((await send({ type: 'settings/save', request: { patch: { accountTime: { idleSeconds: IDLE_SECONDS } } } })).ok).toBe(true);
    // The first reply sync (started by connecting) finishes first, so its long
    // transactions don't delay the first heartbeat's answer in the tests below.
    expect((await send({ type: 'sync/now', request: {} })).ok).toBe(true);
    await options.close();
    page = await browser.context.newPage();
  }, 90_000);

  afterAll(() => session?.close());

  const url = (path: string) => new URL(path, sim.origin).href;
  const clientThreads = () => {
    const waiting = sim.control.data().waiting;
    if (waiting.length < 2) throw new Error('the simulator needs two client threads waiting for a reply');
    return waiting;
  };
  const projectPage = (projectId: string) => `/project/${projectId}/`;

  /** A thread no client wrote, is assigned or commented in, in a project without a client team. */
  const teamThread = () => {
    const data = sim.control.data();
    const clientTeams = new Set(data.groups.filter((group) => group.client === 1).map((group) => group.title));
    const clientEmails = new Set(data.users.filter((user) => clientTeams.has(user.group)).map((user) => user.email));
    for (const project of data.projects.filter((candidate) => candidate.clientGroup === null)) {
      for (const task of sim.control.tasks(project.id)) {
        const people = [task.author.email, task.assignee.email, ...sim.control.comments(task.id).map((comment) => comment.author.email)];
        if (!people.some((email) => clientEmails.has(email))) return task;
      }
    }
    throw new Error('the simulator has no team-only thread');
  };

  /** Today's account time (seconds) in the project widget. */
  async function widgetToday(on: Page, projectId: string): Promise<number> {
    await on.goto(url(projectPage(projectId)));
    const region = on.getByRole('region', { name: 'Account time', exact: true });
    await region.locator('tr[data-period="day"] time').waitFor();
    const value = await region.locator('tr[data-period="day"] time').getAttribute('datetime');
    const seconds = /^PT(\d+)S$/.exec(value ?? '')?.[1];
    if (seconds === undefined) throw new Error(`the widget's today value is ${JSON.stringify(value)}`);
    return Number(seconds);
  }

  /** Opens a client thread and waits until its tab counts. */
  async function openCounting(on: Page, path: string): Promise<void> {
    await on.goto(url(path));
    await on.locator('account-desk-account-time section[data-counting="true"]').waitFor({ timeout: 15_000 });
  }

  /** Scripted user activity: small mouse moves (and a key now and then) for `seconds`. */
  async function activity(pages: Page[], seconds: number): Promise<void> {
    const until = Date.now() + seconds * 1000;
    for (let step = 0; Date.now() < until; step++) {
      for (const on of pages) {
        await on.mouse.move(200 + (step % 50) * 4, 300 + (step % 7) * 3);
        if (step % 10 === 0) await on.keyboard.press('Shift');
      }
      await pages[0]!.waitForTimeout(200);
    }
  }

  it('N seconds of activity on a client thread show N seconds in the widget', async () => {
    const thread = clientThreads()[0]!;
    const before = await widgetToday(page, thread.projectId);
    await openCounting(page, thread.page);
    await activity([page], 8);
    const after = await widgetToday(page, thread.projectId); // leaving the thread stops the count
    expect(after - before).toBeGreaterThanOrEqual(8 - TOLERANCE_S);
    expect(after - before).toBeLessThanOrEqual(8 + TOLERANCE_S);
  }, 90_000);

  it('idle stops the count, back-dated to the last activity', async () => {
    const thread = clientThreads()[0]!;
    const before = await widgetToday(page, thread.projectId);
    await openCounting(page, thread.page);
    await activity([page], 4);
    // No input: after the idle limit the tab stops counting.
    await page.locator('account-desk-account-time section[data-counting="false"]').waitFor({ timeout: (IDLE_SECONDS + 15) * 1000 });
    const after = await widgetToday(page, thread.projectId);
    expect(after - before).toBeGreaterThanOrEqual(4 - TOLERANCE_S);
    expect(after - before).toBeLessThanOrEqual(4 + TOLERANCE_S);
  }, 90_000);

  it('a thread with no client does not count', async () => {
    const task = teamThread();
    const before = await widgetToday(page, task.projectId);
    await page.goto(url(task.page));
    await page.locator('account-desk-page-bar').waitFor(); // Account Desk's page UI is there
    await activity([page], 4);
    expect(await page.locator('account-desk-account-time').count()).toBe(0);
    expect(await widgetToday(page, task.projectId)).toBe(before);
  }, 90_000);

  it('stopping the service worker mid-session loses nothing', async () => {
    const thread = clientThreads()[0]!;
    const before = await widgetToday(page, thread.projectId);
    await openCounting(page, thread.page);
    await activity([page], 4);
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await cdp.detach();
    await activity([page], 6);
    const after = await widgetToday(page, thread.projectId);
    expect(after - before).toBeGreaterThanOrEqual(10 - TOLERANCE_S);
    expect(after - before).toBeLessThanOrEqual(10 + TOLERANCE_S);
  }, 90_000);

  it('two tabs on client threads do not count double', async () => {
    const [first, second] = clientThreads();
    const projects = [...new Set([first!.projectId, second!.projectId])];
    let before = 0;
    for (const projectId of projects) before += await widgetToday(page, projectId);
    const other = await browser.context.newPage();
    try {
      await openCounting(page, first!.page);
      const started = Date.now();
      await other.goto(url(second!.page));
      await other.locator('account-desk-account-time section').waitFor();
      await activity([page, other], 8);
      await page.goto(url(projectPage(first!.projectId)));
      await other.goto(url(projectPage(second!.projectId)));
      const wallSeconds = (Date.now() - started) / 1000;
      let after = 0;
      for (const projectId of projects) after += await widgetToday(page, projectId);
      // Both tabs were active all along: the time counts once, as wall time, not twice.
      expect(after - before).toBeGreaterThanOrEqual(wallSeconds - TOLERANCE_S);
      expect(after - before).toBeLessThanOrEqual(wallSeconds + TOLERANCE_S);
    } finally {
      await other.close();
    }
  }, 90_000);
});
