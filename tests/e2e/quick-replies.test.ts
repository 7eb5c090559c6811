// Quick replies in real Chromium against the simulator: `/` in Worksection's
// comment editor and two letters, Enter: the reply with its variables filled
// is in the editor at the caret, the user's text around it intact and undo
// taking it out again; sending it is a team reply, so the thread's badge
// goes. Also the button, Escape, a `/` inside a word, and a variable with no
// value asked for inline. Personal replies arrive through options' import.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { PersonView, Simulator, TaskTreeView } from '../simulator/index';
import { builtinReplies, fillReply, QUICK_REPLY_FILE_FORMAT, serializeQuickReplyFile } from '../../lib/quick-replies';
import { messenger, startConnectedSession, type ConnectedSession, type ExtensionBrowser } from './harness';
import { englishDay, escapeRegExp, quickReplyUi, STATUS_REPLY, WAIT_MS } from './quick-replies-support';
import { atMinutesAgo, cleanDesk, newTask } from '../support/seed-tools';


describe('quick replies in the comment editor', () => {
  let session: ConnectedSession;
  let sim: Simulator;
  let browser: ExtensionBrowser;
  let page: Page;
  let target: TaskTreeView;
  let noDue: TaskTreeView;
  let client: PersonView;
  let owner: PersonView;
  let projectName: string;


  beforeAll(async () => {
    session = await startConnectedSession({
      beforeLaunch: (started) => {
        sim = started;
        const data = sim.control.data();
        // A clean desk, then one client waiting 20 minutes on a task of the test's own.
        owner = cleanDesk(sim);
        const project = data.projects.find((candidate) => candidate.clientGroup !== null)!;
        projectName = project.name;
        target = newTask(sim, { projectId: project.id, name: 'Homepage copy review', dueInDays: 10 });
        client = data.users.find((user) => user.client && user.group === project.clientGroup) ?? data.users.find((user) => user.client)!;
        atMinutesAgo(sim, 20, () => sim.control.addComment({ taskId: target.id, userEmail: client.email, text: 'Any news on this?' }));
        // Outside client projects, so nobody is the client there.
        const internal = data.projects.filter((candidate) => candidate.clientGroup === null).map((candidate) => candidate.id);
        // Made here: whether the seed has such a task depends on the day and hour it is seeded at.
        noDue = newTask(sim, { projectId: internal[0]!, name: 'Tidy the shared drive' });
        expect(noDue.status === 'active' && !noDue.dateEnd, 'a new task without a due date is active and has none').toBe(true);
      },
      firstSync: true,
    });
    browser = session.browser;
    expect(session.outcome).toMatch(/^Connected to /);
    expect(sim.control.data().waiting.map((thread) => thread.taskId)).toEqual([target.id]);

    // A personal reply, imported in options the way a user would (a bad file first: refused, nothing changed).
    const options = await browser.extensionPage('options.html');
    const section = options.locator('#quick-replies');
    await section.getByText('No personal replies yet', { exact: false }).waitFor();
    await section.getByLabel('Import quick replies').setInputFiles({
      name: 'bad.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ format: QUICK_REPLY_FILE_FORMAT, schemaVersion: 1, replies: [STATUS_REPLY, { id: 'x', title: '', body: 'b' }] })),
    });
    const refusal = section.getByRole('alert');
    await refusal.waitFor();
    expect(await refusal.innerText()).toMatch(/^Nothing imported: the file has 1 problem:\nreplies\[1\]\.title: expected one line of text/);
    expect(await section.locator('ol li').count()).toBe(0);
    await section.getByLabel('Import quick replies').setInputFiles({ name: 'replies.json', mimeType: 'application/json', buffer: Buffer.from(serializeQuickReplyFile([STATUS_REPLY])) });
    await section.getByText('Imported: 1 new, 0 updated.').waitFor();
    await section.locator('ol li', { hasText: STATUS_REPLY.title }).waitFor();
    await options.close();
    page = await browser.context.newPage();
  });

  afterAll(() => session?.close());

  const { editor, ui, list, badge, activeOption, open, insertStatusBySlash } = quickReplyUi(() => page);
  const openTask = (path: string) => open(session.url(path));
  /** Writes `before` + `after` into the editor with the caret between them. */
  async function writeAround(before: string, after: string) {
    const box = editor();
    await box.fill(before + after);
    await box.evaluate((element, at) => {
      (element as HTMLTextAreaElement).focus();
      (element as HTMLTextAreaElement).setSelectionRange(at, at);
    }, before.length);
  }
  const value = () => editor().inputValue();
  /** The personal status reply as the target task fills it. */
  const statusReply = () => `Hi ${client.name.split(' ')[0]}, “${target.name}” (${projectName}) is due ${englishDay(target.dateEnd!.slice(0, 10))}. — ${owner.name}`;
  const editorFocused = () => editor().evaluate((element) => element === document.activeElement);

  it('"/" and two letters, Enter: the reply with its variables filled goes in at the caret, and undo takes it out', async () => {
    await openTask(target.page);
    await badge().waitFor();
    await writeAround('Thanks for the files. ', '\nBest, the team');
    // Personal replies come first among equally used ones; the list shows the active one to screen readers.
    await insertStatusBySlash();

    const reply = statusReply();
    expect(await value()).toBe(`Thanks for the files. ${reply}\nBest, the team`);
    expect(await editorFocused()).toBe(true);
    // The caret stands after the reply.
    expect(await editor().evaluate((element) => (element as HTMLTextAreaElement).selectionStart)).toBe(`Thanks for the files. ${reply}`.length);

    // The editor's own undo history has the reply as one step: undone, the "/" is back with what of "st" reached the editor before the list had opened.
    await page.keyboard.press('Control+z');
    expect(await value()).toMatch(/^Thanks for the files\. \/(st?)?\nBest, the team$/);
    await page.keyboard.press('Control+Shift+z');
    expect(await value()).toBe(`Thanks for the files. ${reply}\nBest, the team`);

    // Sent, it is a team reply: the thread stops waiting and its badge goes.
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await page.locator('.comment__text', { hasText: reply }).waitFor();
    await badge().waitFor({ state: 'detached', timeout: WAIT_MS });
    expect(sim.control.comments(target.id).at(-1)!.text).toContain(reply);
    await expect.poll(() => sim.control.data().waiting.length).toBe(0);
  });

  it('the button opens the list where the caret was; a click inserts there, and the reply used moves up', async () => {
    await openTask(target.page);
    await writeAround('Dear client,\n\n', '\n\nKind regards');
    await ui().getByRole('button', { name: 'Quick reply', exact: true }).click();
    const search = ui().getByRole('combobox', { name: 'Search quick replies' });
    await expect.poll(() => search.evaluate((element) => (element.getRootNode() as ShadowRoot).activeElement === element)).toBe(true);
    await search.fill('invoice');
    const invoice = builtinReplies('en').find((reply) => reply.id === 'builtin.invoice.en')!;
    await list().getByRole('option', { name: new RegExp(`^${invoice.title}`) }).click();
    await list().waitFor({ state: 'detached' });
    // Today is the account's; the rest as the page knows it.
    const filled = fillReply(invoice.body, { client_first_name: client.name.split(' ')[0], project: projectName, my_name: owner.name, today: '\u0000' });
    const [head, tail] = filled.split('\u0000') as [string, string];
    expect(await value()).toMatch(new RegExp(`^Dear client,\\n\\n${escapeRegExp(head)}[A-Z][a-z]{2} \\d{1,2}, \\d{4}${escapeRegExp(tail)}\\n\\nKind regards$`));

    // Used once: first in the list now, before the personal reply used once earlier? Both once; the later use comes first.
    await openTask(target.page);
    await editor().click();
    await page.keyboard.type('/');
    await list().waitFor();
    await expect.poll(() => list().getByRole('option').first().innerText()).toMatch(new RegExp(`^${invoice.title}`));
    expect(await list().getByRole('option').nth(1).innerText()).toMatch(new RegExp(`^${escapeRegExp(STATUS_REPLY.title)}`));
  });

  it('Escape closes the list and gives the editor back as it was, with the "/" typed', async () => {
    await openTask(target.page);
    await writeAround('', '');
    await page.keyboard.type('/');
    await list().waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Escape');
    await list().waitFor({ state: 'detached' });
    await expect.poll(editorFocused).toBe(true);
    await page.keyboard.type('x');
    expect(await value()).toBe('/x');
  });

  it('a "/" inside a word (a date, "and/or") opens nothing', async () => {
    await openTask(target.page);
    await writeAround('', '');
    await page.keyboard.type('and/or 12/');
    // Ours is there (the button), the list is not: typing went on in the editor.
    expect(await list().count()).toBe(0);
    expect(await value()).toBe('and/or 12/');
    expect(await editorFocused()).toBe(true);
  });

  it('a variable with no value is asked for inline before the reply goes in; a fallback needs no asking', async () => {
    await openTask(noDue.page);
    await writeAround('', '');
    await page.keyboard.type('/de');
    await list().waitFor();
    await expect.poll(() => activeOption(list())).toMatch(/^Deadline/);
    await page.keyboard.press('Enter');
    const question = ui().getByRole('dialog', { name: '“Deadline” needs a few details first:' });
    const dueDate = question.getByLabel('Due date', { exact: true });
    await dueDate.waitFor();
    // Nothing went in yet, and only the due date is asked (the greeting has a fallback).
    expect(await value()).toMatch(/^\/(de?)?$/);
    expect(await question.getByRole('textbox').count()).toBe(1);
    await expect.poll(() => dueDate.evaluate((element) => (element.getRootNode() as ShadowRoot).activeElement === element)).toBe(true);
    await page.keyboard.type('next Friday');
    await page.keyboard.press('Enter');
    await question.waitFor({ state: 'detached' });
    const deadline = builtinReplies('en').find((reply) => reply.id === 'builtin.deadline.en')!;
    // Not a client thread: no client's name, so the greeting says "there".
    expect(await value()).toBe(fillReply(deadline.body, { task: noDue.name, due_date: 'next Friday', my_name: owner.name }));
    expect(await value()).toMatch(/^Hi there,/);
  });

  it('works the same in the task modal over a project page, and Escape closes the list, not the modal', async () => {
    await page.goto(session.url(`/project/${target.projectId}/?layout=modal`));
    await page.locator('account-desk-page-bar').waitFor();
    await page.locator(`#tasks_images .item[data-id="${target.id}"] .name a`).click();
    const modal = page.locator('#TB_window');
    const inModal = modal.locator('account-desk-quick-replies[data-page="modal"]');
    await inModal.getByRole('button', { name: 'Quick reply', exact: true }).waitFor();
    const box = modal.getByLabel('Comment', { exact: true });
    await box.click();
    await page.keyboard.type('/');
    const modalList = inModal.getByRole('listbox', { name: 'Saved replies' });
    await modalList.waitFor();
    await page.keyboard.press('Escape');
    await modalList.waitFor({ state: 'detached' });
    expect(await modal.isVisible()).toBe(true);
    expect(await box.inputValue()).toBe('/');

    await box.fill('');
    await insertStatusBySlash(inModal);
    expect(await box.inputValue()).toBe(statusReply());
  });

  it('its switch in options takes it off the open task page and back, with no reload', async () => {
    await openTask(target.page);
    const options = await browser.extensionPage('options.html');
    const toggle = options.locator('#quick-replies').getByRole('switch', { name: 'Show quick replies in the comment editor' });
    await toggle.uncheck();
    await ui().waitFor({ state: 'detached' });
    await writeAround('', '');
    await page.keyboard.type('/st');
    expect(await value()).toBe('/st');
    expect(await page.locator('account-desk-quick-replies').count()).toBe(0);
    await toggle.check();
    await ui().getByRole('button', { name: 'Quick reply', exact: true }).waitFor();
    await options.close();
  });

  it('lists the team\'s replies from the team library project (its "/" tasks), marked Team, and inserts them', async () => {
    const data = sim.control.data();
    const library = data.projects.find((candidate) => candidate.clientGroup === null)!;
    // The team writes a reply as a task named "/…" in the library project (made here through a template Account Desk applies).
    const options = await browser.extensionPage('options.html');
    const send = messenger(() => options);
    const body = 'Hello {client_first_name|team}, we have the brief. — {my_name}';
    await send('templates/personal/save', { template: { id: 'my.team-reply-source', name: 'Team reply source', roles: [], tasks: [{ title: '/Team brief received', description: body, startOffset: 0, duration: 1 }] } });
    await send('templates/apply', { origin: sim.origin, projectId: library.id, source: 'personal', templateId: 'my.team-reply-source', startDate: new Date().toISOString().slice(0, 10), roles: {} });
    await expect.poll(() => sim.control.tasks(library.id).some((task) => task.name === '/Team brief received')).toBe(true);
    await send('settings/save', { patch: { templates: { teamProjectId: library.id } } });
    await options.close();

    await openTask(target.page);
    await writeAround('', '');
    await page.keyboard.type('/');
    await list().waitFor();
    await ui().getByRole('combobox').fill('brief rec');
    const option = list().getByRole('option', { name: /^Team brief received/ });
    await option.waitFor();
    expect(await option.locator('.tag').innerText()).toBe('Team');
    await page.keyboard.press('Enter');
    await list().waitFor({ state: 'detached' });
    expect(await value()).toBe(`Hello ${client.name.split(' ')[0]}, we have the brief. — ${owner.name}`);
  });
});
