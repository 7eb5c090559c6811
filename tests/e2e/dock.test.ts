// A layout with none of the anchors Account Desk knows: everything the page
// would have shown waits in one floating dock instead, which keeps off the
// page's comment box and remembers where the user put it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { accountDeskDock, accountDeskUi, openDock, startConnectedSession, type ConnectedSession } from './harness';

type Box = { x: number; y: number; width: number; height: number };
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('floating dock on an unknown layout', () => {
  let session: ConnectedSession;
  let page: Page;
  const sim = () => session.sim;

  beforeAll(async () => {
    session = await startConnectedSession({ firstSync: true });
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
  /** A client thread waiting for a reply, and its page. */
  const waitingThread = () => {
    const thread = sim().control.data().waiting[0];
    if (!thread) throw new Error('the simulator has no waiting thread');
    const task = sim().control.tasks(thread.projectId).find((candidate) => candidate.id === thread.taskId);
    if (!task) throw new Error(`no task ${thread.taskId}`);
    return task;
  };
  const unknownLayout = (path: string) => session.url(`${path}?layout=unknown`);
  const frame = (): Locator => accountDeskDock(page).locator('.dock');
  const toggle = (): Locator => accountDeskDock(page).getByRole('button', { name: /^(Open|Close) Account Desk$/ });

  it('docks on a task page without known anchors, and the dock shows the task', async () => {
    const { task } = demoProject();
    await page.goto(unknownLayout(task.page));
    await openDock(page);
    expect(await page.locator('account-desk-page-bar').count()).toBe(1);
    expect(await accountDeskDock(page).locator('account-desk-page-bar[data-placement="dock"]').count()).toBe(1);
    await accountDeskDock(page).getByText(task.name, { exact: true }).waitFor();
    expect(await accountDeskDock(page).count()).toBe(1);
  });

  it('docks on a project page without known anchors, and the dock shows the project', async () => {
    const { project } = demoProject();
    await page.goto(unknownLayout(project.page));
    await openDock(page);
    await accountDeskUi(page, 'dock').getByText(project.name, { exact: true }).waitFor();
  });

  it('carries the waiting thread\'s badge, its time today and the task actions in one panel', async () => {
    const task = waitingThread();
    await page.goto(unknownLayout(task.page));
    await openDock(page);
    const dock = accountDeskDock(page);
    await dock.getByRole('img', { name: /^Client waiting/ }).waitFor();
    await dock.getByRole('region', { name: 'Time in this thread' }).waitFor();
    await dock.getByRole('button', { name: 'Insert checklist', exact: true }).waitFor();
    // One dock, holding each feature's host in declaration order, and nothing of ours outside it.
    const hosts = await dock.evaluate((element) => [...element.children].map((child) => child.localName));
    expect(hosts).toEqual(['account-desk-page-bar', 'account-desk-replies', 'account-desk-templates', 'account-desk-account-time']);
    const outside = await page.evaluate(() => [...document.querySelectorAll('[data-placement="dock"]')].filter((host) => host.parentElement?.localName !== 'account-desk-dock').length);
    expect(outside).toBe(0);
  });

  it('never covers the comment box or its Send button, even while the user types', async () => {
    const task = waitingThread();
    await page.goto(unknownLayout(task.page));
    await openDock(page);
    const editor = page.locator('form textarea').first();
    const send = page.locator('form:has(textarea)').getByRole('button', { name: 'Send', exact: true });
    await editor.click();
    await editor.fill('Thanks, we will get back to you today.');
    // The dock moves aside on the next frame; check it wherever it settles.
    await expect.poll(async () => {
      const [dockBox, editorBox, sendBox] = await Promise.all([frame().boundingBox(), editor.boundingBox(), send.boundingBox()]);
      if (!dockBox || !editorBox || !sendBox) return 'not laid out';
      return overlaps(dockBox, editorBox) || overlaps(dockBox, sendBox)
        ? `overlaps at ${await frame().getAttribute('data-corner')}: dock ${JSON.stringify(dockBox)}, editor ${JSON.stringify(editorBox)}, send ${JSON.stringify(sendBox)}`
        : 'clear';
    }, { timeout: 10_000 }).toBe('clear');
  });

  it('collapses to its button and keeps the user\'s corner and choice on the next page', async () => {
    const { task } = demoProject();
    await page.goto(unknownLayout(task.page));
    await openDock(page);
    const before = await frame().getAttribute('data-corner');
    await accountDeskDock(page).getByRole('button', { name: 'Move Account Desk to another corner' }).click();
    await expect.poll(() => frame().getAttribute('data-corner')).not.toBe(before);
    const moved = await frame().getAttribute('data-corner');

    await toggle().click();
    expect(await toggle().getAttribute('aria-expanded')).toBe('false');
    await accountDeskDock(page).getByText(task.name, { exact: true }).waitFor({ state: 'hidden' });
    // Escape from the button collapses too; Enter opens again (keyboard only).
    await toggle().focus();
    await page.keyboard.press('Enter');
    expect(await toggle().getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('Escape');
    expect(await toggle().getAttribute('aria-expanded')).toBe('false');

    await page.reload();
    await expect.poll(() => toggle().getAttribute('aria-expanded')).toBe('false');
    await expect.poll(() => frame().getAttribute('data-corner')).toBe(moved);
    await openDock(page);
    await accountDeskDock(page).getByText(task.name, { exact: true }).waitFor();
  });

  it('opens itself when a docked feature opens a dialog from the keyboard', async () => {
    const { project } = demoProject();
    await page.goto(unknownLayout(project.page));
    await openDock(page);
    await toggle().click();
    expect(await toggle().getAttribute('aria-expanded')).toBe('false');
    // Alt+Shift+T opens the template picker, whose button waits in the collapsed dock.
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Alt+Shift+KeyT');
    await accountDeskDock(page).getByRole('dialog', { name: 'Create tasks from a template' }).waitFor();
    expect(await toggle().getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('Escape');
  });
});
