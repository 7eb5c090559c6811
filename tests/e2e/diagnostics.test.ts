// The diagnostics view in options: which anchors each feature found on the
// last Worksection pages visited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { Simulator } from '../simulator/index';
import { accountDeskUi, startConnectedSession, type ConnectedSession, type ExtensionBrowser } from './harness';

describe('diagnostics in options', () => {
  let session: ConnectedSession;
  let sim: Simulator;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    session = await startConnectedSession();
    ({ sim, browser } = session);
    expect(session.outcome).toMatch(/^Connected to /);
  });

  afterAll(() => session?.close());

  /**
   * The diagnostics row naming `path`. The content script reports a visit
   * asynchronously, so options is reloaded until the row is there.
   */
  async function diagnosticsRow(options: Page, path: string): Promise<Locator> {
    const diagnostics = options.getByRole('region', { name: 'Diagnostics' });
    const row = diagnostics.getByRole('row').filter({ has: options.getByRole('cell', { name: path, exact: true }) });
    for (let attempt = 1; ; attempt++) {
      try {
        await row.waitFor({ timeout: 2_000 });
        return row;
      } catch (error) {
        if (attempt === 5) throw new Error(`Diagnostics never listed ${path}: ${(error as Error).message}`);
        await options.reload();
      }
    }
  }

  it('lists the pages visited with the anchors found and missing on each', async () => {
    const project = sim.control.data().projects[0];
    if (!project) throw new Error('the simulator has no projects');
    const task = sim.control.tasks(project.id).find((candidate) => candidate.level === 0);
    if (!task) throw new Error(`project ${project.page} has no tasks`);

    const page = await browser.context.newPage();
    await page.goto(new URL(project.page, sim.origin).href);
    await accountDeskUi(page, 'anchor').waitFor();
    await page.goto(new URL(`${task.page}?layout=unknown`, sim.origin).href);
    await accountDeskUi(page, 'dock').waitFor({ state: 'attached' });
    await page.close();

    const options = await browser.extensionPage('options.html');
    const projectRow = await diagnosticsRow(options, project.page);
    const projectAnchors = await projectRow.locator('ul.anchors > li').allInnerTexts();
    expect(projectAnchors.length).toBeGreaterThan(0);
    for (const anchor of projectAnchors) expect(anchor).toMatch(/: found$/);
    // Every feature of a project page is listed with its own anchors.
    const features = await projectRow.locator('ul.features > li').evaluateAll((items) => items.map((item) => item.getAttribute('data-feature')));
    expect(features).toEqual(['page-bar', 'replies', 'templates', 'account-time', 'status-report']);
    expect(await projectRow.locator('li[data-feature="page-bar"]').innerText()).toMatch(/^Page bar · in page/);
    expect(await projectRow.locator('li[data-feature="replies"]').innerText()).toMatch(/^Reply badges · on the page's own elements/);

    const dockRow = await diagnosticsRow(options, task.page);
    const dockAnchors = await dockRow.locator('ul.anchors > li').allInnerTexts();
    expect(dockAnchors.length).toBeGreaterThan(0);
    // None of the known selectors fits; only the comment box is found, by a guess.
    for (const anchor of dockAnchors) expect(anchor).toMatch(/: (missing|found \(a guess\))$/);
    expect(await dockRow.locator('li[data-feature="page-bar"]').innerText()).toMatch(/^Page bar · floating dock/);
    expect(await dockRow.locator('li[data-feature="templates"] li[data-anchor="commentEditor"]').innerText()).toBe('Comment editor: found (a guess)');
    await options.close();
  });
});
