// A layout with none of the anchors Account Desk knows: the UI waits in a
// small floating dock instead, with the same information.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startSimulator } from '../simulator/index';
import { accountDeskUi, connectThroughOptions, launchBrowser, type ExtensionBrowser } from './harness';

describe('floating dock on an unknown layout', () => {
  let sim: Awaited<ReturnType<typeof startSimulator>>;
  let browser: ExtensionBrowser;
  let page: Page;

  beforeAll(async () => {
    sim = await startSimulator({ port: 0 });
    browser = await launchBrowser({ hostRules: sim.hostRules });
    const outcome = await connectThroughOptions(browser, { accountUrl: sim.origin, apiKey: sim.apiKey });
    expect(outcome).toMatch(/^Connected to /);
    page = await browser.context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await sim?.close();
  });

  const demoProject = () => {
    const project = sim.control.data().projects[0];
    if (!project) throw new Error('the simulator has no projects');
    const task = sim.control.tasks(project.id).find((candidate) => candidate.level === 0);
    if (!task) throw new Error(`project ${project.page} has no tasks`);
    return { project, task };
  };
  const unknownLayout = (path: string) => new URL(`${path}?layout=unknown`, sim.origin).href;

  it('docks on a task page without known anchors, and the dock shows the task', async () => {
    const { task } = demoProject();
    await page.goto(unknownLayout(task.page));
    const dock = accountDeskUi(page, 'dock');
    // The host has no box of its own (the dock inside is position: fixed); what the user sees is the dock's button.
    const open = dock.getByRole('button', { name: /Account Desk/ });
    await open.waitFor({ state: 'visible' });
    expect(await page.locator('account-desk-ui').count()).toBe(1);

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
    expect(await page.locator('account-desk-ui').count()).toBe(1);

    await open.click();
    await dock.getByText(project.name, { exact: true }).waitFor();
  });
});
