// Options in real Chromium: "Your data" export → import round trip (with
// sessions added to the file), and account time written back to Worksection
// on demand, once.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from '../simulator/index';
import { startConnectedSession, type ConnectedSession, type ExtensionBrowser } from './harness';

describe('account time data and write-back in options', () => {
  let session: ConnectedSession;
  let sim: Simulator;
  let browser: ExtensionBrowser;
  let dir: string;

  beforeAll(async () => {
    session = await startConnectedSession();
    ({ sim, browser } = session);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'account-time-data-'));
  }, 90_000);

  afterAll(async () => {
    await session?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('exports, imports a file with yesterday\'s sessions, and writes them back once', async () => {
    const options = await browser.extensionPage('options.html');
    // Wait for the first reply sync (it stores the people write-back needs), then export.
    await expect
      .poll(async () => (await options.evaluate(() => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; value?: { status: { phase: string } } }> } } }).chrome.runtime.sendMessage({ type: 'replies/queue', request: {} }))).value?.status.phase, { timeout: 60_000 })
      .toBe('ok');
    const data = options.locator('section#your-data');
    const [download] = await Promise.all([options.waitForEvent('download'), data.getByRole('button', { name: 'Export all data' }).click()]);
    const backup = JSON.parse(fs.readFileSync((await download.path())!, 'utf8')) as { format: string; tables: Record<string, unknown[]> };
    expect(backup.format).toBe('account-desk-backup');
    expect(JSON.stringify(backup)).not.toContain(sim.apiKey);

    // Twelve minutes in a client thread yesterday (the browser's day).
    const thread = sim.control.data().waiting[0]!;
    const noon = new Date();
    noon.setDate(noon.getDate() - 1);
    noon.setHours(12, 0, 0, 0);
    const start = noon.getTime();
    backup.tables.sessions = [
      { start, end: start + 12 * 60_000, open: 0, taskId: thread.taskId, projectId: thread.projectId, lastActivityAt: start + 12 * 60_000, tabId: 1, focusedAt: start },
    ];
    const file = path.join(dir, 'backup.json');
    fs.writeFileSync(file, JSON.stringify(backup));
    await data.getByLabel('Import from a file').setInputFiles(file);
    // Nothing is replaced before the user has seen what will be.
    const confirm = data.getByRole('group', { name: 'Replace all your data with backup.json?' });
    await confirm.getByRole('row', { name: /^Account time sessions \d+ 1$/ }).waitFor();
    await confirm.getByRole('button', { name: 'Replace everything' }).click();
    await data.getByRole('status').getByText(/^Imported \d+ rows\.$/).waitFor();

    // A broken file changes nothing and says why.
    const broken = path.join(dir, 'broken.json');
    fs.writeFileSync(broken, JSON.stringify({ ...backup, tables: { ...backup.tables, sessions: [{ start: 5, end: 1 }] } }));
    await data.getByLabel('Import from a file').setInputFiles(broken);
    await data.getByRole('alert').getByText(/^Nothing imported: tables\.sessions\[0\]: start and end must be times with end ≥ start/).waitFor();

    const section = options.locator('section#account-time');
    await section.getByLabel('Write account time back to Worksection as time costs').check();
    await section.getByRole('button', { name: 'Save' }).click();
    await section.getByRole('status').getByText('Account time settings saved.').waitFor();
    await section.getByRole('button', { name: 'Write back now' }).click();
    await section.getByRole('status').getByText('Written back: 1 new time costs, 0 found already in Worksection.').waitFor({ timeout: 30_000 });
    await section.getByRole('button', { name: 'Write back now' }).click();
    await section.getByRole('status').getByText('Written back: 0 new time costs, 0 found already in Worksection.').waitFor({ timeout: 30_000 });

    const written = sim.control.costs({ taskId: thread.taskId }).filter((cost) => cost.comment.includes('[account-desk:'));
    expect(written.map((cost) => [cost.minutes, cost.comment])).toEqual([[12, expect.stringMatching(/^Account time \(Account Desk\) \[account-desk:\d+:\d{4}-\d{2}-\d{2}\]$/)]]);
    await options.close();
  }, 120_000);
});
