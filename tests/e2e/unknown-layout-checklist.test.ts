// "Insert checklist" on a layout none of the known comment selectors fits:
// the comment box is found by a guess (and diagnostics say so), and when the
// checklist cannot be posted it is copied for the user to paste, with a message.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { startConnectedSession, type ConnectedSession } from './harness';

describe('Insert checklist on an unknown layout', () => {
  let session: ConnectedSession;
  let page: Page;
  let taskId: string;

  beforeAll(async () => {
    session = await startConnectedSession();
    const project = session.sim.control.data().projects[0]!;
    const task = session.sim.control.tasks(project.id).find((candidate) => candidate.status === 'active' && candidate.level === 0)!;
    taskId = task.id;
    await session.browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: session.sim.origin });
    page = await session.browser.context.newPage();
    await page.goto(session.url(`${task.page}?layout=unknown`));
  });

  afterAll(async () => {
    await session?.close();
  });

  const ui = (): Locator => page.locator('account-desk-templates[data-page="task"]');
  const replyBox = (): Locator => page.locator('.ws2-reply textarea');

  async function chooseNewChecklist(name: string, items: string): Promise<Locator> {
    await ui().getByRole('button', { name: 'Insert checklist', exact: true }).click();
    const dialog = ui().getByRole('dialog', { name: 'Insert checklist' });
    await dialog.getByText('New checklist').click();
    await dialog.getByLabel('Name', { exact: true }).fill(name);
    await dialog.getByLabel('Items, one per line').fill(items);
    await dialog.getByRole('button', { name: 'Insert and save' }).click();
    return dialog;
  }

  it('writes into the comment box it guessed while a comment is being written', async () => {
    expect(await ui().getAttribute('data-placement')).toBe('dock');
    await replyBox().fill('Before we start:');
    const dialog = await chooseNewChecklist('Kick-off', 'Brief read\nAccess granted');
    await dialog.waitFor({ state: 'detached' });
    expect(await replyBox().inputValue()).toBe('Before we start:\n• Brief read\n• Access granted\n');
    await replyBox().fill('');
  });

  it('copies the checklist, and says so, when Worksection refuses to post it', async () => {
    const before = session.sim.control.comments(taskId).length;
    session.sim.control.addFault({ kind: 'error-envelope', action: 'post_comment', times: 5 });
    const dialog = await chooseNewChecklist('Launch', 'DNS switched\nAnalytics on');
    const message = dialog.getByRole('alert');
    await message.waitFor();
    expect(await message.innerText()).toMatch(/^Not posted: .+ The checklist is copied: paste it into your comment\.$/);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('Launch\n• DNS switched\n• Analytics on\n');
    expect(session.sim.control.comments(taskId)).toHaveLength(before);
    session.sim.control.clearFaults();
  });

  it('names the guessed comment box in diagnostics', async () => {
    const options = await session.browser.extensionPage('options.html');
    const row = options.getByRole('region', { name: 'Diagnostics' }).getByRole('row').filter({ hasText: `${taskId}/` }).first();
    await row.waitFor();
    expect(await row.locator('li[data-feature="templates"] li[data-anchor="commentEditor"]').innerText()).toBe('Comment editor: found (a guess)');
    await options.close();
  });
});
