// The page bar on Worksection's project and task pages: mounted at the page's
// anchor, showing names from the API, following in-page navigation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { accountDeskUi, startConnectedSession, type ConnectedSession } from './harness';

describe('page bar on project and task pages', () => {
  let session: ConnectedSession;
  let page: Page;
  const sim = () => session.sim;

  beforeAll(async () => {
    session = await startConnectedSession();
    page = await session.browser.context.newPage();
  });

  afterAll(() => session?.close());

  const demoProject = () => {
    const project = sim().control.data().projects[0];
    if (!project) throw new Error('the simulator has no projects');
    const tasks = sim().control.tasks(project.id).filter((task) => task.level === 0);
    if (tasks.length < 2) throw new Error(`project ${project.page} needs two top-level tasks`);
    return { project, tasks };
  };
  const url = (path: string) => session.url(path);

  it('mounts at the anchor of a project page and shows the project name from the API', async () => {
    const { project } = demoProject();
    await page.goto(url(project.page));
    const ui = accountDeskUi(page, 'anchor');
    await ui.getByText(project.name, { exact: true }).waitFor();
    expect(await page.locator('account-desk-page-bar').count()).toBe(1);
  });

  it('mounts at the anchor of a task page and shows the task name from the API', async () => {
    const { tasks } = demoProject();
    const task = tasks[1]!;
    await page.goto(url(task.page));
    const ui = accountDeskUi(page, 'anchor');
    await ui.getByText(task.name, { exact: true }).waitFor();
    expect(await page.locator('account-desk-page-bar').count()).toBe(1);
  });

  it('follows in-page navigation from the project page to a task without a reload', async () => {
    const { project, tasks } = demoProject();
    const task = tasks[0]!;
    await page.goto(url(project.page));
    await accountDeskUi(page, 'anchor').getByText(project.name, { exact: true }).waitFor();
    // A reload would drop this marker; Worksection-style navigation keeps the document.
    await page.evaluate(() => Object.assign(window, { accountDeskNoReload: true }));

    await page.locator('#tasks_images').getByRole('link', { name: task.name, exact: true }).click();
    await page.waitForURL(url(task.page));
    await accountDeskUi(page, 'anchor').getByText(task.name, { exact: true }).waitFor();

    expect(await page.evaluate(() => (window as { accountDeskNoReload?: boolean }).accountDeskNoReload)).toBe(true);
    expect(await page.locator('account-desk-page-bar').count()).toBe(1);
  });
});
