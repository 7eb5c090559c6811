// API dates are read in the account's time zone, not the business-hours zone
// (which defaults to the browser's): with the simulator's account in
// Europe/Kyiv and business hours in UTC, and the other way round, a client's
// comment waits exactly as long as it has.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '@/lib/db';
import { syncReplies } from '@/lib/background/replies/sync';
import { defaultSettings, mergeSettings, type Settings } from '@/lib/settings';
import { ThrottleRegistry, WorksectionClient } from '@/lib/worksection';
import { startSimulator, type Simulator } from '../../simulator';
import { simulatorFetch } from '../../support/simulator-fetch';

const NOW = new Date('2026-03-10T10:00:00Z');

describe.each([
  { account: 'Europe/Kyiv', browser: 'UTC' },
  { account: 'UTC', browser: 'Europe/Kyiv' },
])('account in $account, browser (business hours) in $browser', ({ account, browser }) => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await startSimulator({ port: 0, timeZone: account, now: NOW });
    sim.control.setClock({ frozen: true });
  });
  afterAll(() => sim.close());

  async function waitingSinceAfterSync(settings: Settings): Promise<number | undefined> {
    const data = sim.control.data();
    const owner = data.users.find((user) => user.role === 'Owner')!;
    for (const thread of data.waiting) sim.control.addComment({ taskId: thread.taskId, userEmail: owner.email, text: 'On it.' });
    const project = data.projects.find((candidate) => candidate.clientGroup !== null)!;
    const task = sim.control.tasks(project.id)[0]!;
    const client = data.users.find((user) => user.client && user.group === project.clientGroup)!;
    sim.control.setClock({ now: new Date(NOW.getTime() - 20 * 60_000), frozen: true });
    sim.control.addComment({ taskId: task.id, userEmail: client.email, text: 'Any news?' });
    sim.control.setClock({ now: NOW, frozen: true });
    const db = openDb(`zone-${Math.random()}`);
    const api = new WorksectionClient({
      accountUrl: sim.origin,
      auth: { kind: 'admin', apiKey: sim.apiKey },
      fetch: simulatorFetch(sim.port),
      minIntervalMs: 0,
      throttles: new ThrottleRegistry(),
    });
    await syncReplies({ client: api, db, settings, now: () => NOW.getTime() });
    return (await db.threads.get(task.id))?.waitingSince;
  }

  it('the wait starts when the client wrote, read in the account zone setting', async () => {
    const merged = mergeSettings(defaultSettings(browser), { account: { timeZone: account } });
    if (!merged.ok) throw new Error(merged.problems.join('; '));
    expect(merged.settings.businessHours.timeZone).toBe(browser);
    expect(await waitingSinceAfterSync(merged.settings)).toBe(NOW.getTime() - 20 * 60_000);
  });

  it('read in the browser zone instead, it would be hours off (why the setting exists)', async () => {
    sim.control.reset({ now: NOW, frozen: true });
    const since = await waitingSinceAfterSync(defaultSettings(browser));
    // Kyiv is UTC+2 on 10 March: two hours early or late.
    expect(Math.abs((since ?? 0) - (NOW.getTime() - 20 * 60_000))).toBe(2 * 3600_000);
  });
});
