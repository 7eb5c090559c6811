// The paths where Firefox differs from Chromium, each checked in Firefox ESR:
// - no managed policy: Firefox's storage.managed throws (Chromium answers {}),
//   and options still works and locks nothing;
// - identity: getRedirectURL is https://<sha1 of the add-on id>.extensions.allizom.org/…,
//   which options shows, Worksection's OAuth server accepts, and the sign-in
//   window hands back: "Sign in with Worksection" end to end;
// - no storage.local.setAccessLevel: Firefox's content scripts can read
//   storage.local, so neither the admin key nor the OAuth app's secret may be
//   there; the credentials live in the extension's IndexedDB, which a content
//   script (whose indexedDB is the page's) cannot open.
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { WATCH_OUTCOME_REGIONS } from '../e2e/harness';
import { DEMO_OAUTH_APP } from '../simulator/index';
import { clickButton, connectThroughOptions, documentUrl, EXTENSION_ID, poll, startFirefoxSession, textsOf, waitForText, type FirefoxSession } from './harness';

const CONNECT_TIMEOUT_MS = 30_000;

/** Firefox's identity.getRedirectURL(path): the add-on id's SHA-1 as a host under extensions.allizom.org. */
const FIREFOX_REDIRECT_URL = `https://${crypto.createHash('sha1').update(EXTENSION_ID).digest('hex')}.extensions.allizom.org/worksection`;

declare global {
  interface Window {
    __accountDeskOutcome?: string | null;
  }
}

describe('Firefox: where Firefox differs', () => {
  let session: FirefoxSession;
  let options: Page;
  /** Runs in the options page (an extension page): the extension's own `browser` API. */
  const inExtensionPage = <T,>(expression: string): Promise<T> => options.evaluate(expression) as Promise<T>;

  beforeAll(async () => {
    session = await startFirefoxSession({ connect: false });
    // The person who signs in on Worksection's consent page: a manager, not the owner.
    session.sim.control.oauthSignInAs('daniel.brooks@sreda.digital');
    options = await session.firefox.extensionPage('options.html');
  });

  afterAll(() => session?.close());

  it('Firefox: storage.managed throws without a policy, and options works with nothing locked', async () => {
    const managed = await inExtensionPage<string>(`browser.storage.managed.get().then((items) => 'answered ' + JSON.stringify(items), (error) => 'threw: ' + error.message)`);
    expect(managed, 'Firefox: storage.managed.get() without a policy').toMatch(/^threw: /);
    expect(await session.firefox.send('policy/get'), 'Firefox: the policy Account Desk reads').toMatchObject({ present: false, managed: [], locked: [], problems: [] });

    await options.bringToFront();
    // The replies section's thresholds load from settings and can be edited: no lock anywhere.
    const late = await options.waitForSelector('#replies input[type=number]:not([disabled])');
    expect(late, 'Firefox: an editable reply threshold').not.toBeNull();
    const body = await options.evaluate(() => document.body.innerText);
    expect(body, 'Firefox: options without a policy').not.toContain('Set by your organization');
    expect(await options.$$('#replies input[type=number][disabled]'), 'Firefox: no disabled threshold').toHaveLength(0);
    expect(await options.$eval('#account-url', (input) => (input as HTMLInputElement).disabled), 'Firefox: the account URL is the user\'s to type').toBe(false);
  });

  it('Firefox: options shows identity.getRedirectURL, the extensions.allizom.org address, to register in Worksection', async () => {
    expect(await inExtensionPage<string>(`browser.identity.getRedirectURL('worksection')`)).toBe(FIREFOX_REDIRECT_URL);
    const shown = await poll('Firefox: the redirect URL in options', async () => (await options.$eval('#oauth-redirect', (input) => (input as HTMLInputElement).value)) || null);
    expect(shown, 'Firefox: the redirect URL options shows').toBe(FIREFOX_REDIRECT_URL);
  });

  it('Firefox: "Sign in with Worksection" goes through the consent page in the sign-in window and connects as that person', async () => {
    await options.bringToFront();
    await options.waitForSelector('#oauth-client-id:not([disabled])');
    const app = await options.$('#connection details');
    if (!(await app!.evaluate((element) => (element as HTMLDetailsElement).open))) await options.locator('#connection details summary').click();
    await options.locator('#oauth-client-id').fill(DEMO_OAUTH_APP.clientId);
    await options.locator('#oauth-client-secret').fill(DEMO_OAUTH_APP.clientSecret);
    await clickButton(options, '#connection', 'Save app');
    await waitForText(options, '#connection [role=status]', 'App saved.');

    await options.evaluate(WATCH_OUTCOME_REGIONS);
    const known = new Set(await session.firefox.browser.pages());
    await clickButton(options, '#connection', 'Sign in with Worksection');
    // identity.launchWebAuthFlow opens Worksection's consent page in a window of its own.
    const consent = await poll('Firefox: the sign-in window on worksection.com/oauth2/authorize', async () => {
      for (const page of await session.firefox.browser.pages()) {
        if (!known.has(page) && (await documentUrl(page)).startsWith('https://worksection.com/oauth2/authorize?')) return page;
      }
      return null;
    });
    const asked = new URL(await documentUrl(consent));
    expect(asked.searchParams.get('redirect_uri'), 'Firefox: the redirect_uri sent to Worksection').toBe(FIREFOX_REDIRECT_URL);
    expect(await textsOf(consent, '#signed-in-user')).toEqual(['Daniel Brooks']);
    // The window closes itself once Worksection redirects to the allizom.org address.
    await consent.$eval('button[value=allow]', (button) => (button as HTMLButtonElement).click());

    const outcome = await options.waitForFunction(() => window.__accountDeskOutcome ?? null, { timeout: CONNECT_TIMEOUT_MS });
    expect(String(await outcome.jsonValue()), 'Firefox: signing in').toMatch(/^Connected to demo\.worksection\.com as Daniel Brooks: /);
    expect(session.sim.control.oauthStats(), 'Firefox: the OAuth server gave one code and one token').toMatchObject({ allowed: 1, tokens: 1, refused: [] });
    expect(await session.firefox.send('connection/status')).toMatchObject({ authKind: 'oauth', userName: 'Daniel Brooks' });
  });

  it('Firefox: there is no storage.local.setAccessLevel, and storage.local (which content scripts read) holds no admin key and no app secret', async () => {
    expect(await inExtensionPage<string>(`typeof browser.storage.local.setAccessLevel`), 'Firefox: storage.local.setAccessLevel').toBe('undefined');
    const outcome = await connectThroughOptions(session.firefox, { accountUrl: session.sim.origin, apiKey: session.sim.apiKey });
    expect(outcome, 'Firefox: connecting with the admin key').toMatch(/^Connected to /);
    // Firefox gives content scripts the extension's whole storage.local: what an extension page reads here, they read too.
    const local = await inExtensionPage<string>(`browser.storage.local.get(null).then((items) => JSON.stringify(items))`);
    expect(local, 'Firefox: the admin key in storage.local').not.toContain(session.sim.apiKey);
    expect(local, 'Firefox: the OAuth app secret in storage.local').not.toContain(DEMO_OAUTH_APP.clientSecret);
    // The credentials are in the extension's own IndexedDB…
    const own = await inExtensionPage<string[]>(`indexedDB.databases().then((list) => list.map((db) => db.name))`);
    expect(own, 'Firefox: the extension\'s databases').toContain('account-desk-credentials');
    // …which a Worksection page (and its content script, whose indexedDB is the page's) does not have.
    const page = await session.firefox.newPage();
    try {
      await page.goto(session.url(session.sim.control.data().projects[0]!.page));
      await page.waitForSelector('account-desk-page-bar');
      const pages = await page.evaluate(() => indexedDB.databases().then((list) => list.map((db) => db.name)));
      expect(pages, 'Firefox: the Worksection page\'s databases').not.toContain('account-desk-credentials');
    } finally {
      await page.close();
    }
  });
});
