// Reconnecting to another account, in real Chromium with the production build:
// account time captured on the demo account (a live session and a manual
// entry today, and sessions of yesterday) is kept when the user disconnects
// before it was written back and connects to a second simulated account. The
// second account receives none of it, although its project 8506 and several
// of its task ids are the same as the demo account's; its widget and the
// reports page show that time as another account's; and back on the demo
// account, write-back writes it there.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Simulator, TaskTreeView } from '../simulator/index';
import { connectThroughOptions, messenger, startConnectedSession, waitForFirstSync, type ConnectedSession, type ExtensionBrowser } from './harness';

const allTasks = (roots: TaskTreeView[]): TaskTreeView[] => roots.flatMap((task) => [task, ...allTasks(task.children)]);

describe('reconnecting to a second account', () => {
  let session: ConnectedSession;
  let sim: Simulator;
  let browser: ExtensionBrowser;
  let extensionPage: Page;
  const send = messenger(() => extensionPage);

  beforeAll(async () => {
    session = await startConnectedSession({ firstSync: true });
    ({ sim, browser } = session);
    extensionPage = await browser.extensionPage('popup.html');
  }, 120_000);

  afterAll(() => session?.close());

  const widget = (on: Page) => on.getByRole('region', { name: 'Account time', exact: true });
  /** Our cost entries (write-back's marker) in an account. */
  const ours = (control: Simulator['control']) => control.costs().filter((cost) => cost.comment.includes('[account-desk:'));

  it('writes nothing of the first account\'s time to the second, shows it as the other account\'s, and keeps it for the first', async () => {
    // A client thread of the demo account's project 8506 (the second account has a project 8506 too).
    const thread = sim.control.data().waiting.find((candidate) => candidate.projectId === '8506');
    expect(thread, 'the demo account has a waiting client thread in project 8506').toBeDefined();
    // Demo tasks whose ids also exist in the second account: a write there would have found its task.
    const secondIds = new Set(allTasks(sim.second.control.tasks()).map((task) => task.id));
    const shared = allTasks(sim.control.tasks()).filter((task) => secondIds.has(task.id)).slice(0, 2);
    expect(shared, 'two demo task ids exist in the second account too').toHaveLength(2);

    // 1. Account time on the demo account: a live session in the thread…
    const page = await browser.context.newPage();
    await page.goto(session.url(thread!.page));
    await page.locator('account-desk-account-time section[data-counting="true"]').waitFor({ timeout: 15_000 });
    for (let step = 0; step < 15; step++) {
      await page.mouse.move(200 + step * 4, 300);
      await page.waitForTimeout(200);
    }
    // …a manual entry on the project's widget…
    await page.goto(session.url('/project/8506/'));
    await widget(page).getByRole('button', { name: 'Add account work' }).click();
    await widget(page).getByLabel('Minutes').fill('25');
    await widget(page).getByLabel('Kind').selectOption('call');
    await widget(page).getByLabel('Note').fill('Northwind status call');
    await widget(page).getByRole('button', { name: 'Save' }).click();
    await widget(page).getByText(/Northwind status call/).waitFor();
    // …and ten minutes yesterday in each of two threads (the browser's day; not written back yet).
    const yesterday = new Date();
    yesterday.setDate(yesterday.getDate() - 1);
    yesterday.setHours(11, 0, 0, 0);
    const backup = await send<{ tables: Record<string, Array<Record<string, unknown>>> }>('time/export');
    const live = backup.tables.sessions!.filter((row) => row.taskId === thread!.taskId);
    expect(live.length, 'the thread\'s session was recorded').toBeGreaterThan(0);
    expect(live.every((row) => row.origin === sim.origin), 'and recorded for the demo account').toBe(true);
    expect(backup.tables.manualEntries!.map((row) => [row.note, row.origin])).toEqual([['Northwind status call', sim.origin]]);
    backup.tables.sessions!.push(
      ...shared.map((task, index) => {
        const start = yesterday.getTime() + index * 3600_000;
        return { start, end: start + 10 * 60_000, open: 0, taskId: task.id, projectId: task.projectId, lastActivityAt: start + 10 * 60_000, tabId: 1, focusedAt: start, origin: sim.origin };
      }),
    );
    await send('time/import', { backup });
    const kept = await send<{ tables: Record<string, unknown[]> }>('time/export');

    // 2. Disconnect before any write-back, and connect to the second account.
    const options = await browser.extensionPage('options.html');
    await options.getByRole('button', { name: 'Disconnect', exact: true }).click();
    await options.getByRole('button', { name: 'Disconnect', exact: true }).waitFor({ state: 'detached' });
    await options.close();
    expect(await connectThroughOptions(browser, { accountUrl: sim.second.origin, apiKey: sim.second.apiKey })).toMatch(/^Connected to /);
    await waitForFirstSync(browser);

    // 3. Write-back on the second account writes nothing of the demo account's time.
    sim.second.control.resetStats();
    await send('settings/save', { patch: { accountTime: { writeBack: true } } });
    expect(await send('time/write-back')).toEqual({ sent: 0, recovered: 0, skipped: 0, refused: 0 });
    expect(sim.second.control.stats().byAction.add_costs ?? 0).toBe(0);
    expect(ours(sim.second.control)).toEqual([]);
    expect(ours(sim.control)).toEqual([]);
    // Everything recorded for the demo account is still there.
    const after = await send<{ tables: Record<string, unknown[]> }>('time/export');
    expect(after.tables.sessions).toEqual(kept.tables.sessions);
    expect(after.tables.manualEntries).toEqual(kept.tables.manualEntries);

    // 4. The second account's project 8506: its own time only, the demo account's named as another account's.
    const second = (path: string) => new URL(path, sim.second.origin).href;
    await page.goto(second('/project/8506/'));
    await widget(page).locator('tr[data-period="day"] time').waitFor();
    expect(await widget(page).locator('tr[data-period="day"] time').getAttribute('datetime')).toBe('PT0S');
    const note = widget(page).locator('[data-other-account="demo.worksection.com"]');
    await note.first().waitFor();
    expect(await widget(page).locator('p.other-account').innerText()).toMatch(/recorded on demo\.worksection\.com, another account: not counted here and never written to this account/);
    expect(await widget(page).locator('li[data-other-account="demo.worksection.com"]').innerText()).toMatch(
      /Northwind status call · Recorded on demo\.worksection\.com, another account/,
    );

    // 5. The reports page lists it apart, as the demo account's.
    const reports = await browser.extensionPage('reports.html');
    const foreignRow = reports.locator('section#account-time tr[data-other-account="demo.worksection.com"]');
    await foreignRow.first().waitFor();
    expect(await foreignRow.first().innerText()).toContain('Recorded on demo.worksection.com, another account');
    expect(await reports.locator('section#account-time tbody tr:not([data-other-account])').count()).toBe(0);
    await reports.close();

    // 6. Back on the demo account, write-back writes yesterday's time there, once.
    expect(await connectThroughOptions(browser, { accountUrl: sim.origin, apiKey: sim.apiKey })).toMatch(/^Connected to /);
    await waitForFirstSync(browser);
    expect(await send('time/write-back')).toMatchObject({ sent: 2, refused: 0 });
    expect(ours(sim.control).map((cost) => [cost.taskId, cost.minutes]).sort()).toEqual(shared.map((task) => [task.id, 10]).sort());
    expect(ours(sim.second.control)).toEqual([]);
    await page.close();
  }, 180_000);
});
