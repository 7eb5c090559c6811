// Write-back that never wedges, in the real extension: a refused add_costs (a
// deleted task) leaves the other entries written and the refused one listed on
// the reports page with Retry and Dismiss; time recorded for another account
// is never written to this one. Retry writes a refused entry exactly once when
// its cause is gone; Dismiss keeps it local for good.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Simulator } from '../simulator/index';
import { messenger, startConnectedSession, type ConnectedSession, type ExtensionBrowser } from './harness';

describe('write-back with a refused entry', () => {
  let session: ConnectedSession;
  let sim: Simulator;
  let browser: ExtensionBrowser;
  let extensionPage: Page;

  /** A message to the background, as the popup sends it. */
  const send = messenger(() => extensionPage);

  beforeAll(async () => {
    session = await startConnectedSession();
    ({ sim, browser } = session);
    extensionPage = await browser.extensionPage('popup.html');
  });

  afterAll(() => session?.close());

  it('writes the other entries, lists the refused one with its reason, and never writes the other account\'s time', async () => {
    await expect.poll(async () => (await send<{ status: { phase: string } }>('replies/queue')).status.phase, { timeout: 60_000 }).toBe('ok');
    const [deleted, kept, alsoKept, foreign] = sim.control.data().waiting.slice(0, 4).map((thread) => thread);
    expect(foreign, 'the seed has four waiting threads').toBeDefined();

    // Yesterday (the browser's day): ten minutes in each thread; the last one recorded while connected to another account.
    const noon = new Date();
    noon.setDate(noon.getDate() - 1);
    noon.setHours(12, 0, 0, 0);
    const session = (thread: typeof deleted, index: number, origin?: string) => {
      const start = noon.getTime() + index * 3600_000;
      return {
        start, end: start + 10 * 60_000, open: 0, taskId: thread!.taskId, projectId: thread!.projectId,
        lastActivityAt: start + 10 * 60_000, tabId: 1, focusedAt: start, ...(origin ? { origin } : {}),
      };
    };
    const backup = await send<{ tables: Record<string, unknown[]> }>('time/export');
    backup.tables.sessions = [
      session(deleted, 0), // recorded before accounts were tracked: a thread synced from this account
      session(kept, 1, sim.origin),
      session(alsoKept, 2, sim.origin),
      session(foreign, 3, 'https://another.worksection.com'),
    ];
    await send('time/import', { backup });
    await send('settings/save', { patch: { accountTime: { writeBack: true } } });

    sim.control.deleteTask(deleted!.taskId);
    expect(await send('time/write-back')).toEqual({ sent: 2, recovered: 0, skipped: 0, refused: 1 });
    const ours = (taskId: string) => sim.control.costs().filter((cost) => cost.taskId === taskId && cost.comment.includes('[account-desk:'));
    expect(ours(kept!.taskId).map((cost) => cost.minutes)).toEqual([10]);
    expect(ours(alsoKept!.taskId).map((cost) => cost.minutes)).toEqual([10]);
    expect(ours(foreign!.taskId)).toEqual([]);

    // A second batch goes past the refused entry and sends nothing twice.
    expect(await send('time/write-back')).toEqual({ sent: 0, recovered: 0, skipped: 3, refused: 0 });

    const reports = await browser.extensionPage('reports.html');
    const section = reports.locator('section#refused-write-back');
    const row = section.locator('tbody tr');
    await row.first().waitFor();
    expect(await row.count()).toBe(1);
    expect(await row.innerText()).toContain('The task was deleted');
    await row.getByRole('button', { name: /^Dismiss / }).click();
    await row.getByText('Dismissed: kept in Account Desk only').waitFor();
    expect(await row.getByRole('button').count()).toBe(0);
    await reports.close();
    expect(await send('time/write-back')).toMatchObject({ sent: 0, refused: 0 });
  });

  it('Retry, once the cause is fixed in Worksection, writes the entry exactly once; Dismiss writes nothing', async () => {
    const [, , , , timerOnly, dismissed] = sim.control.data().waiting;
    expect(dismissed, 'the seed has six waiting threads').toBeDefined();

    // Yesterday (the browser's day): fifteen minutes in each thread, added to the data the first test left.
    const noon = new Date();
    noon.setDate(noon.getDate() - 1);
    noon.setHours(9, 0, 0, 0);
    const session = (thread: typeof timerOnly, index: number) => {
      const start = noon.getTime() + index * 3600_000;
      return {
        start, end: start + 15 * 60_000, open: 0, taskId: thread!.taskId, projectId: thread!.projectId,
        lastActivityAt: start + 15 * 60_000, tabId: 1, focusedAt: start, origin: sim.origin,
      };
    };
    const backup = await send<{ tables: Record<string, unknown[]> }>('time/export');
    backup.tables.sessions = [...backup.tables.sessions!, session(timerOnly, 0), session(dismissed, 1)];
    await send('time/import', { backup });

    // Both projects accept only the timer: both entries are refused, nothing is written.
    for (const thread of [timerOnly, dismissed]) sim.control.setProjectOptions(thread!.projectId, { timer_only: 1 });
    expect(await send('time/write-back')).toMatchObject({ sent: 0, refused: 2 });
    const ours = (taskId: string) => sim.control.costs().filter((cost) => cost.taskId === taskId && cost.comment.includes('[account-desk:'));
    expect(ours(timerOnly!.taskId)).toEqual([]);
    expect(ours(dismissed!.taskId)).toEqual([]);

    // The cause is fixed for both; only the retried entry may be written.
    for (const thread of [timerOnly, dismissed]) sim.control.setProjectOptions(thread!.projectId, { timer_only: 0 });

    const reports = await browser.extensionPage('reports.html');
    const rows = reports.locator('section#refused-write-back tbody tr');
    const row = (thread: typeof timerOnly) => reports.locator(`section#refused-write-back tbody tr[data-key*="|${thread!.taskId}|"]`);
    await row(timerOnly).waitFor();
    expect(await row(timerOnly).innerText()).toContain('The project accepts only time from the timer');
    expect(await row(dismissed).innerText()).toContain('The project accepts only time from the timer');

    sim.control.resetStats();
    await row(timerOnly).getByRole('button', { name: /^Retry / }).click();
    // Written: the row leaves the list of refused time.
    await row(timerOnly).waitFor({ state: 'detached' });
    expect(ours(timerOnly!.taskId).map((cost) => cost.minutes)).toEqual([15]);
    expect(sim.control.stats().byAction.add_costs).toBe(1);

    await row(dismissed).getByRole('button', { name: /^Dismiss / }).click();
    await row(dismissed).getByText('Dismissed: kept in Account Desk only').waitFor();
    expect(await row(dismissed).getByRole('button').count()).toBe(0);
    expect(ours(dismissed!.taskId)).toEqual([]);

    // Later batches write neither again.
    expect(await send('time/write-back')).toMatchObject({ sent: 0, refused: 0 });
    await reports.reload();
    await rows.first().waitFor();
    expect(await row(timerOnly).count()).toBe(0);
    expect(ours(timerOnly!.taskId)).toHaveLength(1);
    expect(ours(dismissed!.taskId)).toEqual([]);
    expect(sim.control.stats().byAction.add_costs).toBe(1);
    await reports.close();
  });
});
