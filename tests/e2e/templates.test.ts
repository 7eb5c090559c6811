// Templates in real Chromium against the simulator: the picker applies the
// 12-task, 3-level "Website launch" template through the API (and Resume
// finishes it after a failed call without duplicates); "Insert checklist"
// leaves a comment with todo items on a task.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { Simulator } from '../simulator/index';
import { builtinTemplates, expandTemplate, type PlannedTask } from '../../lib/templates';
import { startConnectedSession, type ConnectedSession, type ExtensionBrowser } from './harness';
import { flatten } from '../support/seed-tools';

const templatesUi = (page: Page, feature: 'templates' | 'checklist') => page.locator(`account-desk-templates[data-page="${feature === 'templates' ? 'project' : 'task'}"]`);

describe('templates on Worksection pages', () => {
  let session: ConnectedSession;
  let sim: Simulator;
  let browser: ExtensionBrowser;
  let page: Page;

  beforeAll(async () => {
    session = await startConnectedSession();
    ({ sim, browser } = session);
    expect(session.outcome).toMatch(/^Connected to /);
    page = await browser.context.newPage();
  });

  afterAll(() => session?.close());

  beforeEach(() => sim.control.clearFaults());

  const url = (path: string) => new URL(path, sim.origin).href;
  const clientProject = () => {
    const project = sim.control.data().projects.find((candidate) => candidate.clientGroup !== null && candidate.members.length >= 3);
    if (!project) throw new Error('the simulator has no client project with three members');
    return project;
  };

  /** Opens the picker, chooses Website launch, gives each role a different member, sets the date; answers the expected plan. */
  async function prepareWebsiteLaunch(projectPage: string, startDate: string): Promise<{ dialog: Locator; planned: PlannedTask[] }> {
    await page.goto(url(projectPage));
    const ui = templatesUi(page, 'templates');
    await ui.getByRole('button', { name: 'Templates', exact: true }).click();
    const dialog = ui.getByRole('dialog', { name: 'Create tasks from a template' });
    await dialog.getByLabel('Search templates').fill('website launch');
    await dialog.getByRole('option', { name: /^Website launch/ }).click();
    const template = builtinTemplates('en').find((candidate) => candidate.id === 'builtin.website-launch.en')!;
    const roles: Record<string, string> = {};
    for (const [position, role] of template.roles.entries()) {
      const select = dialog.getByLabel(role, { exact: true });
      // The project's people arrive from the API after the library shows.
      await select.locator('option').nth(1).waitFor({ state: 'attached' });
      const options = await select.locator('option').evaluateAll((nodes) => nodes.map((node) => (node as HTMLOptionElement).value).filter(Boolean));
      const email = options[position % options.length]!;
      await select.selectOption(email);
      roles[role] = email;
    }
    await dialog.getByLabel('Start date').fill(startDate);
    await dialog.getByText('12 tasks', { exact: true }).waitFor();
    const planned = expandTemplate(template, {
      startDate,
      calendar: { workDays: [1, 2, 3, 4, 5], holidays: [] },
      roles,
      teamEmails: [],
    });
    return { dialog, planned };
  }

  /** Exactly the planned tasks are new in the project, with their parents, people, dates and checklists. */
  function expectExactlyCreated(projectId: string, before: Set<string>, planned: PlannedTask[]) {
    const created = flatten(sim.control.tasks(projectId)).filter((task) => !before.has(task.id));
    expect(created).toHaveLength(12);
    const idOfKey = new Map<string, string>();
    for (const task of planned) {
      const parentId = task.parentKey === undefined ? null : idOfKey.get(task.parentKey)!;
      const matches = created.filter((candidate) => candidate.name === task.title && candidate.parentId === parentId);
      expect(matches, task.title).toHaveLength(1);
      const match = matches[0]!;
      idOfKey.set(task.key, match.id);
      expect(match.assignee.email).toBe(task.emailUserTo);
      expect([match.dateStart, match.dateEnd]).toEqual([task.dateStart, task.dateEnd]);
      expect(match.todo).toEqual(task.todo);
    }
    expect(created.filter((task) => task.level === 2).length).toBeGreaterThan(0);
  }

  it('applies a 12-task, 3-level template from the picker, with a summary linking the new tasks', async () => {
    const project = clientProject();
    const before = new Set(flatten(sim.control.tasks(project.id)).map((task) => task.id));
    const { dialog, planned } = await prepareWebsiteLaunch(project.page, '2025-03-14');
    await dialog.getByRole('button', { name: 'Create', exact: true }).click();
    await dialog.getByText('Created 12 tasks from “Website launch”.').waitFor({ timeout: 45_000 });
    expectExactlyCreated(project.id, before, planned);
    const links = dialog.getByRole('link');
    expect(await links.count()).toBe(12);
    const first = flatten(sim.control.tasks(project.id)).find((task) => !before.has(task.id) && task.parentId === null)!;
    expect(await links.first().getAttribute('href')).toBe(url(first.page));
    // Esc closes the dialog and returns focus to the button.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('stops at a failed 5th call, and Resume ends with exactly 12 tasks', async () => {
    const project = clientProject();
    const before = new Set(flatten(sim.control.tasks(project.id)).map((task) => task.id));
    const { dialog, planned } = await prepareWebsiteLaunch(project.page, '2025-04-28');
    sim.control.addFault({ kind: 'error-envelope', action: 'post_task', afterCalls: 4 });
    await dialog.getByRole('button', { name: 'Create', exact: true }).click();
    await dialog.getByText(/^Stopped after 4 of 12 tasks: /).waitFor({ timeout: 30_000 });
    expect(flatten(sim.control.tasks(project.id)).filter((task) => !before.has(task.id))).toHaveLength(4);

    // Closing and reopening the picker (e.g. after a reload) still offers Resume.
    await page.reload();
    const ui = templatesUi(page, 'templates');
    await ui.getByRole('button', { name: 'Templates', exact: true }).waitFor();
    await page.keyboard.press('Alt+Shift+T');
    const reopened = ui.getByRole('dialog', { name: 'Create tasks from a template' });
    await reopened.getByRole('button', { name: 'Resume', exact: true }).click();
    await reopened.getByText('Created 12 tasks from “Website launch”.').waitFor({ timeout: 45_000 });
    expectExactlyCreated(project.id, before, planned);
  });

  it('survives the service worker stopping while a call is in flight: Resume adopts the task whose answer was lost', async () => {
    const project = clientProject();
    const before = new Set(flatten(sim.control.tasks(project.id)).map((task) => task.id));
    const { dialog, planned } = await prepareWebsiteLaunch(project.page, '2025-06-02');
    // The 6th post_task is held 4 s by the server, which then creates the task anyway.
    sim.control.resetStats();
    sim.control.addFault({ kind: 'delay', action: 'post_task', afterCalls: 5, delayMs: 4000 });
    await dialog.getByRole('button', { name: 'Create', exact: true }).click();
    await expect.poll(() => sim.control.stats().byAction.post_task ?? 0, { timeout: 30_000 }).toBe(6);
    const extensionPage = await browser.extensionPage('options.html');
    const cdp = await browser.context.newCDPSession(extensionPage);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await extensionPage.close();
    // The held call completes on the server: 6 tasks exist, the journal knows 5.
    await expect.poll(() => flatten(sim.control.tasks(project.id)).filter((task) => !before.has(task.id)).length, { timeout: 10_000 }).toBe(6);

    await page.reload();
    const ui = templatesUi(page, 'templates');
    await ui.getByRole('button', { name: 'Templates', exact: true }).click();
    const reopened = ui.getByRole('dialog', { name: 'Create tasks from a template' });
    await reopened.getByText('Interrupted after 5 of 12 tasks. Resume creates the rest without duplicates.').waitFor();
    await reopened.getByRole('button', { name: 'Resume', exact: true }).click();
    await reopened.getByText('Created 12 tasks from “Website launch”.').waitFor({ timeout: 45_000 });
    expectExactlyCreated(project.id, before, planned);
  });

  it('"Insert checklist" leaves a comment with the checklist items, and remembers the checklist', async () => {
    const project = clientProject();
    const task = sim.control.tasks(project.id).find((candidate) => candidate.status === 'active')!;
    await page.goto(url(task.page));
    const ui = templatesUi(page, 'checklist');
    await ui.getByRole('button', { name: 'Insert checklist', exact: true }).click();
    const dialog = ui.getByRole('dialog', { name: 'Insert checklist' });
    await dialog.getByText('New checklist').click();
    await dialog.getByLabel('Name', { exact: true }).fill('Brief <b>check</b>');
    await dialog.getByLabel('Items, one per line').fill('Goal agreed\n<img src=x onerror=alert(1)> assets\nBudget confirmed');
    const commentsBefore = sim.control.comments(task.id).length;
    await dialog.getByRole('button', { name: 'Insert and save' }).click();
    await dialog.getByText('Posted “Brief <b>check</b>” as a comment with a checklist.').waitFor();
    const comments = sim.control.comments(task.id);
    expect(comments).toHaveLength(commentsBefore + 1);
    const newest = comments.reduce((latest, comment) => (comment.at >= latest.at && Number(comment.id) > Number(latest.id) ? comment : latest));
    expect(newest.todo).toEqual(['Goal agreed', '<img src=x onerror=alert(1)> assets', 'Budget confirmed']);

    // Next time the saved checklist comes first, and while a comment is being written it goes into the editor.
    await page.keyboard.press('Escape');
    await page.locator('form#comment_form textarea[name=text]').fill('Please check:');
    await ui.getByRole('button', { name: 'Insert checklist', exact: true }).click();
    const first = dialog.getByRole('listitem').first().getByRole('button');
    expect(await first.getAttribute('aria-label')).toBe('Insert Brief <b>check</b> (3 items)');
    await first.click();
    await dialog.waitFor({ state: 'detached' });
    expect(await page.locator('form#comment_form textarea[name=text]').inputValue()).toBe(
      'Please check:\n• Goal agreed\n• <img src=x onerror=alert(1)> assets\n• Budget confirmed\n',
    );
    expect(sim.control.comments(task.id)).toHaveLength(commentsBefore + 1);
    await page.locator('form#comment_form textarea[name=text]').fill('');
  });

  it('works from the keyboard: Alt+Shift+T opens it, arrows choose, Tab stays inside, Esc closes and returns focus', async () => {
    const project = clientProject();
    await page.goto(url(project.page));
    const ui = templatesUi(page, 'templates');
    const button = ui.getByRole('button', { name: 'Templates', exact: true });
    await button.waitFor();
    await page.keyboard.press('Alt+Shift+T');
    const dialog = ui.getByRole('dialog', { name: 'Create tasks from a template' });
    const search = dialog.getByLabel('Search templates');
    await search.waitFor();
    await expect.poll(() => search.evaluate((element) => element === (element.getRootNode() as ShadowRoot).activeElement)).toBe(true);
    await search.fill('seo');
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowDown');
    const selected = dialog.locator('[role=option][aria-selected=true]');
    await expect.poll(() => selected.innerText()).toMatch(/^Ежемесячный SEO-отчёт|^Щомісячний SEO-звіт|^Monthly SEO report/);
    // Many Tabs never leave the dialog.
    for (let press = 0; press < 40; press++) await page.keyboard.press('Tab');
    expect(await dialog.evaluate((element) => element.contains((element.getRootNode() as ShadowRoot).activeElement))).toBe(true);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await button.evaluate((element) => element === (element.getRootNode() as ShadowRoot).activeElement)).toBe(true);
  });

  it('on a layout without anchors the Templates button floats next to the dock', async () => {
    const project = clientProject();
    await page.goto(url(`${project.page}?layout=unknown`));
    const floating = page.locator('account-desk-templates[data-placement="dock"]');
    await floating.getByRole('button', { name: 'Templates', exact: true }).click();
    await floating.getByRole('dialog', { name: 'Create tasks from a template' }).getByRole('option', { name: /^Website launch/ }).waitFor();
  });
});
