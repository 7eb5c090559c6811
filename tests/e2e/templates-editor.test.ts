// The template editor in options and what it feeds: bad template files are
// refused with a clear error and change nothing; a template whose titles hold
// HTML is created in Worksection and shown in the picker as text; a task page
// can save its task as a template.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Simulator } from '../simulator/index';
import { startConnectedSession, type ConnectedSession, type ExtensionBrowser } from './harness';
import { flatten } from '../support/seed-tools';

const HOSTILE_TITLE = '<img src=x onerror=alert(1)> Launch <b>now</b>';

const file = (templates: unknown[]) =>
  JSON.stringify({ format: 'account-desk.templates', schemaVersion: 1, templates });

const htmlTemplate = {
  id: 'e2e.html',
  name: 'HTML <i>titles</i>',
  roles: ['Designer'],
  tasks: [
    {
      title: HOSTILE_TITLE,
      role: 'Designer',
      startOffset: 0,
      duration: 2,
      checklist: ['<script>alert(1)</script> check'],
      subtasks: [{ title: 'Child <u>one</u>', startOffset: 1, duration: 1 }],
    },
  ],
};

describe('template editor and files', () => {
  let session: ConnectedSession;
  let sim: Simulator;
  let browser: ExtensionBrowser;
  let options: Page;
  let page: Page;
  const dialogs: string[] = [];

  beforeAll(async () => {
    session = await startConnectedSession();
    ({ sim, browser } = session);
    expect(session.outcome).toMatch(/^Connected to /);
    options = await browser.extensionPage('options.html');
    page = await browser.context.newPage();
    // An injected script would show up as an alert dialog.
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
  });

  afterAll(() => session?.close());

  const section = () => options.locator('#templates');
  const importText = async (name: string, text: string) =>
    section().getByLabel('Import templates').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
  const listed = () => section().locator('ol.templates > li').allInnerTexts();

  it('imports a good file, then refuses malformed, oversized and hostile files with a clear error, changing nothing', async () => {
    await importText('good.json', file([htmlTemplate]));
    await section().getByRole('status').getByText('Imported: 1 new, 0 updated.').waitFor();
    const before = await listed();
    expect(before).toHaveLength(1);
    expect(before[0]).toContain('HTML <i>titles</i>');

    const refusals: Array<[string, string, RegExp]> = [
      ['malformed.json', '{"format": "account-desk.templates", "schemaVersion": 1, "templates": [', /^The file is not JSON/],
      ['oversized.json', file([htmlTemplate]).replace('"templates"', `"pad":"${'x'.repeat(2_200_000)}","templates"`), /at most 2 MB/],
      [
        'hostile.json',
        file([{ ...htmlTemplate, id: 'e2e.hostile', name: 'Evil\u0000name', tasks: [{ title: 'x', startOffset: 0, duration: 1, __proto__: { admin: true }, subtasks: [{ title: 'y', startOffset: 0, duration: 1, subtasks: [{ title: 'z', startOffset: 0, duration: 1, subtasks: [{ title: 'too deep', startOffset: 0, duration: 1 }] }] }] }] }]).replace(
          '"title":"x"',
          '"title":"x","__proto__":{"admin":true}',
        ),
        /templates\[0\]\.name: contains control characters/,
      ],
      ['foreign.json', '{"templates": []}', /not an Account Desk template file/],
    ];
    for (const [name, text, expected] of refusals) {
      await importText(name, text);
      // The alert of the previous refusal may still show until this one replaces it.
      await expect.poll(() => section().getByRole('alert').innerText().catch(() => ''), { timeout: 10_000 }).toMatch(expected);
      expect(await listed(), name).toEqual(before);
    }
    await importText('hostile.json', refusals[2]![1]);
    await expect.poll(() => section().getByRole('alert').innerText(), { timeout: 10_000 }).toMatch(/control characters/);
    const hostileMessage = await section().getByRole('alert').innerText();
    expect(hostileMessage).toContain('templates[0].tasks[0].__proto__: unknown field');
    expect(hostileMessage).toContain('Worksection allows only two levels of subtasks below a task');
  });

  it('creates tasks whose titles contain HTML as text, and shows them as text', async () => {
    const project = sim.control.data().projects.find((candidate) => candidate.clientGroup !== null)!;
    const before = new Set(flatten(sim.control.tasks(project.id)).map((task) => task.id));
    await page.goto(new URL(project.page, sim.origin).href);
    const ui = page.locator('account-desk-templates[data-page="project"]');
    await ui.getByRole('button', { name: 'Templates', exact: true }).click();
    const dialog = ui.getByRole('dialog', { name: 'Create tasks from a template' });
    await dialog.getByRole('option', { name: /^HTML <i>titles<\/i>/ }).click();
    await dialog.getByText(HOSTILE_TITLE, { exact: true }).waitFor();
    expect(await dialog.locator('img, b, i, u, script').count()).toBe(0);
    await dialog.getByRole('button', { name: 'Create', exact: true }).click();
    await dialog.getByText('Created 2 tasks from “HTML <i>titles</i>”.').waitFor({ timeout: 30_000 });
    await dialog.getByRole('link', { name: HOSTILE_TITLE, exact: true }).waitFor();
    const created = flatten(sim.control.tasks(project.id)).filter((task) => !before.has(task.id));
    expect(created.map((task) => task.name).sort()).toEqual(['Child <u>one</u>', HOSTILE_TITLE].sort());
    expect(created.find((task) => task.name === HOSTILE_TITLE)!.todo).toEqual(['<script>alert(1)</script> check']);
    expect(dialogs).toEqual([]);
  });

  it('saves a task page’s task and subtasks as a template, listed in options', async () => {
    const project = sim.control.data().projects.find((candidate) => candidate.clientGroup !== null)!;
    const task = sim.control.tasks(project.id).find((candidate) => candidate.children.length > 0)!;
    await page.goto(new URL(task.page, sim.origin).href);
    const ui = page.locator('account-desk-templates[data-page="task"]');
    await ui.getByRole('button', { name: 'Save as template', exact: true }).click();
    await ui.getByRole('status').getByText(/^Saved as the template “/).waitFor({ timeout: 20_000 });
    await options.reload();
    await section().locator('ol.templates > li').nth(1).waitFor();
    const names = await listed();
    expect(names[1]).toContain(task.name);
  });

  it('shows the team library from a project chosen in options next to personal templates, and applies a team template', async () => {
    const data = sim.control.data();
    const teamProject = data.projects.find((candidate) => candidate.clientGroup === null) ?? data.projects[0]!;
    const source = sim.control.tasks(teamProject.id).find((task) => task.status === 'active' && task.children.length > 0 && !/[<>]/.test(task.name))!;
    const sourceNodes = flatten([source]).filter((task) => task.status === 'active').length;
    await options.reload();
    const select = section().getByLabel('Team library project');
    await select.locator(`option[value="${teamProject.id}"]`).waitFor({ state: 'attached' });
    await select.selectOption(teamProject.id);
    await section().getByRole('status').getByText('Saved.', { exact: true }).waitFor();

    const target = data.projects.find((candidate) => candidate.clientGroup !== null)!;
    const before = new Set(flatten(sim.control.tasks(target.id)).map((task) => task.id));
    await page.goto(new URL(target.page, sim.origin).href);
    const ui = page.locator('account-desk-templates[data-page="project"]');
    await ui.getByRole('button', { name: 'Templates', exact: true }).click();
    const dialog = ui.getByRole('dialog', { name: 'Create tasks from a template' });
    const options_ = dialog.getByRole('option');
    await dialog.getByRole('option', { name: new RegExp(`^${source.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*Team`) }).first().click();
    // Personal and team templates side by side, personal first.
    const labels = await options_.evaluateAll((nodes) => nodes.map((node) => node.querySelector('.source')?.textContent ?? ''));
    expect(labels.findIndex((label) => label.startsWith('Team'))).toBeGreaterThan(labels.findIndex((label) => label.startsWith('Personal')));
    await dialog.getByText(`${sourceNodes} tasks`, { exact: true }).waitFor();
    await dialog.getByRole('button', { name: 'Create', exact: true }).click();
    await dialog.getByText(`Created ${sourceNodes} tasks from “${source.name}”.`).waitFor({ timeout: 45_000 });
    const created = flatten(sim.control.tasks(target.id)).filter((task) => !before.has(task.id));
    expect(created.map((task) => task.name).sort()).toEqual(flatten([source]).filter((task) => task.status === 'active').map((task) => task.name).sort());
  });
});
