// The account time widget's manual entries, pause from the popup, and the
// reports section, in real Chromium with the production build.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Simulator } from '../simulator/index';
import { startConnectedSession, type ConnectedSession, type ExtensionBrowser } from './harness';

describe('account time widget, pause and report', () => {
  let session: ConnectedSession;
  let sim: Simulator;
  let browser: ExtensionBrowser;
  let page: Page;

  beforeAll(async () => {
    session = await startConnectedSession();
    ({ sim, browser } = session);
    expect(session.outcome).toMatch(/^Connected to /);
    page = await browser.context.newPage();
  }, 90_000);

  afterAll(() => session?.close());

  const url = (path: string) => new URL(path, sim.origin).href;
  const thread = () => sim.control.data().waiting[0]!;
  const widget = (on: Page) => on.getByRole('region', { name: 'Account time', exact: true });
  const today = async (on: Page) => Number(/^PT(\d+)S$/.exec((await widget(on).locator('tr[data-period="day"] time').getAttribute('datetime')) ?? '')?.[1]);

  it('adds, edits and deletes a manual entry from the widget, and today counts it', async () => {
    const { projectId } = thread();
    await page.goto(url(`/project/${projectId}/`));
    await widget(page).locator('tr[data-period="day"] time').waitFor();
    const before = await today(page);

    await widget(page).getByRole('button', { name: 'Add account work' }).click();
    await widget(page).getByLabel('Minutes').fill('30');
    await widget(page).getByLabel('Kind').selectOption('call');
    await widget(page).getByLabel('Note').fill('Weekly status call');
    await widget(page).getByRole('button', { name: 'Save' }).click();
    await widget(page).getByText(/Weekly status call/).waitFor();
    await expect.poll(() => today(page)).toBe(before + 30 * 60);

    await widget(page).getByRole('button', { name: /^Edit the entry of/ }).click();
    await widget(page).getByLabel('Minutes').fill('45');
    await widget(page).getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => today(page)).toBe(before + 45 * 60);

    await widget(page).getByRole('button', { name: /^Delete the entry of/ }).click();
    await expect.poll(() => today(page)).toBe(before);
    expect(await widget(page).getByText(/Weekly status call/).count()).toBe(0);
  }, 90_000);

  it('docks the widget and the thread time on a layout without their anchors', async () => {
    await page.goto(url(`/project/${thread().projectId}/?layout=unknown`));
    const docked = page.locator('account-desk-account-time[data-placement="dock"]');
    await docked.getByRole('region', { name: 'Account time', exact: true }).locator('tr[data-period="day"] time').waitFor();
    await page.goto(url(`${thread().page}?layout=unknown`));
    await docked.getByRole('region', { name: 'Time in this thread' }).waitFor();
    await page.locator('account-desk-account-time[data-placement="dock"] section[data-counting="true"]').waitFor({ timeout: 15_000 });
  }, 60_000);

  it('refuses a manual entry with no minutes, saying why', async () => {
    await page.goto(url(`/project/${thread().projectId}/`));
    await widget(page).getByRole('button', { name: 'Add account work' }).click();
    await widget(page).getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => widget(page).getByRole('alert').textContent()).toMatch(/minutes: expected whole minutes from 1 to 1440/);
  }, 60_000);

  it('pause from the popup stops counting in client threads until resumed', async () => {
    const popup = await browser.extensionPage('popup.html');
    await popup.getByRole('button', { name: 'Pause account time' }).click();
    await popup.getByRole('button', { name: 'Resume account time' }).waitFor();

    await page.goto(url(`/project/${thread().projectId}/`));
    await widget(page).locator('tr[data-period="day"] time').waitFor();
    const before = await today(page);
    await page.goto(url(thread().page));
    const view = page.getByRole('region', { name: 'Time in this thread' });
    await view.getByText('paused').waitFor();
    // Scripted activity while paused: nothing counts.
    for (const until = Date.now() + 3000; Date.now() < until; ) {
      await page.mouse.move(100 + (Date.now() % 200), 100);
      await page.keyboard.press('Shift');
      await page.waitForTimeout(200);
    }
    expect(await page.locator('account-desk-account-time section').getAttribute('data-counting')).toBe('false');
    await page.goto(url(`/project/${thread().projectId}/`));
    await widget(page).locator('tr[data-period="day"] time').waitFor();
    expect(await today(page)).toBe(before);

    await popup.getByRole('button', { name: 'Resume account time' }).click();
    await popup.getByRole('button', { name: 'Pause account time' }).waitFor();
    await popup.close();
    await page.bringToFront(); // the user goes back to the thread
    await page.goto(url(thread().page));
    await page.locator('account-desk-account-time section[data-counting="true"]').waitFor({ timeout: 15_000 });
  }, 60_000);

  it('the reports page lists account time per project and month, with a chart and a CSV export', async () => {
    // Some account time this month: a manual entry from the widget.
    await page.goto(url(`/project/${thread().projectId}/`));
    await widget(page).getByRole('button', { name: 'Add account work' }).click();
    await widget(page).getByLabel('Minutes').fill('20');
    await widget(page).getByRole('button', { name: 'Save' }).click();
    await widget(page).getByText(/20 min/).waitFor();
    const reports = await browser.extensionPage('reports.html');
    const section = reports.locator('section#account-time');
    await section.getByRole('table').waitFor();
    const project = sim.control.data().projects.find((candidate) => candidate.id === thread().projectId)!;
    await section.getByRole('rowheader', { name: project.name }).first().waitFor();
    expect(await section.getByRole('img', { name: /Account hours per project and month/ }).count()).toBe(1);
    const [download] = await Promise.all([reports.waitForEvent('download'), section.getByRole('button', { name: 'Export CSV' }).click()]);
    const file = await download.path();
    const { readFileSync } = await import('node:fs');
    const csv = readFileSync(file, 'utf8');
    expect(csv.split('\r\n')[0]).toBe('Project,Project id,Month,Account hours,Project hours,Share %,Level,Cost,Other account');
    expect(csv).toContain(`${project.name},${project.id},`);
    await reports.close();
  }, 60_000);
});
