// Reply clocks with the Worksection account and the browser in different time
// zones: the simulator's account in Europe/Kyiv with Chromium in UTC, and the
// other way round. With the account's zone set in options, a client who wrote
// 20 minutes ago has waited 20 minutes, not 20 minutes plus or minus two hours.
import { afterEach, describe, expect, it } from 'vitest';
import type { WaitingThread } from '../../lib/replies/protocol';
import { startSimulator, type Simulator } from '../simulator/index';
import { connectThroughOptions, launchBrowser, type ExtensionBrowser } from './harness';

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
    sim = await startSimulator({ port: 0, timeZone: account });
    const data = sim.control.data();
    const owner = data.users.find((user) => user.role === 'Owner')!;
    for (const thread of data.waiting) sim.control.addComment({ taskId: thread.taskId, userEmail: owner.email, text: 'On it.' });
    const project = data.projects.find((candidate) => candidate.clientGroup !== null)!;
    const task = sim.control.tasks(project.id)[0]!;
    const client = data.users.find((user) => user.client && user.group === project.clientGroup)!;
    sim.control.setClock({ now: new Date(Date.now() - 20 * 60_000) });
    sim.control.addComment({ taskId: task.id, userEmail: client.email, text: 'Any news?' });
    sim.control.setClock({ now: new Date() });

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
