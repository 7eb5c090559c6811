// An OAuth access token that expires: the popup and options say "Sign in
// again" (not a generic sync problem), sync pauses without losing the threads
// it knows, and connecting with a new token carries on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { SyncStatus, WaitingThread } from '../../lib/replies/protocol';
import { startSimulator, type Simulator } from '../simulator/index';
import { connectThroughOptions, launchBrowser, type ExtensionBrowser, messenger } from './harness';

describe('an expired OAuth sign-in', () => {
  let sim: Simulator;
  let browser: ExtensionBrowser;
  let extensionPage: Page;
  let ownerEmail: string;

  /** A message to the background, as the popup sends it. */
  const send = messenger(() => extensionPage);
  const queue = () => send<{ threads: WaitingThread[]; status: SyncStatus }>('replies/queue');

  beforeAll(async () => {
    sim = await startSimulator({ port: 0 });
    ownerEmail = sim.control.data().users.find((user) => user.role === 'Owner')!.email;
    browser = await launchBrowser({ hostRules: sim.hostRules });
    extensionPage = await browser.extensionPage('popup.html');
  });

  afterAll(async () => {
    await browser?.close();
    await sim?.close();
  });

  it('says "Sign in again" in the popup and options, pauses sync and keeps the threads', async () => {
    const token = sim.control.tokenFor(ownerEmail, { expiresInMinutes: 30 });
    expect(await connectThroughOptions(browser, { accountUrl: sim.origin, apiKey: token })).toMatch(/^Connected to /);
    await expect.poll(async () => (await queue()).status.phase, { timeout: 60_000 }).toBe('ok');
    const known = (await queue()).threads.map((thread) => thread.taskId).sort();
    expect(known.length).toBeGreaterThan(0);

    // A day later the token has expired.
    sim.control.setClock({ advanceMinutes: 24 * 60 });
    const status = await send<SyncStatus>('sync/now');
    expect(status).toMatchObject({ phase: 'problem', problem: { kind: 'token-expired' } });

    const popup = await browser.extensionPage('popup.html');
    await popup.getByRole('alert').getByText(/sign-in has expired/).waitFor();
    await popup.getByRole('button', { name: 'Sign in again', exact: true }).waitFor();
    await popup.close();

    const options = await browser.extensionPage('options.html');
    await options.locator('#connection').getByRole('alert').getByText(/^Sign in again: your Worksection access token has expired/).waitFor();
    await options.close();

    // Paused: polls ask Worksection nothing, and every thread it knew is still there.
    sim.control.resetStats();
    expect(await send<SyncStatus>('sync/now')).toMatchObject({ phase: 'problem', problem: { kind: 'token-expired' } });
    expect(sim.control.stats().total).toBe(0);
    expect((await queue()).threads.map((thread) => thread.taskId).sort()).toEqual(known);

    // A new token: sync carries on.
    expect(await connectThroughOptions(browser, { accountUrl: sim.origin, apiKey: sim.control.tokenFor(ownerEmail, { expiresInMinutes: 60 }) })).toMatch(
      /^Connected to /,
    );
    await expect.poll(async () => (await queue()).status.phase, { timeout: 60_000 }).toBe('ok');
    expect((await queue()).threads.length).toBeGreaterThan(0);
  });
});
