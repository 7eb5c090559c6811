// Accessibility of every surface, with axe-core (WCAG 2.0 A/AA and 2.1 AA
// rules) injected into the real pages: options, popup, reports, privacy, the
// welcome page, and Account Desk's UI inside Worksection pages (page bar,
// Templates button, account-time widget, reply badges, Status report, the
// template picker, the checklist menu, the status report dialog), in English
// and again in Russian chosen in options; the quick-reply list in a task's
// comment editor and its options editor, in English;
// then the keyboard alone: the page bar, the picker from its shortcut to
// Create, a checklist inserted, the popup queue, focus kept inside dialogs
// and given back where it was.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { MessagesFile } from '../../lib/i18n-catalog';
import { violations } from './axe';
import { projectRoot, startConnectedSession, type ConnectedSession } from './harness';
import { flatten } from '../support/seed-tools';

/** The element focused now, through open shadow roots: "tag.class text". */
const focused = (page: Page) =>
  page.evaluate(() => {
    let active: Element | null = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active ? `${active.localName} ${(active.textContent ?? '').trim()}`.trim() : '';
  });

/** A language's words as its locale file has them (names to find buttons and dialogs by). */
function wordsOf(language: 'en' | 'ru'): (key: string) => string {
  const file = JSON.parse(fs.readFileSync(path.join(projectRoot, 'public/_locales', language, 'messages.json'), 'utf8')) as MessagesFile;
  return (key) => {
    const message = file[key]?.message;
    if (!message) throw new Error(`${language}: no message ${key}`);
    return message;
  };
}


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
  const activeTask = () => session.sim.control.tasks(clientProject().id).find((candidate) => candidate.status === 'active')!;

  it('reports a violation where there is one (the check is live)', async () => {
    const page = await session.browser.extensionPage('privacy.html');
    await page.locator('h1').waitFor();
    await page.evaluate(() => document.querySelector('main')!.append(Object.assign(document.createElement('button'), { className: 'nameless' })));
    expect((await violations(page)).map((violation) => violation.id)).toEqual(['button-name']);
    await page.close();
  });

  /** axe on every surface, in `language` (the one the pages are in now). */
  function everySurface(language: 'en' | 'ru') {
    const word = wordsOf(language);

    it.each(['options.html', 'popup.html', 'reports.html', 'privacy.html', 'welcome.html'])(`${language}: %s has no WCAG 2.1 AA violation axe finds`, async (pagePath) => {
      const page = await session.browser.extensionPage(pagePath);
      // Loaded: its heading or its queue is drawn, in the language.
      await page.locator('h1, h2').first().waitFor();
      await page.waitForLoadState('networkidle');
      await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(language);
      expect(await violations(page)).toEqual([]);
      await page.close();
    });

    it(`${language}: Account Desk’s UI on a project page and its template picker have none either`, async () => {
      const page = await session.browser.context.newPage();
      await page.goto(session.url(clientProject().page));
      await page.locator('account-desk-page-bar').getByRole('button', { name: word('barSettings'), exact: true }).waitFor();
      await page.locator('account-desk-templates').getByRole('button', { name: word('tplButton'), exact: true }).waitFor();
      await page.locator('account-desk-account-time').getByRole('region').first().waitFor();
      await page.locator('account-desk-reply').first().waitFor();
      await page.locator('account-desk-status-report').getByRole('button', { name: word('srButton'), exact: true }).waitFor();
      expect(await page.locator('account-desk-page-bar').getAttribute('lang')).toBe(language);
      const ours = ['account-desk-page-bar', 'account-desk-templates', 'account-desk-account-time', 'account-desk-reply', 'account-desk-status-report'];
      expect(await violations(page, ours)).toEqual([]);

      await page.locator('account-desk-templates').getByRole('button', { name: word('tplButton'), exact: true }).click();
      await page.locator('account-desk-templates').getByRole('dialog', { name: word('tplPickerTitle') }).getByRole('option').first().waitFor();
      expect(await violations(page, ['account-desk-templates'])).toEqual([]);
      await page.close();
    });

    it(`${language}: the status report dialog has none either, traps Tab, and Escape gives focus back to its button`, async () => {
      const page = await session.browser.context.newPage();
      await page.goto(session.url(clientProject().page));
      const ui = page.locator('account-desk-status-report');
      const button = ui.getByRole('button', { name: word('srButton'), exact: true });
      await button.click();
      const dialog = ui.getByRole('dialog', { name: word('srDialogTitle') });
      await dialog.getByRole('textbox', { name: word('srDraft') }).waitFor();
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

    it(`${language}: the task page’s UI and its checklist menu have none either`, async () => {
      const page = await session.browser.context.newPage();
      await page.goto(session.url(activeTask().page));
      const ui = page.locator('account-desk-templates[data-page="task"]');
      await ui.getByRole('button', { name: word('tplChecklistButton'), exact: true }).click();
      const menu = ui.getByRole('dialog', { name: word('tplChecklistTitle') });
      await menu.getByText(word('tplNewChecklist')).click();
      await menu.locator('textarea').waitFor();
      expect(await violations(page, ['account-desk-page-bar', 'account-desk-templates', 'account-desk-account-time'])).toEqual([]);
      await page.close();
    });
  }

  everySurface('en');

  it('the quick-reply list, a variable it asks for, and the quick-reply editor in options have none either', async () => {
    // A task without a due date (made here: the seed's depend on when it is drawn), so the "Deadline" reply asks for it.
    const task = session.sim.control.addTask({ projectId: clientProject().id, name: 'Check the contact form' });
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

  it('the page bar works from the keyboard alone, and the picker’s shortcut gives the focus back where it was', async () => {
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

    // The shortcut opens the picker with focus inside; Escape closes it and focus is back on Settings, where it was.
    await settings.focus();
    await page.keyboard.press('Alt+Shift+T');
    const dialog = page.locator('account-desk-templates').getByRole('dialog');
    await dialog.waitFor();
    await expect.poll(() => dialog.evaluate((element) => element.contains((element.getRootNode() as ShadowRoot).activeElement))).toBe(true);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await focused(page)).toBe('button Settings');
    await page.close();
  });

  it('a template is chosen and created from the keyboard alone', async () => {
    const project = clientProject();
    const before = new Set(flatten(session.sim.control.tasks(project.id)).map((task) => task.id));
    const page = await session.browser.context.newPage();
    await page.goto(session.url(project.page));
    const ui = page.locator('account-desk-templates');
    await ui.getByRole('button', { name: 'Templates', exact: true }).waitFor();
    await page.keyboard.press('Alt+Shift+T');
    const dialog = ui.getByRole('dialog', { name: 'Create tasks from a template' });
    const search = dialog.getByRole('searchbox');
    await search.waitFor();
    await expect.poll(() => search.evaluate((element) => element === (element.getRootNode() as ShadowRoot).activeElement)).toBe(true);
    await page.keyboard.type('monthly seo');
    // Tab reaches the list's first match; Space chooses it.
    await page.keyboard.press('Tab');
    await expect.poll(() => focused(page)).toMatch(/^li Monthly SEO report/);
    await page.keyboard.press('Space');
    await dialog.getByRole('heading', { name: 'Monthly SEO report' }).waitFor();
    // The roles are proposed once the project's people are in; Create is the last stop before Tab wraps.
    const create = dialog.getByRole('button', { name: 'Create', exact: true });
    await expect.poll(() => create.isEnabled(), { timeout: 15_000 }).toBe(true);
    for (let press = 0; press < 30 && (await focused(page)) !== 'button Create'; press++) await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('button Create');
    await page.keyboard.press('Enter');
    await dialog.getByText('Created 6 tasks from “Monthly SEO report”.').waitFor({ timeout: 30_000 });
    const created = flatten(session.sim.control.tasks(project.id)).filter((task) => !before.has(task.id));
    expect(created).toHaveLength(6);
    expect(created.filter((task) => task.parentId === null).map((task) => task.name)).toEqual(['Monthly SEO report']);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await page.close();
  });

  it('a checklist is inserted from the keyboard alone; Tab stays in its dialog and Escape gives the focus back', async () => {
    const task = activeTask();
    const commentsBefore = session.sim.control.comments(task.id).length;
    const page = await session.browser.context.newPage();
    await page.goto(session.url(task.page));
    const ui = page.locator('account-desk-templates[data-page="task"]');
    await ui.getByRole('button', { name: 'Insert checklist', exact: true }).waitFor();
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    for (let press = 0; press < 200 && (await focused(page)) !== 'button Insert checklist'; press++) await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('button Insert checklist');
    await page.keyboard.press('Enter');
    const dialog = ui.getByRole('dialog', { name: 'Insert checklist' });
    await dialog.getByText('New checklist').waitFor();
    // Focus starts in the search field; Shift+Tab goes to Close, and once more round to the dialog's last stop, "New checklist".
    await expect.poll(() => focused(page)).toBe('input');
    await page.keyboard.press('Shift+Tab');
    expect(await focused(page)).toBe('button ✕');
    await page.keyboard.press('Shift+Tab');
    expect(await focused(page)).toBe('summary New checklist');
    // It opens with Enter, its fields take the typing, "Insert and save" posts it.
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Launch check');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Domain renewed\nAnalytics on');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('button Insert and save');
    await page.keyboard.press('Enter');
    await dialog.getByText('Posted “Launch check” as a comment with a checklist.').waitFor();
    // The button was disabled while posting: the focus is back on it, not lost to the page.
    await expect.poll(() => focused(page)).toBe('button Insert and save');
    const comments = session.sim.control.comments(task.id);
    expect(comments).toHaveLength(commentsBefore + 1);
    expect(comments.some((comment) => comment.todo.join('|') === 'Domain renewed|Analytics on')).toBe(true);

    // Tab and Shift+Tab go round inside the dialog, never out of it.
    const inside = () => dialog.evaluate((element) => element.contains((element.getRootNode() as ShadowRoot).activeElement));
    for (let press = 0; press < 12; press++) {
      await page.keyboard.press(press < 6 ? 'Tab' : 'Shift+Tab');
      expect(await inside()).toBe(true);
    }
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await focused(page)).toBe('button Insert checklist');
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

  describe('in Russian, chosen in options', () => {
    beforeAll(async () => {
      const options = await session.browser.extensionPage('options.html');
      const choice = options.locator('#language-choice');
      await (await choice.elementHandle()).waitForElementState('enabled');
      await choice.selectOption('ru');
      await options.waitForFunction(() => document.documentElement.lang === 'ru');
      await options.close();
    });

    everySurface('ru');
  });
});
