// The client status report in real Chromium against the simulator: on a
// client project with closed, open, overdue, planned, client-waiting and
// internal tasks, the draft puts each in its section and no internal one
// anywhere; posting makes exactly one comment on the chosen task; the next
// draft's period starts at that report, whoever posted it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { Simulator } from '../simulator/index';
import { accountDeskDock, openDock, startConnectedSession, type ConnectedSession, type ExtensionBrowser } from './harness';

/** "YYYY-MM-DD" `days` after `day`. */
const shift = (day: string, days: number) => {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
};
/** The report's dates in English: "14/03/2025". */
const enDay = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;

/** The drafted text's blocks: heading (without its count) → bullet lines. */
function sectionsOf(body: string): Map<string, string[]> {
  const sections = new Map<string, string[]>();
  for (const block of body.split(/\n\s*\n/)) {
    const [heading, ...lines] = block.split('\n');
    sections.set(heading!.replace(/ \(\d+\)$/, ''), lines.filter((line) => line.startsWith('• ')));
  }
  return sections;
}

const HOSTILE = 'Launch <img src=x onerror="window.__srPwned=1"> & <b>copy</b>';

describe('the client status report', () => {
  let session: ConnectedSession;
  let sim: Simulator;
  let browser: ExtensionBrowser;
  let page: Page;
  let projectId: string;
  let projectPage: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    session = await startConnectedSession();
    ({ sim, browser } = session);
    const data = sim.control.data();
    const groups = new Map(data.groups.map((group) => [group.title, group.client]));
    const project = data.projects.find((candidate) => {
      const members = data.users.filter((user) => candidate.members.includes(user.email));
      return candidate.clientGroup !== null && members.some((user) => groups.get(user.group) === 1) && members.filter((user) => groups.get(user.group) === 0).length >= 2;
    });
    if (!project) throw new Error('the simulator has no client project with a client user and two team members');
    projectId = project.id;
    projectPage = project.page;
    const members = data.users.filter((user) => project.members.includes(user.email));
    const team = members.filter((user) => groups.get(user.group) === 0);
    const client = members.find((user) => groups.get(user.group) === 1)!;
    const today = sim.control.clock().accountTime.slice(0, 10);
    const add = (key: string, input: Omit<Parameters<Simulator['control']['addTask']>[0], 'projectId'>) => {
      ids[key] = sim.control.addTask({ projectId, assigneeEmail: team[0]!.email, ...input }).id;
    };
    add('closed', { name: 'SR delivered mockups', closedMinutesAgo: 2 * 24 * 60 });
    add('closedOld', { name: 'SR closed long ago', closedMinutesAgo: 40 * 24 * 60 });
    add('internalClosed', { name: 'SR internal retro', tags: ['team only'], closedMinutesAgo: 24 * 60 });
    add('internalOpen', { name: 'SR internal margin review', tags: ['team only'], dateEnd: shift(today, -2) });
    add('internalParent', { name: 'SR internal budget', tags: ['team only'] });
    add('internalChild', { name: 'SR internal budget detail', parentId: ids.internalParent, dateEnd: shift(today, 3) });
    add('overdue', { name: 'SR banner set', dateEnd: shift(today, -3), assigneeEmail: team[1]!.email });
    add('planned', { name: 'SR landing page copy', dateEnd: shift(today, 5) });
    add('progress', { name: HOSTILE, dateStart: shift(today, -2), dateEnd: shift(today, 30), maxTime: 10 });
    add('clientAssigned', { name: 'SR approve the logo', assigneeEmail: client.email, dateEnd: shift(today, 2) });
    add('awaiting', { name: 'SR pricing page questions', dateEnd: shift(today, 40) });
    sim.control.addComment({ taskId: ids.awaiting!, userEmail: client.email, text: 'Which plans do we show?' });
    sim.control.addComment({ taskId: ids.awaiting!, userEmail: team[0]!.email, text: 'Two options attached: which one?' });
    page = await browser.context.newPage();
  });

  afterAll(() => session?.close());

  async function openDraft(): Promise<{ dialog: Locator; body: string }> {
    await page.goto(session.url(projectPage));
    const ui = page.locator('account-desk-status-report');
    await ui.getByRole('button', { name: 'Status report', exact: true }).click();
    const dialog = ui.getByRole('dialog', { name: 'Client status report' });
    const text = dialog.getByRole('textbox', { name: 'Report text (edit as you like)' });
    await text.waitFor();
    return { dialog, body: await text.inputValue() };
  }

  it('drafts every section with the right tasks and no internal ones', async () => {
    const { dialog, body } = await openDraft();
    const sections = sectionsOf(body);
    expect([...sections.keys()]).toEqual(['Done in this period', 'In progress', 'Planned for the next two weeks', 'Overdue', 'Waiting on you', 'Hours']);
    const inSection = (heading: string, name: string) => sections.get(heading)!.some((line) => line.startsWith(`• ${name} — `));
    expect(inSection('Done in this period', 'SR delivered mockups')).toBe(true);
    expect(body).not.toContain('SR closed long ago'); // closed before the period
    expect(inSection('In progress', HOSTILE)).toBe(true);
    expect(inSection('Planned for the next two weeks', 'SR landing page copy')).toBe(true);
    expect(inSection('Overdue', 'SR banner set')).toBe(true);
    expect(inSection('Waiting on you', 'SR approve the logo')).toBe(true);
    expect(inSection('Waiting on you', 'SR pricing page questions')).toBe(true);
    expect(body).not.toMatch(/SR internal/);
    // Links go to the tasks in Worksection.
    const done = sections.get('Done in this period')!.find((line) => line.includes('SR delivered mockups'))!;
    expect(done).toContain(session.url(sim.control.tasks(projectId).find((task) => task.id === ids.closed)!.page));
    // No earlier report in this project: the last two weeks.
    await expect.poll(() => dialog.getByTestId('sr-period').innerText()).toContain('No earlier report in this project');
    // Internal tasks can't be chosen to post the report on.
    const options = await dialog.getByLabel('Post as a comment in the task').locator('option').allInnerTexts();
    expect(options).toContain('SR landing page copy');
    expect(options.some((name) => name.startsWith('SR internal'))).toBe(false);
    // Hostile names are text: nothing ran, nothing was parsed into the page.
    expect(await page.evaluate(() => (window as { __srPwned?: number }).__srPwned)).toBeUndefined();
    expect(await dialog.locator('img').count()).toBe(0);
    await dialog.getByRole('button', { name: 'Close' }).click();
  });

  it('posts one comment on the chosen task, and the next draft starts from it', async () => {
    const { dialog } = await openDraft();
    const before = sim.control.writes({ action: 'post_comment' }).length;
    await dialog.getByRole('radio', { name: 'at risk' }).check();
    await dialog.getByRole('textbox', { name: 'Headline' }).fill('Mockups delivered; copy is late');
    await dialog.getByLabel('Post as a comment in the task').selectOption({ label: 'SR landing page copy' });
    await dialog.getByRole('button', { name: 'Post to Worksection' }).click();
    await dialog.getByText('Posted as a comment.').waitFor();

    const posted = sim.control.writes({ action: 'post_comment' });
    expect(posted.length - before).toBe(1);
    const comments = sim.control.comments(ids.planned!);
    expect(comments).toHaveLength(1);
    const [comment] = comments;
    const lines = comment!.text.split(/\r?\n/);
    expect(lines[0]).toMatch(/^Status report: .+, \d\d\/\d\d\/\d{4} – \d\d\/\d\d\/\d{4}$/);
    expect(lines[1]).toBe('Project health: at risk');
    expect(lines[2]).toBe('Mockups delivered; copy is late');
    expect(comment!.text).toContain('SR delivered mockups');
    expect(comment!.text).not.toMatch(/SR internal/);
    await dialog.getByRole('button', { name: 'Close' }).click();

    // The next draft: from the report's date; the task is remembered; the mockups are in the last report already.
    const next = await openDraft();
    await expect.poll(() => next.dialog.getByTestId('sr-period').innerText()).toContain('From the last report, posted');
    const reportDay = comment!.date.slice(0, 10);
    const title = await next.dialog.locator('.report-title').innerText();
    expect(title.startsWith(`Status report: `)).toBe(true);
    expect(title).toContain(`, ${enDay(reportDay)} – `);
    expect(next.body).not.toContain('SR delivered mockups');
    expect(await next.dialog.getByLabel('Post as a comment in the task').inputValue()).toBe(ids.planned);
    // Its own report is no "team wrote last": the task stays in Planned, not Waiting on you.
    expect(sectionsOf(next.body).get('Planned for the next two weeks')!.some((line) => line.startsWith('• SR landing page copy — '))).toBe(true);
    await next.dialog.getByRole('button', { name: 'Close' }).click();
  });

  it('writes the report in the project’s language, whatever the UI’s, and finds a teammate’s report in another language', async () => {
    const { dialog } = await openDraft();
    await dialog.getByLabel('Report language').selectOption('ru');
    await expect.poll(() => dialog.locator('.report-title').innerText()).toMatch(/^Отчёт по проекту: /);
    const body = await dialog.getByRole('textbox', { name: 'Report text (edit as you like)' }).inputValue();
    expect(body).toContain('Просрочено');
    // The UI stays English.
    await dialog.getByRole('button', { name: 'Post to Worksection' }).waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();

    // A teammate posts a Ukrainian report on another task, later: the next draft starts from it.
    const data = sim.control.data();
    const teammate = data.users.find((user) => data.groups.find((group) => group.title === user.group)?.client === 0 && user.role !== 'Owner')!;
    const theirs = sim.control.addComment({ taskId: ids.overdue!, userEmail: teammate.email, text: 'Звіт щодо проєкту: тест, 01.01.2025 – 02.01.2025\nСтан проєкту: за планом' });
    const again = await openDraft();
    await expect.poll(() => again.dialog.getByTestId('sr-period').innerText()).toContain('From the last report, posted');
    expect(await again.dialog.getByRole('link', { name: 'Open that report' }).getAttribute('href')).toMatch(new RegExp(`#com${String(theirs.id)}$`));
    // Still Russian: the project's choice is remembered.
    await expect.poll(() => again.dialog.locator('.report-title').innerText()).toMatch(/^Отчёт по проекту: /);
    await again.dialog.getByRole('button', { name: 'Close' }).click();
  });

  it('copies the report as Markdown and as HTML for e-mail, with Worksection’s text escaped', async () => {
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: sim.origin });
    const { dialog } = await openDraft();
    // The project's language is Russian since the test before: back to English.
    await dialog.getByLabel('Report language').selectOption('en');
    await expect.poll(() => dialog.locator('.report-title').innerText()).toMatch(/^Status report: /);
    await page.bringToFront();
    await dialog.getByRole('button', { name: 'Copy Markdown' }).click();
    await dialog.getByText('Copied.', { exact: true }).waitFor();
    const markdown = await page.evaluate(() => navigator.clipboard.readText());
    expect(markdown).toMatch(/^# Status report: /);
    expect(markdown).toContain('- Launch \\<img src=x onerror="window\\.\\_\\_srPwned=1"\\> \\& \\<b\\>copy\\</b\\> — ');

    await dialog.getByRole('button', { name: 'Copy for e-mail (HTML)' }).click();
    await expect.poll(() => page.evaluate(async () => (await navigator.clipboard.read())[0]?.types.includes('text/html') ?? false)).toBe(true);
    const html = await page.evaluate(async () => (await (await navigator.clipboard.read())[0]!.getType('text/html')).text());
    expect(html).toContain('<h1>Status report: ');
    expect(html).toContain('Launch &lt;img src=x onerror=');
    // Read back as a mail client would: the hostile name is text, no element of it exists.
    const parsed = await page.evaluate((source) => {
      const doc = new DOMParser().parseFromString(source, 'text/html');
      return { images: doc.querySelectorAll('img, b').length, items: [...doc.querySelectorAll('li')].map((item) => item.textContent ?? '') };
    }, html);
    expect(parsed.images).toBe(0);
    expect(parsed.items.some((item) => item.startsWith(`${HOSTILE} — `))).toBe(true);
    expect(await page.evaluate(() => (window as { __srPwned?: number }).__srPwned)).toBeUndefined();
    await dialog.getByRole('button', { name: 'Close' }).click();
  });

  it('opens from the dock where the project page’s layout is unknown', async () => {
    await page.goto(session.url(`${projectPage}?layout=unknown`));
    await openDock(page);
    await accountDeskDock(page).locator('account-desk-status-report').getByRole('button', { name: 'Status report', exact: true }).click();
    const dialog = page.locator('account-desk-status-report').getByRole('dialog', { name: 'Client status report' });
    const body = await dialog.getByRole('textbox', { name: 'Report text (edit as you like)' });
    await body.waitFor();
    expect(await body.inputValue()).toContain('SR banner set');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('goes off the open project page with its switch in options, and comes back, with no reload', async () => {
    await page.goto(session.url(projectPage));
    const button = page.locator('account-desk-status-report').getByRole('button', { name: 'Status report', exact: true });
    await button.waitFor();
    await page.evaluate(() => ((window as unknown as { loadMark: number }).loadMark = 1));
    const options = await browser.extensionPage('options.html');
    const toggle = options.getByRole('region', { name: 'Status report' }).getByRole('switch', { name: 'Show the Status report button on project pages' });
    await toggle.uncheck();
    await page.locator('account-desk-status-report').waitFor({ state: 'detached' });
    await toggle.check();
    await button.waitFor();
    expect(await page.evaluate(() => (window as unknown as { loadMark?: number }).loadMark)).toBe(1);
    await options.close();
  });
});
