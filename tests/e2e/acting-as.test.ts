// With the admin key, Account Desk writes as the person chosen in "Who are you
// in Worksection?": a checklist posted by "Insert checklist", the tasks a
// template creates and the costs account time writes back all carry that
// person's email_user_from, as the simulator records it. The popup nudges
// until someone is chosen.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Simulator } from '../simulator/index';
import { messenger, startConnectedSession, type ConnectedSession, type ExtensionBrowser } from './harness';

describe('acting as a person with the admin key', () => {
  let session: ConnectedSession;
  let sim: Simulator;
  let browser: ExtensionBrowser;
  let page: Page;
  let extensionPage: Page;
  let person: { email: string; name: string; rate: number };
  const send = messenger(() => extensionPage);
  const url = (path: string) => new URL(path, sim.origin).href;

  beforeAll(async () => {
    session = await startConnectedSession();
    ({ sim, browser } = session);
    const team = sim.control.data().users.filter((user) => !user.client && user.role.toLowerCase() !== 'owner');
    // The owner is who the admin key stands for: choose someone else, so that the difference shows.
    person = team[0]!;
    expect(person, 'the seed has a team member who is not the owner').toBeDefined();
    page = await browser.context.newPage();
    extensionPage = await browser.extensionPage('popup.html');
  });

  afterAll(() => session?.close());

  it('the popup asks who you are until options has the answer, chosen from a searchable list by keyboard', async () => {
    const popup = await browser.extensionPage('popup.html');
    await popup.getByText('Tell Account Desk who you are in Worksection').waitFor();
    // Its button opens options at the connection section.
    const [options] = await Promise.all([browser.context.waitForEvent('page'), popup.getByRole('button', { name: 'Choose who you are' }).click()]);
    await options.waitForURL(/options\.html#connection$/);
    await options.getByRole('heading', { name: 'Who are you in Worksection?' }).waitFor();
    await options.getByRole('group', { name: 'Who are you in Worksection?' }).getByText('The admin API key opens the whole account').waitFor();
    await options.getByText('"Sign in with Worksection" is better').waitFor();

    const search = options.getByRole('combobox', { name: 'Find yourself' });
    await search.fill(person.name.split(' ')[1]!);
    const listbox = options.getByRole('listbox', { name: 'People in the account' });
    await listbox.getByRole('option', { name: new RegExp(person.email.replace(/[.+]/g, '\\$&')) }).waitFor();
    await search.fill('nobody-is-called-this');
    await options.getByText('Nobody matches "nobody-is-called-this".').waitFor();
    await search.fill(person.name);
    const first = listbox.getByRole('option').first();
    expect(await first.getAttribute('aria-selected')).toBe('true');
    expect(await search.getAttribute('aria-activedescendant')).toBe(await first.getAttribute('id'));
    expect(await first.innerText()).toContain(person.email);
    await search.press('Enter');
    await options.getByText(`Account Desk writes as ${person.name} (${person.email}).`).waitFor();
    expect(await send('acting-as/status')).toMatchObject({ needed: true, chosen: { email: person.email, name: person.name } });
    await options.close();

    const again = await browser.extensionPage('popup.html');
    await again.getByRole('status').filter({ hasText: /^Connected to / }).waitFor();
    await again.getByRole('button', { name: 'Open settings' }).waitFor();
    expect(await again.getByText('Tell Account Desk who you are in Worksection').count()).toBe(0);
    await again.close();
    await popup.close().catch(() => {});
  });

  it('"Insert checklist" posts the comment as that person', async () => {
    const project = sim.control.data().projects.find((candidate) => candidate.clientGroup !== null && candidate.members.length >= 3)!;
    const task = sim.control.tasks(project.id).find((candidate) => candidate.status === 'active')!;
    await page.goto(url(task.page));
    const ui = page.locator('account-desk-templates[data-page="task"]');
    await ui.getByRole('button', { name: 'Insert checklist', exact: true }).click();
    const dialog = ui.getByRole('dialog', { name: 'Insert checklist' });
    await dialog.getByText('New checklist').click();
    await dialog.getByLabel('Name', { exact: true }).fill('Acting-as check');
    await dialog.getByLabel('Items, one per line').fill('Brief read\nQuestions sent');
    await dialog.getByRole('button', { name: 'Insert and save' }).click();
    await dialog.getByText('Posted “Acting-as check” as a comment with a checklist.').waitFor();

    const posted = sim.control.writes({ action: 'post_comment' }).at(-1)!;
    expect(posted).toMatchObject({ auth: 'admin', emailUserFrom: person.email });
    const comment = sim.control.comments(task.id).find((candidate) => candidate.id === posted.id)!;
    expect(comment.todo).toEqual(['Brief read', 'Questions sent']);
    expect(comment.author.email).toBe(person.email);
    await page.keyboard.press('Escape');
  });

  it('a template creates every task as that person', async () => {
    const project = sim.control.data().projects.find((candidate) => candidate.members.length >= 2)!;
    await page.goto(url(project.page));
    const ui = page.locator('account-desk-templates[data-page="project"]');
    await ui.getByRole('button', { name: 'Templates', exact: true }).click();
    const dialog = ui.getByRole('dialog', { name: 'Create tasks from a template' });
    await dialog.getByLabel('Search templates').fill('monthly seo');
    await dialog.getByRole('option', { name: /^Monthly SEO report/ }).click();
    for (const role of ['SEO specialist', 'Account manager']) {
      const select = dialog.getByLabel(role, { exact: true });
      await select.locator('option').nth(1).waitFor({ state: 'attached' });
      await select.selectOption({ index: 1 });
    }
    await dialog.getByLabel('Start date').fill('2025-03-17');
    const before = sim.control.writes({ action: 'post_task' }).length;
    await dialog.getByRole('button', { name: 'Create', exact: true }).click();
    await dialog.getByText(/^Created 6 tasks from “Monthly SEO report”\.$/).waitFor({ timeout: 45_000 });

    const created = sim.control.writes({ action: 'post_task' }).slice(before);
    expect(created).toHaveLength(6);
    expect(created.map((write) => write.emailUserFrom)).toEqual(Array(6).fill(person.email));
    const trees = sim.control.tasks(project.id);
    const flat = (list: typeof trees): typeof trees => list.flatMap((task) => [task, ...flat(task.children)]);
    const made = flat(trees).filter((task) => created.some((write) => write.id === task.id));
    expect(made.map((task) => task.author.email)).toEqual(Array(6).fill(person.email));
    await page.keyboard.press('Escape');
  });

  it("account time written back is that person's, at their rate", async () => {
    await expect.poll(async () => (await send<{ status: { phase: string } }>('replies/queue')).status.phase, { timeout: 60_000 }).toBe('ok');
    const thread = sim.control.data().waiting[0]!;
    const noon = new Date();
    noon.setDate(noon.getDate() - 1);
    noon.setHours(12, 0, 0, 0);
    const start = noon.getTime();
    const backup = await send<{ tables: Record<string, unknown[]> }>('time/export');
    backup.tables.sessions = [
      { start, end: start + 20 * 60_000, open: 0, taskId: thread.taskId, projectId: thread.projectId, lastActivityAt: start + 20 * 60_000, tabId: 1, focusedAt: start, origin: sim.origin },
    ];
    await send('time/import', { backup });
    await send('settings/save', { patch: { accountTime: { writeBack: true } } });
    const before = sim.control.writes({ action: 'add_costs' }).length;
    expect(await send('time/write-back')).toMatchObject({ sent: 1, refused: 0 });

    const written = sim.control.writes({ action: 'add_costs' }).slice(before);
    expect(written.map((write) => write.emailUserFrom)).toEqual([person.email]);
    const cost = sim.control.costs({ taskId: thread.taskId }).find((candidate) => candidate.id === written[0]!.id)!;
    expect(cost).toMatchObject({ minutes: 20, user: { email: person.email } });

    // With no rate in options, account time is costed at the person's rate from get_users, not the owner's.
    const owner = sim.control.data().users.find((user) => user.role.toLowerCase() === 'owner')!;
    expect(person.rate, 'the seed gives the person and the owner different rates').not.toBe(owner.rate);
    const widget = await send<{ hourlyRate: number | null }>('time/project', { origin: sim.origin, projectId: thread.projectId });
    expect(widget.hourlyRate).toBe(person.rate);
    const report = await send<{ rows: Array<{ projectId: string; accountMinutes: number; cost: number | null }> }>('time/report', { months: 2 });
    const row = report.rows.find((candidate) => candidate.projectId === thread.projectId && candidate.accountMinutes === 20)!;
    expect(row.cost).toBe(Math.round((20 / 60) * person.rate * 100) / 100);
  });
});

