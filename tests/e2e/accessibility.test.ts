// Accessibility of every surface, with axe-core (WCAG 2.0 A/AA and 2.1 AA
// rules) injected into the real pages: options, popup, reports, privacy, and
// Account Desk's UI inside a Worksection project page (page bar, Templates
// button, account-time widget, reply badges), its template picker, the
// status report dialog, and the quick-reply list in a task's comment editor
// and its options editor; then
// the keyboard alone through the page bar, the picker and the popup queue.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { violations } from './axe';
import { startConnectedSession, type ConnectedSession } from './harness';

/** The element focused now, through open shadow roots: "tag.class text". */
const focused = (page: Page) =>
  page.evaluate(() => {
    let active: Element | null = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active ? `${active.localName} ${(active.textContent ?? '').trim()}`.trim() : '';
  });

describe('accessibility', () => {
  let session: ConnectedSession;

  beforeAll(async () => {
    session = await startConnectedSession({ firstSync: true });
  });

  afterAll(async () => {
    await session?.close();
  });

  const clientProject = () => {
    const data = session.sim.control.data();
    const waiting = data.waiting[0];
    if (!waiting) throw new Error('the simulator has no waiting client thread');
    return data.projects.find((project) => project.id === waiting.projectId)!;
  };

  it('reports a violation where there is one (the check is live)', async () => {
    const page = await session.browser.extensionPage('privacy.html');
    await page.locator('h1').waitFor();
    await page.evaluate(() => document.querySelector('main')!.append(Object.assign(document.createElement('button'), { className: 'nameless' })));
    expect((await violations(page)).map((violation) => violation.id)).toEqual(['button-name']);
    await page.close();
  });

  it.each(['options.html', 'popup.html', 'reports.html', 'privacy.html'])('%s has no WCAG 2.1 AA violation axe finds', async (pagePath) => {
    const page = await session.browser.extensionPage(pagePath);
    // Loaded: its heading or its queue is drawn.
    await page.locator('h1, h2').first().waitFor();
    await page.waitForLoadState('networkidle');
    expect(await violations(page)).toEqual([]);
    await page.close();
  });

  it('Account Desk’s UI on a project page and its template picker have none either', async () => {
    const page = await session.browser.context.newPage();
    await page.goto(session.url(clientProject().page));
    await page.locator('account-desk-page-bar').getByRole('button', { name: 'Settings', exact: true }).waitFor();
    await page.locator('account-desk-templates').getByRole('button', { name: 'Templates', exact: true }).waitFor();
    await page.locator('account-desk-account-time').getByRole('region').first().waitFor();
    await page.locator('account-desk-reply').first().waitFor();
    await page.locator('account-desk-status-report').getByRole('button', { name: 'Status report', exact: true }).waitFor();
    const ours = ['account-desk-page-bar', 'account-desk-templates', 'account-desk-account-time', 'account-desk-reply', 'account-desk-status-report'];
    expect(await violations(page, ours)).toEqual([]);

    await page.locator('account-desk-templates').getByRole('button', { name: 'Templates', exact: true }).click();
    await page.locator('account-desk-templates').getByRole('dialog').getByRole('option').first().waitFor();
    expect(await violations(page, ['account-desk-templates'])).toEqual([]);
    await page.close();
  });

  it('the status report dialog has none either, traps Tab, and Escape gives focus back to its button', async () => {
    const page = await session.browser.context.newPage();
    await page.goto(session.url(clientProject().page));
    const ui = page.locator('account-desk-status-report');
    const button = ui.getByRole('button', { name: 'Status report', exact: true });
    await button.click();
    const dialog = ui.getByRole('dialog', { name: 'Client status report' });
    await dialog.getByRole('textbox', { name: 'Report text (edit as you like)' }).waitFor();
    expect(await violations(page, ['account-desk-status-report'])).toEqual([]);
    // Tab goes round inside the dialog: never out to the page.
    const inside = () => dialog.evaluate((element) => element.contains((element.getRootNode() as ShadowRoot).activeElement));
    for (let press = 0; press < 30; press++) {
      await page.keyboard.press('Tab');
      expect(await inside()).toBe(true);
    }
    await page.keyboard.press('Shift+Tab');
    expect(await inside()).toBe(true);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await button.evaluate((element) => (element.getRootNode() as ShadowRoot).activeElement === element)).toBe(true);
    await page.close();
  });

  it('the task page’s UI and its checklist menu have none either', async () => {
    const project = clientProject();
    const task = session.sim.control.tasks(project.id).find((candidate) => candidate.status === 'active')!;
    const page = await session.browser.context.newPage();
    await page.goto(session.url(task.page));
    const ui = page.locator('account-desk-templates[data-page="task"]');
    await ui.getByRole('button', { name: 'Insert checklist', exact: true }).click();
    await ui.getByRole('dialog', { name: 'Insert checklist' }).getByText('New checklist').waitFor();
    expect(await violations(page, ['account-desk-page-bar', 'account-desk-templates', 'account-desk-account-time'])).toEqual([]);
    await page.close();
  });

  it('the quick-reply list, a variable it asks for, and the quick-reply editor in options have none either', async () => {
    // A task without a due date: the "Deadline" reply asks for it.
    const task = session.sim.control.tasks().find((candidate) => candidate.status === 'active' && !candidate.dateEnd)!;
    const page = await session.browser.context.newPage();
    await page.goto(session.url(task.page));
    const ui = page.locator('account-desk-quick-replies');
    await ui.getByRole('button', { name: 'Quick reply', exact: true }).click();
    await ui.getByRole('listbox', { name: 'Saved replies' }).getByRole('option').first().waitFor();
    expect(await violations(page, ['account-desk-quick-replies'])).toEqual([]);
    await ui.getByRole('combobox', { name: 'Search quick replies' }).fill('deadline');
    await page.keyboard.press('Enter');
    await ui.getByRole('dialog').getByLabel('Due date', { exact: true }).waitFor();
    expect(await violations(page, ['account-desk-quick-replies'])).toEqual([]);
    await page.keyboard.press('Escape');
    await ui.getByRole('dialog').waitFor({ state: 'detached' });
    await page.close();

    const options = await session.browser.extensionPage('options.html');
    const section = options.locator('#quick-replies');
    await section.getByRole('button', { name: 'New reply', exact: true }).click();
    await section.getByLabel('Text', { exact: true }).waitFor();
    expect(await violations(options, ['#quick-replies'])).toEqual([]);
    await options.close();
  });

  it('the page bar and the picker work from the keyboard alone', async () => {
    const page = await session.browser.context.newPage();
    await page.goto(session.url(clientProject().page));
    const bar = page.locator('account-desk-page-bar');
    const settings = bar.getByRole('button', { name: 'Settings', exact: true });
    await settings.waitFor();
    // Tab from the page's start reaches the bar's buttons in reading order.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const seen: string[] = [];
    for (let press = 0; press < 200 && !seen.includes('button Diagnostics'); press++) {
      await page.keyboard.press('Tab');
      const now = await focused(page);
      if (now === 'button Settings' || now === 'button Diagnostics') seen.push(now);
    }
    expect(seen).toEqual(['button Settings', 'button Diagnostics']);
    // Enter on Diagnostics opens options at Diagnostics.
    const opened = session.browser.context.waitForEvent('page');
    await page.keyboard.press('Enter');
    const options = await opened;
    await expect.poll(() => options.url()).toMatch(/options\.html#diagnostics$/);
    await options.close();

    // The shortcut opens the picker with focus inside; Escape closes it and focus comes back.
    await settings.focus();
    await page.keyboard.press('Alt+Shift+T');
    const dialog = page.locator('account-desk-templates').getByRole('dialog');
    await dialog.waitFor();
    await expect.poll(() => dialog.evaluate((element) => element.contains((element.getRootNode() as ShadowRoot).activeElement))).toBe(true);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await page.close();
  });

  it('the popup queue is walked with Tab and a thread opens with Enter', async () => {
    const popup = await session.browser.extensionPage('popup.html');
    const threads = popup.locator('ol.threads a.thread');
    await threads.first().waitFor();
    const count = await threads.count();
    const names: string[] = [];
    for (let press = 0; press < count + 10 && names.length < count; press++) {
      await popup.keyboard.press('Tab');
      const name = await popup.evaluate(() => (document.activeElement?.matches('a.thread') ? document.activeElement.getAttribute('href') : null));
      if (name) names.push(name);
    }
    // Each thread once, in the queue's order (most urgent first).
    expect(names).toEqual(await threads.evaluateAll((links) => links.map((link) => link.getAttribute('href'))));
    const opened = session.browser.context.waitForEvent('page');
    await popup.keyboard.press('Enter');
    const thread = await opened;
    await expect.poll(() => thread.url()).toBe(names.at(-1));
    await thread.close();
    await popup.close();
  });
});
