// A feature switched off in options leaves the open Worksection pages at once,
// and comes back when switched on, without a reload (the runner applies the
// switches live).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { startConnectedSession, type ConnectedSession } from './harness';

describe('feature switches applied to open pages', () => {
  let session: ConnectedSession;
  let worksection: Page;
  let options: Page;

  beforeAll(async () => {
    session = await startConnectedSession();
  });

  afterAll(async () => {
    await session?.close();
  });

  const replies = (): Locator => options.getByRole('region', { name: 'Reply badges' });

  async function switchReplyBadges(on: boolean): Promise<void> {
    const control = replies().getByRole('switch', { name: 'Show reply badges' });
    if (on) await control.check();
    else await control.uncheck();
    await replies().getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => replies().getByRole('status').innerText()).toBe('Saved.');
  }

  it('takes reply badges off an open project page and puts them back, with no reload', async () => {
    const waiting = session.sim.control.data().waiting[0];
    if (!waiting) throw new Error('the simulator has no waiting client thread');
    worksection = await session.browser.context.newPage();
    await worksection.goto(session.url(`/project/${waiting.projectId}/`));
    const badge = worksection.locator(`.item[data-id="${waiting.taskId}"] account-desk-reply`);
    await badge.waitFor();
    // Marks this page load: a reload would lose it.
    await worksection.evaluate(() => ((window as unknown as { loadMark: number }).loadMark = 1));

    options = await session.browser.extensionPage('options.html');
    await replies().getByRole('button', { name: 'Save', exact: true }).waitFor();
    await switchReplyBadges(false);
    await badge.waitFor({ state: 'detached' });
    expect(await worksection.locator('account-desk-reply').count()).toBe(0);

    await switchReplyBadges(true);
    await badge.waitFor();
    expect(await worksection.evaluate(() => (window as unknown as { loadMark?: number }).loadMark)).toBe(1);
  });

  it('takes the Templates button and the account-time widget off the open page and back, with no reload', async () => {
    const templatesSwitch = options.getByRole('region', { name: 'Templates' }).getByRole('switch', { name: 'Show templates on Worksection pages' });
    const timeSwitch = options.getByRole('region', { name: 'Account time' }).getByRole('switch', { name: 'Capture and show account time' });
    const templates = worksection.locator('account-desk-templates');
    const widget = worksection.locator('account-desk-account-time');
    await templates.waitFor();
    await widget.waitFor();

    await templatesSwitch.uncheck();
    await templates.waitFor({ state: 'detached' });
    await timeSwitch.uncheck();
    await widget.waitFor({ state: 'detached' });
    // The page bar has no switch: it stays.
    expect(await worksection.locator('account-desk-page-bar').count()).toBe(1);

    await templatesSwitch.check();
    await timeSwitch.check();
    await templates.waitFor();
    await widget.waitFor();
    // Back in declaration order above the task list: page bar, templates, account time, and the status report that stayed.
    await worksection.locator('account-desk-status-report').waitFor();
    const order = await worksection.evaluate(() => [...document.querySelectorAll('[data-feature]')].map((host) => host.localName));
    expect(order).toEqual(['account-desk-page-bar', 'account-desk-templates', 'account-desk-account-time', 'account-desk-status-report']);
    expect(await worksection.evaluate(() => (window as unknown as { loadMark?: number }).loadMark)).toBe(1);
  });
});
