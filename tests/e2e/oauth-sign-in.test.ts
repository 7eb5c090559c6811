// "Sign in with Worksection" end to end: options → the browser's sign-in
// window on the simulator's consent page (worksection.com/oauth2/authorize)
// → back to options, connected as that person; then the tokens' life.
//
// How the consent page is driven: identity.launchWebAuthFlow opens its window
// as a page of the persistent context, so Playwright's context 'page' event
// hands it to the test, which presses Allow or Deny like the person would.
// Worksection then redirects to https://<id>.chromiumapp.org/worksection,
// which the browser catches and gives to the extension (the window closes).
// The host rules map the bare worksection.com to the simulator too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { AccountSummary } from '../../lib/messages';
import type { SyncStatus, WaitingThread } from '../../lib/replies/protocol';
import { DEMO_OAUTH_APP } from '../simulator/index';
import { accountDeskUi, messenger, signInThroughOptions, startConnectedSession, waitForFirstSync, type ConnectedSession } from './harness';

describe('Sign in with Worksection', () => {
  let session: ConnectedSession;
  let extensionPage: Page;
  const sim = () => session.sim;
  const send = messenger(() => extensionPage);
  const queue = () => send<{ threads: WaitingThread[]; status: SyncStatus }>('replies/queue');
  const knownThreads = async () => (await queue()).threads.map((thread) => thread.taskId).sort();

  // A manager who is not the owner: what the account shows him is his, and so is every write.
  const person = () => sim().control.data().users.find((user) => user.email === 'daniel.brooks@sreda.digital')!;
  // Daniel's project with client threads waiting.
  const hisProject = () => sim().control.data().projects.find((project) => project.id === '8562')!;

  beforeAll(async () => {
    session = await startConnectedSession({ connect: false });
    // Short-lived access tokens, so one can expire mid-session without moving the clock a day.
    sim().control.setOAuthLifetimes({ accessMinutes: 30 });
    sim().control.oauthSignInAs(person().email);
    extensionPage = await session.browser.extensionPage('popup.html');
  });

  afterAll(() => session?.close());

  it('shows the exact redirect URL to register in Worksection', async () => {
    const options = await session.browser.extensionPage('options.html');
    try {
      const field = options.getByLabel('Redirect URL to register in Worksection', { exact: true });
      await expect.poll(() => field.inputValue(), { timeout: 15_000 }).toBe(`https://${session.browser.extensionId}.chromiumapp.org/worksection`);
      expect(await options.locator('#oauth-scopes').innerText()).toBe(
        'Access asked for: projects_read, tasks_read, tasks_write, comments_read, comments_write, users_read, costs_read, costs_write.',
      );
    } finally {
      await options.close();
    }
  });

  it('denying consent says so in options and connects nothing', async () => {
    const { outcome } = await signInThroughOptions(session.browser, { app: DEMO_OAUTH_APP, decision: 'Deny' });
    expect(outcome).toBe(
      'You denied Account Desk access in Worksection, so nothing was connected. Press Sign in with Worksection and choose Allow to connect.',
    );
    expect(sim().control.oauthStats()).toMatchObject({ consentPages: 1, denied: 1, tokens: 0 });
    expect(await send<AccountSummary | null>('connection/status')).toBeNull();
  });

  it('signing in on the consent page connects and syncs as that person', async () => {
    const { outcome, consentUser } = await signInThroughOptions(session.browser, { app: DEMO_OAUTH_APP, decision: 'Allow' });
    expect(consentUser).toBe('Daniel Brooks');
    expect(outcome).toMatch(/^Connected to demo\.worksection\.com as Daniel Brooks: /);
    const summary = await send<AccountSummary>('connection/status');
    expect(summary).toMatchObject({ authKind: 'oauth', userName: 'Daniel Brooks', userEmail: person().email, userId: person().id });

    await waitForFirstSync(session.browser);
    expect((await queue()).threads.length).toBeGreaterThan(0);
    // Every API call was made with his token, none with the admin key.
    expect(sim().control.oauthStats()).toMatchObject({ tokens: 1, refreshes: 0, refused: [], apiUsers: [person().email] });
    expect(sim().control.schemesSeen()).toEqual([]);
  });

  it('a token that expires mid-session is refreshed once while the popup, a project page and a sync all call at the same moment', async () => {
    const known = await knownThreads();
    // 31 minutes on Worksection's clock: the 30-minute access token has expired there (the browser's clock has not moved).
    sim().control.setClock({ advanceMinutes: 31 });
    sim().control.resetStats();

    const popup = await session.browser.extensionPage('popup.html');
    const projectPage = await session.browser.context.newPage();
    try {
      const syncButton = popup.getByRole('button', { name: 'Sync now', exact: true });
      await syncButton.waitFor();
      const [, , synced] = await Promise.all([
        syncButton.click(),
        projectPage.goto(session.url(hisProject().page)),
        send<SyncStatus>('sync/now'),
      ]);
      expect(synced.phase).toBe('ok');
      await accountDeskUi(projectPage, 'anchor').getByText(hisProject().name, { exact: true }).waitFor();
      await popup.locator('.queue[aria-busy=false] #sync-state time').waitFor();

      const stats = sim().control.oauthStats();
      expect(stats.refreshes).toBe(1);
      expect(stats.refused).toEqual([]);
      expect(sim().control.stats().byAction).toHaveProperty('get_projects');
      expect(await knownThreads()).toEqual(expect.arrayContaining(known));
    } finally {
      await popup.close();
      await projectPage.close();
    }
    // The renewed token carries on: no further refresh.
    expect((await send<SyncStatus>('sync/now')).phase).toBe('ok');
    expect(sim().control.oauthStats().refreshes).toBe(1);
  });

  it('a refused refresh shows "Sign in again", pauses sync and loses nothing; signing in again carries on', async () => {
    const known = await knownThreads();
    expect(known.length).toBeGreaterThan(0);
    // As when Daniel removes the app's access in Worksection: the token and the refresh token stop working.
    sim().control.revokeOAuthGrants();

    expect(await send<SyncStatus>('sync/now')).toMatchObject({ phase: 'problem', problem: { kind: 'token-expired' } });
    expect(sim().control.oauthStats().refused).toEqual([{ endpoint: 'refresh', error: 'invalid_request', errorDescription: 'Token has been revoked' }]);

    const popup = await session.browser.extensionPage('popup.html');
    await popup.getByRole('alert').getByText(/sign-in has expired/).waitFor();
    await popup.getByRole('button', { name: 'Sign in again', exact: true }).waitFor();
    await popup.close();

    const options = await session.browser.extensionPage('options.html');
    await options.locator('#connection').getByRole('alert').getByText(/^Sign in again: your Worksection access token has expired/).waitFor();
    await options.close();

    // Paused: a poll asks Worksection nothing and tries no second refresh; every thread is still there.
    sim().control.resetStats();
    expect(await send<SyncStatus>('sync/now')).toMatchObject({ phase: 'problem', problem: { kind: 'token-expired' } });
    expect(sim().control.stats().total).toBe(0);
    expect(sim().control.oauthStats().refused).toHaveLength(1);
    expect(await knownThreads()).toEqual(known);

    const { outcome } = await signInThroughOptions(session.browser, { app: DEMO_OAUTH_APP, decision: 'Allow' });
    expect(outcome).toMatch(/^Connected to demo\.worksection\.com as Daniel Brooks: /);
    await expect.poll(async () => (await queue()).status.phase, { timeout: 60_000 }).toBe('ok');
    expect(await knownThreads()).toEqual(expect.arrayContaining(known));
  });
});
