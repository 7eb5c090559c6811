// Reply clocks with the Worksection account and the browser in different time
// zones: the simulator's account in Europe/Kyiv with Chromium in UTC, and the
// other way round. With the account's zone set in options, a client who wrote
// 20 minutes ago has waited 20 minutes, not 20 minutes plus or minus two hours;
// and a template applied "today" starts on the account's today, its deadlines
// counted in business days from there.
import { afterEach, describe, expect, it } from 'vitest';
import type { WaitingThread } from '../../lib/replies/protocol';
import { builtinTemplates, expandTemplate } from '../../lib/templates';
import { startSimulator, type Simulator } from '../simulator/index';
import { connectThroughOptions, launchBrowser, type ExtensionBrowser } from './harness';
import { atMinutesAgo, cleanDesk, flatten, newTask } from '../support/seed-tools';

/** The extension API inside the extension page where these functions run. */
declare const chrome: { runtime: { sendMessage(message: unknown): Promise<any> } };

describe.each([
  { account: 'Europe/Kyiv', browserZone: 'UTC' },
  { account: 'UTC', browserZone: 'Europe/Kyiv' },
])('account in $account, browser in $browserZone', ({ account, browserZone }) => {
  let sim: Simulator | undefined;
  let browser: ExtensionBrowser | undefined;
  afterEach(async () => {
    await browser?.close();
    await sim?.close();
  });

  it('a client comment 20 minutes old waits 20 minutes in the popup', async () => {
    const started = await startSimulator({ port: 0, timeZone: account });
    sim = started;
    const data = started.control.data();
    cleanDesk(started);
    const project = data.projects.find((candidate) => candidate.clientGroup !== null)!;
    const task = newTask(started, { projectId: project.id, name: 'Quarterly plan' });
    const client = data.users.find((user) => user.client && user.group === project.clientGroup)!;
    atMinutesAgo(started, 20, () => started.control.addComment({ taskId: task.id, userEmail: client.email, text: 'Any news?' }));

    browser = await launchBrowser({ hostRules: sim.hostRules, timeZone: browserZone });
    const page = await browser.extensionPage('popup.html');
    const send = (type: string, request: object) =>
      page.evaluate(async ([t, r]) => chrome.runtime.sendMessage({ type: t, request: r }), [type, request] as const);
    // The browser's own zone is the default for both; the account's is set apart.
    const before = await send('settings/get', {});
    // Chromium's ICU may name Kyiv by its older spelling.
    expect(before.value.businessHours.timeZone.replace('Kiev', 'Kyiv')).toBe(browserZone);
    expect((await send('settings/save', { patch: { account: { timeZone: account } } })).ok).toBe(true);
    expect(await connectThroughOptions(browser, { accountUrl: sim.origin, apiKey: sim.apiKey })).toMatch(/^Connected to /);

    let threads: WaitingThread[] = [];
    await expect
      .poll(
        async () => {
          const reply = await send('replies/queue', {});
          threads = reply.value.threads;
          return reply.value.status.phase;
        },
        { timeout: 60_000 },
      )
      .toBe('ok');
    expect(threads.map((thread) => thread.taskId)).toEqual([task.id]);
    expect(threads[0]!.clock.calendarMinutes).toBeGreaterThanOrEqual(20);
    expect(threads[0]!.clock.calendarMinutes).toBeLessThanOrEqual(22);
  });
});

/** The calendar day ("YYYY-MM-DD") in `timeZone` now. */
const dayIn = (timeZone: string, at = new Date()): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);


describe.each([
  { account: 'Europe/Kyiv', browserZone: 'UTC' },
  { account: 'UTC', browserZone: 'Europe/Kyiv' },
  // 25 hours apart: the two calendars never show the same day, whatever the time of the run.
  { account: 'Pacific/Kiritimati', browserZone: 'Pacific/Pago_Pago' },
])('templates with the account in $account, the browser in $browserZone', ({ account, browserZone }) => {
  let sim: Simulator | undefined;
  let browser: ExtensionBrowser | undefined;
  afterEach(async () => {
    await browser?.close();
    await sim?.close();
  });

  it('a template applied today starts on the account\'s today, with its deadlines in business days from there', async () => {
    sim = await startSimulator({ port: 0, timeZone: account });
    browser = await launchBrowser({ hostRules: sim.hostRules, timeZone: browserZone });
    const options = await browser.extensionPage('options.html');
    const saved = await options.evaluate(async (zone) => chrome.runtime.sendMessage({ type: 'settings/save', request: { patch: { account: { timeZone: zone } } } }), account);
    expect(saved.ok).toBe(true);
    await options.close();
    expect(await connectThroughOptions(browser, { accountUrl: sim.origin, apiKey: sim.apiKey })).toMatch(/^Connected to /);

    const project = sim.control.data().projects.find((candidate) => candidate.clientGroup !== null && candidate.members.length >= 3)!;
    const before = new Set(flatten(sim.control.tasks(project.id)).map((task) => task.id));
    const page = await browser.context.newPage();
    await page.goto(new URL(project.page, sim.origin).href);
    const ui = page.locator('account-desk-templates[data-page="project"]');
    const accountDayBefore = dayIn(account);
    await ui.getByRole('button', { name: 'Templates', exact: true }).click();
    const dialog = ui.getByRole('dialog', { name: 'Create tasks from a template' });
    await dialog.getByLabel('Search templates').fill('website launch');
    await dialog.getByRole('option', { name: /^Website launch/ }).click();
    const template = builtinTemplates('en').find((candidate) => candidate.id === 'builtin.website-launch.en')!;
    const roles: Record<string, string> = {};
    for (const [position, role] of template.roles.entries()) {
      const select = dialog.getByLabel(role, { exact: true });
      await select.locator('option').nth(1).waitFor({ state: 'attached' });
      const emails = await select.locator('option').evaluateAll((nodes) => nodes.map((node) => (node as HTMLOptionElement).value).filter(Boolean));
      roles[role] = emails[position % emails.length]!;
      await select.selectOption(roles[role]);
    }
    // The start date is left as offered: the account's today (the run may cross its midnight).
    const startDate = await dialog.getByLabel('Start date').inputValue();
    expect([accountDayBefore, dayIn(account)]).toContain(startDate);

    await dialog.getByText('12 tasks', { exact: true }).waitFor();
    await dialog.getByRole('button', { name: 'Create', exact: true }).click();
    await dialog.getByText('Created 12 tasks from “Website launch”.').waitFor({ timeout: 45_000 });

    const planned = expandTemplate(template, { startDate, calendar: { workDays: [1, 2, 3, 4, 5], holidays: [] }, roles, teamEmails: [] });
    const created = flatten(sim.control.tasks(project.id)).filter((task) => !before.has(task.id));
    const dated = (rows: Array<[string, string | null | undefined, string | null | undefined]>) => rows.map((row) => row.join(' ')).sort();
    expect(dated(created.map((task) => [task.name, task.dateStart, task.dateEnd]))).toEqual(dated(planned.map((task) => [task.title, task.dateStart, task.dateEnd])));
    // The first node starts on the account's first business day from today.
    expect(planned[0]!.dateStart! >= startDate).toBe(true);
  }, 120_000);
});
