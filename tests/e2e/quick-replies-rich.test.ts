// Quick replies and "Insert checklist" in a rich comment editor, in real
// Chromium against the simulator's `?editor=rich` page: a contenteditable in
// <p> paragraphs, as CKEditor- or ProseMirror-style editors are (Worksection's
// real editor very probably is one). `/`, two letters, Enter puts the reply at
// the caret with the user's paragraphs around it kept, undo takes it out; the
// button inserts at the caret too, also on an empty line; the checklist goes in
// as paragraphs; sending posts the text and the thread's badge goes; and `/`
// works in an editor that cancels the browser's typing to type for itself;
// an editor with its own model is given the reply as a paste.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { PersonView, Simulator } from '../simulator/index';
import { builtinReplies, fillReply } from '../../lib/quick-replies';
import { messenger, startConnectedSession, type ConnectedSession, type ExtensionBrowser } from './harness';
import { englishDay, escapeRegExp, quickReplyUi, STATUS_REPLY, WAIT_MS } from './quick-replies-support';
import { atMinutesAgo, cleanDesk, newTask } from '../support/seed-tools';


describe('quick replies and checklists in a rich comment editor', () => {
  let session: ConnectedSession;
  let sim: Simulator;
  let browser: ExtensionBrowser;
  let page: Page;
  let task: { id: string; page: string; projectId: string; name: string; dueDate: string };
  let projectName: string;
  let client: PersonView;
  let owner: PersonView;

  beforeAll(async () => {
    session = await startConnectedSession({
      beforeLaunch: (started) => {
        sim = started;
        const data = sim.control.data();
        // A clean desk, then one client waiting 20 minutes on a task of the test's own.
        owner = cleanDesk(sim);
        const project = data.projects.find((candidate) => candidate.clientGroup !== null)!;
        projectName = project.name;
        client = data.users.find((user) => user.client && user.group === project.clientGroup)!;
        const made = newTask(sim, { projectId: project.id, name: 'Spring menu artwork', dueInDays: 9 });
        task = { id: made.id, page: made.page, projectId: project.id, name: made.name, dueDate: made.dateEnd!.slice(0, 10) };
        atMinutesAgo(sim, 20, () => sim.control.addComment({ taskId: task.id, userEmail: client.email, text: 'Any news on the artwork?' }));
      },
      firstSync: true,
    });
    browser = session.browser;
    expect(session.outcome).toMatch(/^Connected to /);
    expect(sim.control.data().waiting.map((thread) => thread.taskId)).toEqual([task.id]);
    // A personal reply with every variable the page knows (saved as options save one).
    const options = await browser.extensionPage('options.html');
    await messenger(() => options)('quick-replies/personal/save', { reply: STATUS_REPLY });
    await options.close();
    page = await browser.context.newPage();
  });

  afterAll(() => session?.close());

  const { editor, ui, list, badge, activeOption, open, insertStatusBySlash } = quickReplyUi(() => page);
  const richPage = (path: string) => session.url(`${path}?editor=rich`);

  /** The task's page with the rich editor. */
  const openTask = () => open(richPage(task.page));
  /**
   * The editor's text, a line per paragraph (as the page posts it); its
   * children must all be paragraphs, as the editor's own Enter makes them.
   */
  const lines = (box: Locator = editor()) =>
    box.evaluate((element) => {
      const children = [...element.childNodes];
      const odd = children.find((node) => node.nodeName !== 'P');
      if (odd) return `not a paragraph: ${odd.nodeName} ${JSON.stringify(odd.textContent)}`;
      // A paragraph's last <br> only keeps an empty one open; typed spaces may be non-breaking.
      return children.map((node) => (node as HTMLElement).innerText.replace(/\n$/, '').replace(/\u00a0/g, ' ')).join('\n');
    });
  /** Types `text` into the editor, Enter between its lines, as a user does. */
  async function write(text: string, box: Locator = editor()) {
    await box.click();
    for (const [index, line] of text.split('\n').entries()) {
      if (index > 0) await page.keyboard.press('Enter');
      if (line) await page.keyboard.type(line);
    }
  }
  /** The editor's text before the caret (the caret collapsed inside the editor), or null when it is elsewhere. */
  const textBeforeCaret = () =>
    editor().evaluate((element) => {
      const selection = getSelection();
      if (!selection || selection.rangeCount === 0 || !selection.isCollapsed || !element.contains(selection.anchorNode)) return null;
      const range = document.createRange();
      range.selectNodeContents(element);
      range.setEnd(selection.anchorNode!, selection.anchorOffset);
      const paragraphs = [...element.children].filter((paragraph) => range.intersectsNode(paragraph));
      return paragraphs
        .map((paragraph) => {
          const part = document.createRange();
          part.selectNodeContents(paragraph);
          if (paragraph.contains(selection.anchorNode)) part.setEnd(selection.anchorNode!, selection.anchorOffset);
          return part.toString().replace(/\u00a0/g, ' ');
        })
        .join('\n');
    });
  const editorFocused = () => editor().evaluate((element) => element === document.activeElement);
  /** The personal status reply as the task fills it. */
  const statusReply = () => `Hi ${client.name.split(' ')[0]}, “${task.name}” (${projectName}) is due ${englishDay(task.dueDate)}. — ${owner.name}`;
  const deadlineReply = () =>
    fillReply(builtinReplies('en').find((reply) => reply.id === 'builtin.deadline.en')!.body, {
      client_first_name: client.name.split(' ')[0],
      task: task.name,
      due_date: englishDay(task.dueDate),
      my_name: owner.name,
    });

  it('"/" and two letters, Enter: the reply goes in at the caret between the user\'s paragraphs, undo takes it out, and sending posts it', async () => {
    await openTask();
    await badge().waitFor();
    await write('Thanks for the files. \nBest, the team');
    // Back to the end of the first paragraph.
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('End');
    expect(await textBeforeCaret()).toBe('Thanks for the files. ');
    await insertStatusBySlash();

    const reply = statusReply();
    expect(await lines()).toBe(`Thanks for the files. ${reply}\nBest, the team`);
    expect(await editorFocused()).toBe(true);
    expect(await textBeforeCaret()).toBe(`Thanks for the files. ${reply}`);

    // The editor's own undo history has the reply as one step: undone, the "/" is back with what of "st" reached the editor before the list had opened.
    await page.keyboard.press('Control+z');
    expect(await lines()).toMatch(/^Thanks for the files\. \/(st?)?\nBest, the team$/);
    await page.keyboard.press('Control+Shift+z');
    expect(await lines()).toBe(`Thanks for the files. ${reply}\nBest, the team`);

    // Sent, the page posts the paragraphs as lines; it is a team reply, so the thread stops waiting and its badge goes.
    const before = sim.control.comments(task.id).length;
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await page.locator('.comment__text', { hasText: reply }).waitFor();
    expect(sim.control.comments(task.id)).toHaveLength(before + 1);
    expect(sim.control.comments(task.id).at(-1)!.text.replace(/\u00a0/g, ' ')).toBe(`Thanks for the files. ${reply}\nBest, the team`);
    await badge().waitFor({ state: 'detached', timeout: WAIT_MS });
    await expect.poll(() => sim.control.data().waiting.length).toBe(0);
    // The page's editor is a fresh one after sending, and works again.
    await editor().click();
    await page.keyboard.type('/');
    await list().waitFor();
    await page.keyboard.press('Escape');
    await list().waitFor({ state: 'detached' });
  });

  it('the button inserts at the caret inside a paragraph, the reply\'s own paragraphs between the user\'s text', async () => {
    await openTask();
    await write('Dear client, see below.\nKind regards');
    // The caret after "Dear client, ".
    await page.keyboard.press('Control+Home');
    for (let step = 0; step < 'Dear client, '.length; step++) await page.keyboard.press('ArrowRight');
    expect(await textBeforeCaret()).toBe('Dear client, ');
    await ui().getByRole('button', { name: 'Quick reply', exact: true }).click();
    const search = ui().getByRole('combobox', { name: 'Search quick replies' });
    await expect.poll(() => search.evaluate((element) => (element.getRootNode() as ShadowRoot).activeElement === element)).toBe(true);
    await search.fill('deadline');
    await list().getByRole('option', { name: /^Deadline/ }).click();
    await list().waitFor({ state: 'detached' });
    const reply = deadlineReply();
    expect(reply).toContain('\n\n');
    expect(await lines()).toBe(`Dear client, ${reply}see below.\nKind regards`);
    expect(await editorFocused()).toBe(true);
    expect(await textBeforeCaret()).toBe(`Dear client, ${reply}`);
  });

  it('the button inserts on an empty line the caret is on, not at the end of the text', async () => {
    await openTask();
    await write('Dear client,\n\nKind regards');
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('ArrowDown');
    expect(await textBeforeCaret()).toBe('Dear client,\n');
    await ui().getByRole('button', { name: 'Quick reply', exact: true }).click();
    const search = ui().getByRole('combobox', { name: 'Search quick replies' });
    await expect.poll(() => search.evaluate((element) => (element.getRootNode() as ShadowRoot).activeElement === element)).toBe(true);
    await search.fill('status for');
    await expect.poll(() => activeOption(list())).toMatch(new RegExp(`^${escapeRegExp(STATUS_REPLY.title)}`));
    await page.keyboard.press('Enter');
    await list().waitFor({ state: 'detached' });
    expect(await lines()).toBe(`Dear client,\n${statusReply()}\nKind regards`);
    expect(await textBeforeCaret()).toBe(`Dear client,\n${statusReply()}`);
  });

  it('Escape closes the list and gives the caret back after the "/", in its paragraph', async () => {
    await openTask();
    await write('Hi /');
    await list().waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Escape');
    await list().waitFor({ state: 'detached' });
    await expect.poll(editorFocused).toBe(true);
    await page.keyboard.type('x');
    expect(await lines()).toBe('Hi /x');
  });

  it('"Insert checklist" while a comment is being written puts the items in the editor as paragraphs, posts nothing, and undo takes them out', async () => {
    await openTask();
    await write('Please check:');
    const templates = page.locator('account-desk-templates[data-page="task"]');
    await templates.getByRole('button', { name: 'Insert checklist', exact: true }).click();
    const dialog = templates.getByRole('dialog', { name: 'Insert checklist' });
    await dialog.getByText('New checklist').click();
    await dialog.getByLabel('Name', { exact: true }).fill('Artwork check');
    await dialog.getByLabel('Items, one per line').fill('Sizes agreed\n<img src=x onerror=alert(1)> logo\nPrint proof');
    const commentsBefore = sim.control.comments(task.id).length;
    await dialog.getByRole('button', { name: 'Insert and save' }).click();
    await dialog.waitFor({ state: 'detached' });
    const withItems = 'Please check:\n• Sizes agreed\n• <img src=x onerror=alert(1)> logo\n• Print proof';
    await expect.poll(() => lines()).toMatch(new RegExp(`^${escapeRegExp(withItems)}\\n?$`));
    expect(await editor().locator('img').count()).toBe(0);
    expect(sim.control.comments(task.id)).toHaveLength(commentsBefore);
    await expect.poll(editorFocused).toBe(true);

    await page.keyboard.press('Control+z');
    expect(await lines()).toBe('Please check:');
    await page.keyboard.press('Control+Shift+z');
    expect(await lines()).toMatch(new RegExp(`^${escapeRegExp(withItems)}\\n?$`));

    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await page.locator('.comment__text', { hasText: 'Print proof' }).waitFor();
    expect(sim.control.comments(task.id).at(-1)!.text.trim()).toBe(withItems);
  });

  it('"/" opens the list in an editor that types for itself (cancels the browser\'s typing and puts the text in, as CKEditor 5\'s 2024 releases did)', async () => {
    await openTask();
    // In the page's world, as the editor's own script: no `input` event follows a cancelled `beforeinput`.
    await editor().evaluate((element) => {
      element.addEventListener('beforeinput', (typing) => {
        const event = typing as InputEvent;
        if (event.inputType !== 'insertText' || !event.data) return;
        event.preventDefault();
        const selection = getSelection()!;
        const range = selection.getRangeAt(0);
        range.deleteContents();
        const at = range.startContainer;
        if (at.nodeType === Node.TEXT_NODE) {
          (at as Text).insertData(range.startOffset, event.data);
          selection.collapse(at, range.startOffset + event.data.length);
        } else {
          const text = document.createTextNode(event.data);
          range.insertNode(text);
          selection.collapse(text, text.length);
        }
      });
    });
    await write('Thanks! ');
    await insertStatusBySlash();
    expect(await lines()).toBe(`Thanks! ${statusReply()}`);
  });

  it('an editor with a model of its own (it takes pastes itself, as CKEditor 5 and ProseMirror do) is given the reply as a paste over the "/", once', async () => {
    await openTask();
    // In the page's world, as the editor's own script; it would render over a reply typed into its DOM by anyone else.
    await editor().evaluate((element) => {
      element.addEventListener('paste', (pasting) => {
        const event = pasting as ClipboardEvent;
        event.preventDefault();
        const text = event.clipboardData!.getData('text/plain');
        element.dataset.pasted = `${element.dataset.pasted ?? ''}[${text}]`;
        document.execCommand('insertText', false, text);
      });
    });
    await write('Thanks! ');
    await insertStatusBySlash();
    expect(await editor().getAttribute('data-pasted')).toBe(`[${statusReply()}]`);
    expect(await lines()).toBe(`Thanks! ${statusReply()}`);
    expect(await textBeforeCaret()).toBe(`Thanks! ${statusReply()}`);
  });

  it('with every link loading a whole page (no page script but the editor\'s), sending posts the paragraphs as lines, and the thread stops waiting', async () => {
    // The client writes again, after the team's comments above.
    sim.control.addComment({ taskId: task.id, userEmail: client.email, text: 'And the print files?' });
    await expect.poll(() => sim.control.data().waiting.map((thread) => thread.taskId)).toEqual([task.id]);
    await page.goto(session.url(`${task.page}?nav=reload&editor=rich`));
    await ui().getByRole('button', { name: 'Quick reply', exact: true }).waitFor();
    await write('Print files: \nThe team');
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('End');
    await insertStatusBySlash();
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await page.locator('.comment__text', { hasText: 'Print files:' }).waitFor();
    // A whole-page form post sends its line breaks as CRLF, as it does from a textarea.
    expect(sim.control.comments(task.id).at(-1)!.text.replace(/\r\n/g, '\n').replace(/\u00a0/g, ' ')).toBe(`Print files: ${statusReply()}\nThe team`);
    await expect.poll(() => sim.control.data().waiting.length, { timeout: WAIT_MS }).toBe(0);
  });

  it('works in the task modal over a project page: "/" inserts at the caret, and the modal posts it', async () => {
    await page.goto(session.url(`/project/${task.projectId}/?layout=modal&editor=rich`));
    await page.locator('account-desk-page-bar').waitFor();
    await page.locator(`#tasks_images .item[data-id="${task.id}"] .name a`).click();
    const modal = page.locator('#TB_window');
    const inModal = modal.locator('account-desk-quick-replies[data-page="modal"]');
    await inModal.getByRole('button', { name: 'Quick reply', exact: true }).waitFor();
    const box = modal.getByLabel('Comment', { exact: true });
    expect(await box.getAttribute('contenteditable')).toBe('true');
    await write('Hello again, \nThe team', box);
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('End');
    await insertStatusBySlash(inModal);
    expect(await lines(box)).toBe(`Hello again, ${statusReply()}\nThe team`);
    expect(await modal.isVisible()).toBe(true);

    await modal.getByRole('button', { name: 'Send', exact: true }).click();
    await modal.locator('.comment__text', { hasText: 'Hello again' }).waitFor();
    expect(sim.control.comments(task.id).at(-1)!.text.replace(/\u00a0/g, ' ')).toBe(`Hello again, ${statusReply()}\nThe team`);
  });
});
