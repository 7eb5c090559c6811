// A layout with none of the anchors Account Desk knows: the UI waits in a
// small floating dock instead, with the same information.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { accountDeskUi, startConnectedSession, type ConnectedSession } from './harness';

describe('floating dock on an unknown layout', () => {
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
    const task = sim().control.tasks(project.id).find((candidate) => candidate.level === 0);
    if (!task) throw new Error(`project ${project.page} has no tasks`);
    return { project, task };
  };
  const unknownLayout = (path: string) => session.url(`${path}?layout=unknown`);

  it('docks on a task page without known anchors, and the dock shows the task', async () => {
    const { task } = demoProject();
    await page.goto(unknownLayout(task.page));
    const dock = accountDeskUi(page, 'dock');
    // The host has no box of its own (the dock inside is position: fixed); what the user sees is the dock's button.
    const open = dock.getByRole('button', { name: /Account Desk/ });
    await open.waitFor({ state: 'visible' });
    expect(await page.locator('account-desk-page-bar').count()).toBe(1);

    await open.click();
    await dock.getByText(task.name, { exact: true }).waitFor();
  });

  it('docks on a project page without known anchors, and the dock shows the project', async () => {
    const { project } = demoProject();
    await page.goto(unknownLayout(project.page));
    const dock = accountDeskUi(page, 'dock');
    // The host has no box of its own (the dock inside is position: fixed); what the user sees is the dock's button.
    const open = dock.getByRole('button', { name: /Account Desk/ });
    await open.waitFor({ state: 'visible' });
    expect(await page.locator('account-desk-page-bar').count()).toBe(1);

    await open.click();
    await dock.getByText(project.name, { exact: true }).waitFor();
  });
});
