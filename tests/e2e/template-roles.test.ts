// Roles filled in: the template picker proposes the project's team members
// whose job titles name each role (never a client user), a second application
// of a template on the same project proposes the people chosen the first
// time, and a template with every role set to nobody asks before creating.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { Simulator } from '../simulator/index';
import { builtinTemplates } from '../../lib/templates';
import { startConnectedSession, type ConnectedSession, type ExtensionBrowser } from './harness';
import { flatten } from '../support/seed-tools';

const template = builtinTemplates('en').find((candidate) => candidate.id === 'builtin.website-launch.en')!;

describe('roles in the template picker', () => {
  let session: ConnectedSession;
  let sim: Simulator;
  let browser: ExtensionBrowser;
  let page: Page;
  let chosen: Record<string, string> = {};

  beforeAll(async () => {
    session = await startConnectedSession();
    ({ sim, browser } = session);
    page = await browser.context.newPage();
  });

  afterAll(() => session?.close());

  const project = () => sim.control.data().projects.find((candidate) => candidate.clientGroup !== null && candidate.members.length >= 3)!;
  const clientEmails = () => new Set(sim.control.data().users.filter((user) => user.client).map((user) => user.email));

  /** Opens the picker on the project's page with Website launch selected, once the project's people are in. */
  async function openWebsiteLaunch(): Promise<Locator> {
    await page.goto(session.url(project().page));
    const ui = page.locator('account-desk-templates[data-page="project"]');
    await ui.getByRole('button', { name: 'Templates', exact: true }).click();
    const dialog = ui.getByRole('dialog', { name: 'Create tasks from a template' });
    await dialog.getByLabel('Search templates').fill('website launch');
    await dialog.getByRole('option', { name: /^Website launch/ }).click();
    for (const role of template.roles) await dialog.getByLabel(role, { exact: true }).locator('option').nth(1).waitFor({ state: 'attached' });
    return dialog;
  }

  const shown = async (dialog: Locator) => {
    const mapping: Record<string, string> = {};
    for (const role of template.roles) mapping[role] = await dialog.getByLabel(role, { exact: true }).inputValue();
    return mapping;
  };

  it('proposes team members whose job titles name the roles, never a client user', async () => {
    const dialog = await openWebsiteLaunch();
    const proposed = await shown(dialog);
    const people = Object.values(proposed).filter(Boolean);
    expect(people.length, `proposals: ${JSON.stringify(proposed)}`).toBeGreaterThan(0);
    const clients = clientEmails();
    for (const email of people) {
      expect(clients.has(email)).toBe(false);
      expect(project().members).toContain(email);
    }
    // Worksection's demo agency has a UI/UX designer and an account manager on its client projects.
    expect(proposed.Designer).not.toBe('');
    expect(proposed['Account manager']).not.toBe('');
    await page.keyboard.press('Escape');
  });

  it('a second application on the same project proposes the people chosen the first time', async () => {
    const before = new Set(flatten(sim.control.tasks(project().id)).map((task) => task.id));
    let dialog = await openWebsiteLaunch();
    // Corrections the manager makes: each role a different member than proposed, one role nobody.
    for (const [position, role] of template.roles.entries()) {
      const select = dialog.getByLabel(role, { exact: true });
      const options = await select.locator('option').evaluateAll((nodes) => nodes.map((node) => (node as HTMLOptionElement).value));
      const value = position === 0 ? '' : options[options.length - position]!;
      await select.selectOption(value);
    }
    chosen = await shown(dialog);
    expect(Object.values(chosen).filter(Boolean).length).toBeGreaterThan(0);
    await dialog.getByRole('button', { name: 'Create', exact: true }).click();
    await dialog.getByText('Created 12 tasks from “Website launch”.').waitFor({ timeout: 45_000 });
    expect(flatten(sim.control.tasks(project().id)).filter((task) => !before.has(task.id))).toHaveLength(12);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    dialog = await openWebsiteLaunch();
    expect(await shown(dialog)).toEqual(chosen);
    await page.keyboard.press('Escape');
  });

  it('asks before creating a template with nobody in every role, and creates nothing until told to', async () => {
    const before = flatten(sim.control.tasks(project().id)).length;
    const dialog = await openWebsiteLaunch();
    for (const role of template.roles) await dialog.getByLabel(role, { exact: true }).selectOption('');
    await dialog.getByRole('button', { name: 'Create', exact: true }).click();
    const question = dialog.getByRole('alertdialog');
    await question.getByText('Nobody is chosen for any role: all 12 tasks will be created without an assignee. Create them anyway?').waitFor();
    expect(flatten(sim.control.tasks(project().id))).toHaveLength(before);
    // Its safe answer has the focus, and goes back to the roles.
    await expect.poll(() => question.getByRole('button', { name: 'Choose people' }).evaluate((button) => button.matches(':focus'))).toBe(true);
    await question.getByRole('button', { name: 'Choose people' }).click();
    await question.waitFor({ state: 'detached' });
    await dialog.getByRole('button', { name: 'Create', exact: true }).waitFor();
    expect(flatten(sim.control.tasks(project().id))).toHaveLength(before);
  });
});
