// Reply badges end to end: a client comment 20 minutes old shows a late badge
// on the project's task list, on the task page, in the toolbar count and first
// in the popup; a team reply clears all of them within one poll ("Sync now").
// Client text and task names with HTML in them stay text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { PersonView, Simulator, TaskTreeView } from '../simulator/index';
import { startConnectedSession, type ConnectedSession, type ExtensionBrowser } from './harness';
import { atMinutesAgo, cleanDesk, flatten, newTask } from '../support/seed-tools';

const WAIT_MS = 30_000;
const HOSTILE_COMMENT = '<img src=x onerror=alert("comment")> <script>alert("comment")</script> still broken?';

describe('reply badges on task lists, task pages, toolbar and popup', () => {
  let session: ConnectedSession;
  let sim: Simulator;
  let browser: ExtensionBrowser;
  let page: Page;
  let popup: Page;
  const dialogs: string[] = [];

  // Chosen in beforeAll from the seeded account.
  let projectPage: string;
  let target: TaskTreeView;
  let hostile: TaskTreeView;
  let client: PersonView;

  const url = (path: string) => new URL(path, sim.origin).href;

  beforeAll(async () => {
    session = await startConnectedSession({
      // The account as the first sync must find it.
      beforeLaunch: (started) => {
        sim = started;
        prepareAccount();
      },
      beforeConnect: (started) => {
        started.context.on('page', (opened) => opened.on('dialog', (dialog) => {
          dialogs.push(dialog.message());
          void dialog.dismiss();
        }));
      },
    });
    browser = session.browser;
    // Connecting starts the first sync.
    expect(session.outcome).toMatch(/^Connected to /);
    popup = await browser.extensionPage('popup.html');
    await waitForSynced(popup);
    page = await browser.context.newPage();
  });

  function prepareAccount() {
    const data = sim.control.data();
    // A clean desk: the team has answered every seeded client thread.
    cleanDesk(sim);
    expect(sim.control.data().waiting).toEqual([]);

    const all = flatten(sim.control.tasks());
    hostile = all.find((task) => task.name.includes('<img'))!;
    expect(hostile, 'the seed has a task named with HTML').toBeDefined();
    const project = data.projects.find((candidate) => candidate.id === hostile.projectId)!;
    projectPage = project.page;
    // A new task: a seeded one may be a thread the clean desk just answered, after the client's comment below.
    target = newTask(sim, { projectId: project.id, name: 'Landing page review' });
    client = data.users.find((user) => user.client && user.group === project.clientGroup) ?? data.users.find((user) => user.client)!;

    // Exactly 20 minutes ago: late (over 15, not over 30).
    atMinutesAgo(sim, 20, () => sim.control.addComment({ taskId: target.id, userEmail: client.email, text: 'Any news on this?' }));
    // 3 minutes ago: within target, so the 20-minute thread stays the most urgent.
    atMinutesAgo(sim, 3, () => sim.control.addComment({ taskId: hostile.id, userEmail: client.email, text: HOSTILE_COMMENT }));
    expect(sim.control.data().waiting.map((thread) => thread.taskId).sort()).toEqual([target.id, hostile.id].sort());
  }

  afterAll(() => session?.close());

  const toolbarCount = async () =>
    (await browser.serviceWorker()).evaluate(() =>
      (globalThis as unknown as { chrome: { action: { getBadgeText(details: object): Promise<string> } } }).chrome.action.getBadgeText({}),
    );
  const eventually = async <T,>(read: () => Promise<T>, expected: T) => {
    const deadline = Date.now() + WAIT_MS;
    let value = await read();
    while (value !== expected && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      value = await read();
    }
    return value;
  };
  const row = (taskId: string) => page.locator(`#tasks_images .item[data-id="${taskId}"]`);
  const badge = (scope: ReturnType<Page['locator']> | Page) => scope.getByRole('img', { name: /^Client waiting/ });
  const LATE_20 = /^Client waiting (20|21) minutes, late$/;

  it('lists the 20-minute thread first in the popup, and the HTML task name as text', async () => {
    const items = popup.locator('ol.threads > li');
    expect(await items.count()).toBe(2);
    const first = items.nth(0).getByRole('link');
    expect(await first.locator('.task').innerText()).toBe(target.name);
    expect(await first.locator('.wait').innerText()).toMatch(/^2[01]m/);
    expect(await first.locator('.meta').innerText()).toBe(`${projectName()} · ${client.name}`);
    expect(await items.nth(1).locator('.task').innerText()).toBe(hostile.name);
    expect(await popup.locator('.threads img, .threads script').count()).toBe(0);
  });

  it('counts the late thread on the toolbar icon', async () => {
    expect(await eventually(toolbarCount, '1')).toBe('1');
  });

  it('shows a late badge on the thread\'s row of the task list, and none on rows that are not waiting', async () => {
    await page.goto(url(projectPage));
    const late = badge(row(target.id));
    await late.waitFor();
    expect(await late.getAttribute('aria-label')).toMatch(LATE_20);
    expect(await late.innerText()).toMatch(/^2[01]m$/);
    const tooltip = (await late.getAttribute('title')) ?? '';
    expect(tooltip).toContain(client.name);
    expect(tooltip).toMatch(/^.+ has waited 2[01]m \(.+ in business hours\): late$/);
    // Inside the name cell, right after the title link.
    expect(await row(target.id).locator('.name > a + account-desk-reply').count()).toBe(1);

    await badge(row(hostile.id)).waitFor();
    expect(await badge(page).count()).toBe(2);
    expect(await page.locator('#tasks_images [data-account-desk-reply]').count()).toBe(2);
    // The task named with HTML: its row holds text, no element made from the name.
    expect(await row(hostile.id).locator('img, script').count()).toBe(0);
    expect(await row(hostile.id).locator('.name > a').innerText()).toBe(hostile.name);
  });

  it('shows the badge on the task page with the client and the business-hours age', async () => {
    await page.goto(url(target.page));
    const title = page.locator('.task h1');
    const late = badge(title);
    await late.waitFor();
    expect(await late.getAttribute('aria-label')).toMatch(LATE_20);
    const line = title.getByText(new RegExp(`^${escapeRegExp(client.name)} waiting 2[01]m · .+ in business hours$`));
    await line.waitFor();
    expect(await page.locator('account-desk-reply').count()).toBe(1);
  });

  it('a team reply sent here clears the badge from the task page, the popup, the toolbar and the list (a sync changes nothing back)', async () => {
    await page.bringToFront();
    await page.getByLabel('Comment', { exact: true }).fill('Done, see the new version.');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    // The reply swaps the page's content, and the content script has the background re-read the thread at once.
    await page.locator('.comment__text', { hasText: 'Done, see the new version.' }).waitFor();
    await badge(page.locator('.task h1')).waitFor({ state: 'detached', timeout: WAIT_MS });

    await popup.bringToFront();
    await syncNow(popup);
    expect(await popup.locator('ol.threads > li').count()).toBe(1);
    expect(await popup.locator('ol.threads .task').innerText()).toBe(hostile.name);
    expect(await eventually(toolbarCount, '')).toBe('');

    await page.bringToFront();
    await badge(page).waitFor({ state: 'detached', timeout: WAIT_MS });

    await page.goto(url(projectPage));
    await badge(row(hostile.id)).waitFor();
    expect(await badge(row(target.id)).count()).toBe(0);
    expect(await badge(page).count()).toBe(1);
  });

  it('never ran a script from a task name or a client comment', () => {
    expect(dialogs).toEqual([]);
  });

  function projectName() {
    return sim.control.data().projects.find((project) => project.page === projectPage)!.name;
  }
});

function escapeRegExp(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The popup's sync stamps (last sync, last failure): they change when a sync ends. */
function syncStamps(popup: Page): Promise<string> {
  return popup.locator('.queue time').evaluateAll((times) => times.map((time) => time.getAttribute('datetime')).join('|'));
}

async function waitForSynced(popup: Page) {
  await popup.waitForFunction(
    () => {
      const queue = document.querySelector('.queue');
      return queue?.getAttribute('aria-busy') === 'false' && queue.querySelector('#sync-state time') !== null;
    },
    undefined,
    { timeout: WAIT_MS },
  );
}

/** Clicks "Sync now" and waits until that sync has ended (a new stamp, nothing busy). */
async function syncNow(popup: Page) {
  const before = await syncStamps(popup);
  await popup.getByRole('button', { name: 'Sync now', exact: true }).click();
  await popup.waitForFunction(
    (previous) => {
      const queue = document.querySelector('.queue');
      if (!queue || queue.getAttribute('aria-busy') !== 'false') return false;
      const stamps = [...queue.querySelectorAll('time')].map((time) => time.getAttribute('datetime')).join('|');
      return stamps !== previous;
    },
    before,
    { timeout: WAIT_MS },
  );
}
