// Tasks opened the usual way on the classic web app: in a ThickBox modal over
// the project's task list, the address staying on the project. The reply
// badge, the thread's time and "Insert checklist" appear in the modal, go
// with it, and follow the next task opened.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { WaitingThreadView } from '../simulator/control';
import { startConnectedSession, type ConnectedSession } from './harness';

describe('the task modal', () => {
  let session: ConnectedSession;
  let page: Page;
  let first: WaitingThreadView;
  let second: WaitingThreadView;

  beforeAll(async () => {
    session = await startConnectedSession();
    // Two late client threads of one project: the modal is opened on one, then the other.
    const late = session.sim.control.data().waiting.filter((thread) => thread.minutes > 15);
    const pair = late.flatMap((a) => late.filter((b) => b !== a && b.projectId === a.projectId).map((b) => [a, b] as const))[0];
    if (!pair) throw new Error('the simulator has no project with two late client threads');
    [first, second] = pair;
    page = await session.browser.context.newPage();
  });

  afterAll(async () => {
    await session?.close();
  });

  const modal = (): Locator => page.locator('#TB_window');
  const inModal = (feature: string): Locator => modal().locator(`account-desk-${feature}[data-page="modal"]`);
  const projectPage = (thread: WaitingThreadView) => session.url(`/project/${thread.projectId}/?layout=modal`);

  async function openModal(thread: WaitingThreadView): Promise<void> {
    await page.locator(`#tasks_images .item[data-id="${thread.taskId}"] .name a`).click();
    await modal().locator(`#TB_title .name a`).waitFor();
    // The address stays on the project: only the DOM says which task is open.
    expect(new URL(page.url()).pathname).toBe(`/project/${thread.projectId}/`);
  }

  it('shows the late thread\'s badge, its time and Insert checklist in the modal, and takes them away with it', async () => {
    await page.goto(projectPage(first));
    await page.locator('account-desk-page-bar').waitFor();
    await openModal(first);

    const badge = modal().locator('.task h1 account-desk-reply');
    await badge.waitFor();
    expect(await badge.getAttribute('data-state')).toMatch(/^(late|escalated)$/);
    await inModal('account-time').getByRole('region', { name: 'Time in this thread' }).waitFor();
    await inModal('templates').getByRole('button', { name: 'Insert checklist', exact: true }).waitFor();
    // The project page's own features stay where they were.
    expect(await page.locator('body > #wrapper account-desk-page-bar[data-page="project"]').count()).toBe(1);

    await modal().locator('#TB_closeWindowButton').click();
    await modal().waitFor({ state: 'detached' });
    expect(await page.locator('[data-page="modal"]').count()).toBe(0);
    expect(await page.locator('account-desk-reply[data-variant="task"]').count()).toBe(0);
  });

  it('gives each task opened in a row its own badge and checklist target', async () => {
    await page.goto(projectPage(first));
    await openModal(first);
    await modal().locator('.task h1 account-desk-reply').waitFor();
    await modal().locator('#TB_closeWindowButton').click();

    await openModal(second);
    const badge = modal().locator('.task h1 account-desk-reply');
    await badge.waitFor();
    expect(await modal().locator('.task').getAttribute('data-id')).toBe(second.taskId);

    // "Insert checklist" in the second modal posts to the second task.
    const ui = inModal('templates');
    await ui.getByRole('button', { name: 'Insert checklist', exact: true }).click();
    const dialog = ui.getByRole('dialog', { name: 'Insert checklist' });
    await dialog.getByText('New checklist').click();
    await dialog.getByLabel('Name', { exact: true }).fill('Modal check');
    await dialog.getByLabel('Items, one per line').fill('Scope agreed\nDates agreed');
    const before = { first: session.sim.control.comments(first.taskId).length, second: session.sim.control.comments(second.taskId).length };
    await dialog.getByRole('button', { name: 'Insert and save' }).click();
    await dialog.getByText('Posted “Modal check” as a comment with a checklist.').waitFor();
    expect(session.sim.control.comments(second.taskId)).toHaveLength(before.second + 1);
    expect(session.sim.control.comments(first.taskId)).toHaveLength(before.first);
    // Escape closes our dialog first; the modal stays.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await modal().count()).toBe(1);
  });

  it('works the same when every link loads a whole page (no in-page navigation)', async () => {
    await page.goto(session.url(`/project/${first.projectId}/?nav=reload`));
    await page.locator('account-desk-page-bar[data-page="project"]').waitFor();
    await Promise.all([page.waitForEvent('load'), page.locator(`#tasks_images .item[data-id="${first.taskId}"] .name a`).click()]);
    expect(new URL(page.url()).pathname).toMatch(new RegExp(`/${first.taskId}/$`));
    await page.locator('.task h1 account-desk-reply').waitFor();
    await page.locator('account-desk-account-time[data-page="task"]').waitFor();
    await page.locator('account-desk-templates[data-page="task"]').getByRole('button', { name: 'Insert checklist', exact: true }).waitFor();
    // A #comment anchor on the same thread is no new page: the same UI stays.
    const host = await page.locator('account-desk-templates').elementHandle();
    // The runner hears hashchange in the same dispatch; a frame later it has decided.
    await page.evaluate(
      () =>
        new Promise((resolve) => {
          addEventListener('hashchange', () => requestAnimationFrame(resolve), { once: true });
          location.hash = '#com1';
        }),
    );
    expect(await page.locator('account-desk-templates').count()).toBe(1);
    expect(await host!.evaluate((element) => element.isConnected)).toBe(true);
  });
});
