// "Report this page's layout": on a layout Account Desk doesn't know, the dock
// and Diagnostics copy the page's structure for the user to send us, and no
// text of the page goes with it (checked against every string the simulator
// shows). SAVE_LAYOUT_FIXTURE=1 also writes the copied report to
// tests/fixtures/pages/skeleton-unknown-task.html, which the selector tests load.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { PageVisit } from '../../lib/page/protocol';
import { accountDeskUi, openDock, projectRoot, startConnectedSession, type ConnectedSession } from './harness';

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<{ ok: true; value: PageVisit[] }> } };

describe('the layout report', () => {
  let session: ConnectedSession;
  let page: Page;
  let taskPath: string;

  beforeAll(async () => {
    session = await startConnectedSession();
    await session.browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: session.sim.origin });
    // A task with comments, so the page has their texts and authors to leak.
    const data = session.sim.control.data();
    const task = data.projects.flatMap((project) => session.sim.control.tasks(project.id)).find((candidate) => session.sim.control.comments(candidate.id).length >= 3)!;
    taskPath = task.page;
    page = await session.browser.context.newPage();
  });

  afterAll(async () => {
    await session?.close();
  });

  /** Every text the simulator can put on a page: names, e-mails, titles, comments. */
  function pageStrings(): string[] {
    const data = session.sim.control.data();
    const strings = [data.account.name, ...data.users.flatMap((user) => [user.name, user.email])];
    for (const project of data.projects) {
      strings.push(project.name);
      for (const task of session.sim.control.tasks(project.id)) {
        strings.push(task.name, ...session.sim.control.comments(task.id).map((comment) => comment.body.slice(0, 40)));
      }
    }
    return strings.map((text) => text.trim()).filter((text) => text.length >= 4);
  }

  function expectNoPageText(report: string): void {
    expect(report).toMatch(/^<body/);
    const leaked = pageStrings().filter((text) => report.includes(text));
    expect(leaked).toEqual([]);
    // Nor any id or number from the page: ids keep no digit but 0, classes no number of three digits.
    const values = [...report.matchAll(/ (id|class)="([^"]*)"/g)].map((match) => [match[1], match[2] ?? ''] as const);
    const leaks = values.filter(([name, value]) =>
      name === 'id' ? /[1-9]/.test(value) : (value.match(/\d{3,}/g) ?? []).some((run) => /[1-9]/.test(run)),
    );
    expect(leaks).toEqual([]);
  }

  it('copies the page\'s structure from the dock, with no text of the page', async () => {
    await page.goto(session.url(`${taskPath}?layout=unknown`));
    const dock = accountDeskUi(page, 'dock');
    await openDock(page);
    await dock.getByRole('button', { name: "Report this page's layout" }).click();
    await dock.getByRole('status').filter({ hasText: /^Copied: this page's structure/ }).waitFor();
    const report = await page.evaluate(() => navigator.clipboard.readText());
    expectNoPageText(report);
    expect(report).toContain('<form class="ws2-reply" data-xhr>');
    if (process.env.SAVE_LAYOUT_FIXTURE) fs.writeFileSync(path.join(projectRoot, 'tests/fixtures/pages/skeleton-unknown-task.html'), report);
  });

  it('offers the same report in Diagnostics for the page it could not fully place', async () => {
    const options = await session.browser.extensionPage('options.html');
    const row = options.getByRole('region', { name: 'Diagnostics' }).getByRole('row').filter({ hasText: taskPath }).first();
    await row.getByRole('button', { name: "Report this page's layout" }).click();
    await row.getByRole('status').filter({ hasText: /^Copied: this page's structure/ }).waitFor();
    // What it copied is the stored report (reading the clipboard needs a permission extension pages don't have).
    const visits = await options.evaluate(() => chrome.runtime.sendMessage({ type: 'diagnostics/list', request: {} }));
    const report = visits.value.find((visit) => visit.url.includes(taskPath))?.layout;
    expectNoPageText(report ?? '');
    await options.close();
  });
});
