// The Firefox build in Firefox ESR, end to end against the simulator: what a
// manager does in a day, once. Connecting through options; the popup queue;
// a reply badge on a project page, gone after a team reply sent from the
// task page; account time counted on a client thread; a template applied;
// "Insert checklist". One browser for the whole file, in that order (each
// check leaves the account as the next one expects).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import type { PersonView, Simulator, TaskTreeView } from '../simulator/index';
import { builtinTemplates, expandTemplate } from '../../lib/templates';
import { atMinutesAgo, cleanDesk, flatten, newTask } from '../support/seed-tools';
import { clickButton, connectThroughOptions, poll, startFirefoxSession, textsOf, waitForFirstSync, waitForText, type FirefoxSession } from './harness';

/** The Chromium suite's tolerance for account time: N seconds of activity show N ± 2 s. */
const TOLERANCE_S = 2;

describe('Firefox: a day with Account Desk', () => {
  let session: FirefoxSession;
  let sim: Simulator;
  let page: Page;
  let popup: Page;
  let projectPage: string;
  let projectId: string;
  let late: TaskTreeView;
  let recent: TaskTreeView;
  let client: PersonView;

  /** A clean desk but for two client threads in one client project: one waiting 20 minutes (late), one 3 minutes. */
  function prepareAccount(started: Simulator) {
    sim = started;
    const data = sim.control.data();
    cleanDesk(sim);
    const project = data.projects.find((candidate) => candidate.clientGroup !== null && candidate.members.length >= 3)!;
    projectPage = project.page;
    projectId = project.id;
    // Tasks of the test's own: a seeded one may be a thread the clean desk just answered, after a back-dated comment.
    [late, recent] = [newTask(sim, { projectId, name: 'Brochure proofs' }), newTask(sim, { projectId, name: 'Event banner' })];
    client = data.users.find((user) => user.client && user.group === project.clientGroup)!;
    atMinutesAgo(sim, 20, () => sim.control.addComment({ taskId: late.id, userEmail: client.email, text: 'Any news on this?' }));
    atMinutesAgo(sim, 3, () => sim.control.addComment({ taskId: recent.id, userEmail: client.email, text: 'One more question.' }));
  }

  beforeAll(async () => {
    session = await startFirefoxSession({ connect: false, beforeLaunch: prepareAccount });
    page = await session.firefox.newPage();
  });

  afterAll(() => session?.close());

  const badges = (scope: string) => textsOf(page, `${scope} account-desk-reply >>> [role=img]`);
  const badgeLabels = async (scope: string) => {
    const handles = await page.$$(`${scope} account-desk-reply >>> [role=img]`);
    return Promise.all(handles.map((handle) => handle.evaluate((element) => element.getAttribute('aria-label') ?? '')));
  };

  it('Firefox: connects through options and says what it connected to (the background reaches the simulator over HTTPS)', async () => {
    const outcome = await connectThroughOptions(session.firefox, { accountUrl: sim.origin, apiKey: sim.apiKey });
    expect(outcome, 'Firefox: connecting through options').toMatch(/^Connected to demo\.worksection\.com\b/);
  });

  it('Firefox: the popup lists the waiting client threads, most urgent first', async () => {
    popup = await session.firefox.extensionPage('popup.html');
    await waitForFirstSync(popup);
    const tasks = await poll('Firefox: two threads in the popup queue', async () => {
      const shown = await textsOf(popup, 'ol.threads > li .task');
      return shown.length === 2 ? shown : null;
    }, undefined, () => popup.evaluate(() => document.body.innerText));
    expect(tasks, 'Firefox: the popup queue').toEqual([late.name, recent.name]);
    const [wait] = await textsOf(popup, 'ol.threads > li .wait');
    expect(wait, 'Firefox: the first thread waits 20 minutes').toMatch(/^2\dm/);
    const [meta] = await textsOf(popup, 'ol.threads > li .meta');
    expect(meta).toBe(`${sim.control.data().projects.find((project) => project.id === projectId)!.name} · ${client.name}`);
  });

  it('Firefox: shows a late reply badge on the thread\'s row of the project page', async () => {
    // The tab in front, as a user's: Firefox defers a background tab's idle callbacks and animation frames.
    await page.bringToFront();
    await page.goto(session.url(projectPage));
    const row = `#tasks_images .item[data-id="${late.id}"]`;
    await waitForText(page, `${row} account-desk-reply >>> [role=img]`, /^2\dm$/);
    expect(await badgeLabels(row), 'Firefox: the late badge').toEqual([expect.stringMatching(/^Client waiting 2\d minutes, late$/)]);
    await poll('Firefox: a badge on the 3-minute thread too', async () => ((await badges(`#tasks_images .item[data-id="${recent.id}"]`)).length === 1 ? true : null), undefined, () => badgeLabels('#tasks_images'));
    expect(await badges('#tasks_images'), 'Firefox: badges on the project page').toHaveLength(2);
  });

  it('Firefox: a team reply sent on the task page removes the badge, on the task page and on the project page', async () => {
    await page.goto(session.url(late.page));
    await waitForText(page, '.task h1 account-desk-reply >>> [role=img]', /^2\dm$/);
    await page.locator('form#comment_form textarea[name=text]').fill('Done, see the new version.');
    await clickButton(page, 'form#comment_form', 'Send');
    await waitForText(page, '.comment__text', 'Done, see the new version.');
    await poll('Firefox: the badge leaving the task page after the reply', async () => ((await badges('.task h1')).length === 0 ? true : null));

    await page.goto(session.url(projectPage));
    await waitForText(page, `#tasks_images .item[data-id="${recent.id}"] account-desk-reply >>> [role=img]`, /^\d+m$/);
    expect(await badges(`#tasks_images .item[data-id="${late.id}"]`), 'Firefox: no badge on the answered thread').toEqual([]);
    expect(await badges('#tasks_images')).toHaveLength(1);
  });

  /** Today's account time in the project widget, in seconds. */
  async function widgetToday(): Promise<number> {
    await page.goto(session.url(projectPage));
    const time = await page.waitForSelector('account-desk-account-time >>> tr[data-period="day"] time');
    const value = await time!.evaluate((element) => element.getAttribute('datetime'));
    const seconds = /^PT(\d+)S$/.exec(value ?? '')?.[1];
    if (seconds === undefined) throw new Error(`Firefox: the account-time widget's today value is ${JSON.stringify(value)}`);
    return Number(seconds);
  }

  it('Firefox: N seconds of activity on a client thread show N seconds in the account-time widget', async () => {
    const before = await widgetToday();
    await page.bringToFront();
    await page.goto(session.url(recent.page));
    await page.waitForSelector('account-desk-account-time >>> section[data-counting="true"]', { timeout: 15_000 });
    const activeSeconds = 6;
    const until = Date.now() + activeSeconds * 1000;
    for (let step = 0; Date.now() < until; step++) {
      await page.mouse.move(200 + (step % 50) * 4, 300 + (step % 7) * 3);
      if (step % 10 === 0) await page.keyboard.press('Shift');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const after = await widgetToday(); // leaving the thread stops the count
    expect(after - before, 'Firefox: account time counted').toBeGreaterThanOrEqual(activeSeconds - TOLERANCE_S);
    expect(after - before, 'Firefox: account time counted').toBeLessThanOrEqual(activeSeconds + TOLERANCE_S);
  });

  it('Firefox: applies the "Website launch" template from the project page: 12 tasks through the API', async () => {
    const before = new Set(flatten(sim.control.tasks(projectId)).map((task) => task.id));
    await page.goto(session.url(projectPage));
    const ui = 'account-desk-templates[data-page="project"]';
    await clickButton(page, ui, 'Templates');
    const dialog = `${ui} >>> [role=dialog]`;
    await page.locator(`${dialog} input[type=search]`).fill('website launch');
    const option = await poll('Firefox: the "Website launch" option', async () => {
      for (const handle of await page.$$(`${dialog} [role=option]`)) {
        if ((await handle.evaluate((element) => element.textContent ?? '')).startsWith('Website launch')) return handle;
      }
      return null;
    });
    await option.click();
    const template = builtinTemplates('en').find((candidate) => candidate.id === 'builtin.website-launch.en')!;
    const roles: Record<string, string> = {};
    for (const [position, role] of template.roles.entries()) {
      const select = `${dialog} .roles select[aria-label="${role}"]`;
      // The project's people arrive from the API after the library shows.
      const emails = await poll(`Firefox: the project's people in the "${role}" list`, async () => {
        const handle = await page.$(select);
        const values = handle ? await handle.evaluate((element) => [...(element as HTMLSelectElement).options].map((item) => item.value).filter(Boolean)) : [];
        return values.length > 0 ? values : null;
      });
      const email = emails[position % emails.length]!;
      await (await page.$(select))!.select(email);
      roles[role] = email;
    }
    const startDate = '2025-03-14';
    await page.locator(`${dialog} input[type=date]`).fill(startDate);
    await waitForText(page, `${dialog} .footer span`, '12 tasks');
    await clickButton(page, dialog, 'Create');
    await waitForText(page, `${dialog} [role=status]`, 'Created 12 tasks from “Website launch”.', 45_000);

    const planned = expandTemplate(template, { startDate, calendar: { workDays: [1, 2, 3, 4, 5], holidays: [] }, roles, teamEmails: [] });
    const created = flatten(sim.control.tasks(projectId)).filter((task) => !before.has(task.id));
    expect(created.map((task) => task.name).sort(), 'Firefox: the tasks the template created').toEqual(planned.map((task) => task.title).sort());
    for (const task of planned) {
      const match = created.find((candidate) => candidate.name === task.title)!;
      expect([match.assignee.email, match.dateStart, match.dateEnd, match.todo], `Firefox: ${task.title}`).toEqual([task.emailUserTo, task.dateStart, task.dateEnd, task.todo]);
    }
    await page.keyboard.press('Escape');
  });

  it('Firefox: "Insert checklist" on a task page posts a comment with the checklist items', async () => {
    const task = recent;
    await page.goto(session.url(task.page));
    const ui = 'account-desk-templates[data-page="task"]';
    await clickButton(page, ui, 'Insert checklist');
    const dialog = `${ui} >>> [role=dialog]`;
    await page.locator(`${dialog} details summary`).click();
    await page.locator(`${dialog} details input[type=text]`).fill('Launch check');
    await page.locator(`${dialog} details textarea`).fill('Goal agreed\nAssets ready\nBudget confirmed');
    const commentsBefore = sim.control.comments(task.id).length;
    await clickButton(page, dialog, 'Insert and save');
    await waitForText(page, `${dialog} [role=status]`, 'Posted “Launch check” as a comment with a checklist.');
    const comments = sim.control.comments(task.id);
    expect(comments, 'Firefox: one new comment').toHaveLength(commentsBefore + 1);
    const newest = comments.reduce((latest, comment) => (comment.at >= latest.at && Number(comment.id) > Number(latest.id) ? comment : latest));
    expect(newest.todo, 'Firefox: the checklist posted').toEqual(['Goal agreed', 'Assets ready', 'Budget confirmed']);
  });

  it('Firefox: "/" in a rich comment editor with a model of its own (as CKEditor 5 keeps) gives it the quick reply through its own input handling, once, at the caret', async () => {
    await page.goto(session.url(`${recent.page}?editor=rich`));
    await page.waitForSelector('account-desk-quick-replies >>> button');
    const editor = 'form#comment_form [contenteditable=true]';
    // In the page's world, as the editor's own script: it takes pastes and typing (beforeinput) itself, and would render
    // over text typed into its DOM. Firefox's constructed pastes carry no data: the reply must come as typing there.
    await page.$eval(editor, (element) => {
      const take = (event: Event, text: string) => {
        event.preventDefault();
        (element as HTMLElement).dataset.pasted = `${(element as HTMLElement).dataset.pasted ?? ''}[${text}]`;
        document.execCommand('insertText', false, text);
      };
      element.addEventListener('paste', (pasting) => take(pasting, (pasting as ClipboardEvent).clipboardData?.getData('text/plain') ?? ''));
      element.addEventListener('beforeinput', (typing) => {
        const { inputType, data, isTrusted } = typing as InputEvent;
        if (!isTrusted && inputType === 'insertText' && data) take(typing, data);
      });
    });
    await page.click(editor);
    await page.keyboard.type('Thanks! /on it');
    await waitForText(page, 'account-desk-quick-replies >>> [role=option][aria-selected=true]', /^We’re on it/);
    await page.keyboard.press('Enter');
    // A variable with no value here ({my_name}, when nobody was chosen in "Who are you?") is asked for first.
    const asked = await page.waitForSelector('account-desk-quick-replies >>> #qr-ask-0', { timeout: 3_000 }).catch(() => null);
    if (asked) {
      await page.keyboard.type('Dana');
      await page.keyboard.press('Enter');
    }
    const pasted = await poll('Firefox: the reply pasted into the editor', () => page.$eval(editor, (element) => (element as HTMLElement).dataset.pasted ?? null));
    const reply = /^\[([^\]]*)\]$/.exec(pasted)?.[1];
    expect(reply, `Firefox: one paste, of the reply (${pasted})`).toMatch(/^Hi [^{]+,\n\nThanks, we have it and are already on it\./);
    const text = await page.$eval(editor, (element) => (element as HTMLElement).innerText.replace(/\u00a0/g, ' ').replace(/\n+/g, '\n').trim());
    expect(text, 'Firefox: the user\'s text, then the reply, no "/on it" left').toBe(`Thanks! ${reply!}`.replace(/\n+/g, '\n').trim());
  });
});
