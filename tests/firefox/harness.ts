// Firefox end-to-end harness: Debian's Firefox ESR with the production
// Firefox build of Account Desk (.output/firefox-mv3), driven by
// puppeteer-core over WebDriver BiDi (Playwright cannot drive a stock
// Firefox), against the same Worksection simulator as the Chromium suite.
//
// How Firefox reaches the simulator without a test-only permission in the
// manifest: Firefox has no host-resolver rules, so the pref
// `network.dns.forceResolve` sends every host name to 127.0.0.1 and the
// simulator listens on port 443 there (binding it needs root, as CI runs).
// Its throw-away certificate is accepted through the BiDi session's
// `acceptInsecureCerts`, which Firefox applies to the whole browser, so the
// extension's own background fetches are trusted too (the connect check
// proves it). The pref `extensions.webextensions.uuids` gives the extension a
// fixed moz-extension:// address.
//
// Firefox's BiDi refuses to navigate a tab to a moz-extension:// address, so
// extension pages are opened the way the extension opens them:
// `tabs.create` from an extension page (the welcome tab the install opens is
// kept for that), and found by their document's address (Puppeteer's
// `page.url()` stays "about:blank" for such tabs in Firefox 153).

import fs from 'node:fs';
import path from 'node:path';
import puppeteer, { TimeoutError, type Browser, type Page } from 'puppeteer-core';
import { firstSyncState, OUTCOME_SELECTOR, projectRoot, WATCH_OUTCOME_REGIONS, type Credentials } from '../e2e/harness';
import { startSimulator, type Simulator, type SimulatorOptions } from '../simulator/index';

export const firefoxBuildDir = path.join(projectRoot, '.output', 'firefox-mv3');
/** browser_specific_settings.gecko.id in wxt.config.ts. */
export const EXTENSION_ID = 'account-desk@account-desk.app';
/** The moz-extension:// host the tests give the extension (any UUID would do; a fixed one makes addresses predictable). */
export const EXTENSION_UUID = '6f1d0c3a-2b8e-4d57-9a61-0e4c8b2f7d95';
export const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;

const PAGE_TIMEOUT_MS = 30_000;
const CONNECT_TIMEOUT_MS = 30_000;
const FIRST_SYNC_TIMEOUT_MS = 60_000;

/** The Firefox binary the tests drive: $FIREFOX, else Debian's /usr/bin/firefox-esr. */
export function firefoxPath(): string {
  return process.env.FIREFOX || '/usr/bin/firefox-esr';
}

/** Every failure of this harness names the browser, so a red line in `npm test` says where it broke. */
export class FirefoxError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(`Firefox: ${message}`, options);
    this.name = 'FirefoxError';
  }
}

function assertReady(binary: string): void {
  if (!fs.existsSync(binary)) {
    throw new FirefoxError(
      `Firefox ESR is missing at ${binary}, so the Firefox checks cannot run. ` +
        'Install it (as root: `apt-get install -y firefox-esr`; `npm test` does that itself when run as root), or set FIREFOX=/path/to/firefox.',
    );
  }
  if (!fs.existsSync(path.join(firefoxBuildDir, 'manifest.json'))) {
    throw new FirefoxError(
      `the Firefox build is missing: ${path.relative(projectRoot, firefoxBuildDir)}/manifest.json. Run npm test, which builds it (or \`npx wxt build -b firefox\`).`,
    );
  }
}

/** The simulator on 127.0.0.1:443, where `network.dns.forceResolve` sends every https://*.worksection.com address. */
async function startSimulatorOn443(options: SimulatorOptions): Promise<Simulator> {
  try {
    return await startSimulator({ ...options, port: 443 });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES') throw new FirefoxError('the simulator must listen on port 443 for Firefox (which has no host-resolver rules), and that needs root, as CI runs', { cause: error });
    if (code === 'EADDRINUSE') throw new FirefoxError('port 443 is taken (another Firefox test run or a web server?): the simulator must listen there for Firefox', { cause: error });
    throw error;
  }
}

export interface FirefoxBrowser {
  browser: Browser;
  /** Opens `moz-extension://<uuid>/<path>` in a new tab (e.g. `options.html`) once its document has loaded. */
  extensionPage(pagePath: string): Promise<Page>;
  /** A new tab for Worksection pages. */
  newPage(): Promise<Page>;
  /** Sends a message to the background from an extension page, as options and the popup do; a refusal throws with its sentence. */
  send<T>(type: string, request?: object): Promise<T>;
  close(): Promise<void>;
}

/** The tab's own address (what Puppeteer's `page.url()` does not know for extension tabs in Firefox). */
export async function documentUrl(page: Page): Promise<string> {
  return page.evaluate(() => (document.readyState === 'complete' ? location.href : '')).catch(() => '');
}

async function waitForTab(browser: Browser, wanted: (href: string) => boolean, known: ReadonlySet<Page>, what: string): Promise<Page> {
  const deadline = Date.now() + PAGE_TIMEOUT_MS;
  const seen: string[] = [];
  while (Date.now() < deadline) {
    seen.length = 0;
    for (const page of await browser.pages()) {
      if (known.has(page)) continue;
      const href = await documentUrl(page);
      seen.push(href);
      if (wanted(href)) return page;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new FirefoxError(`no tab showed ${what} within ${PAGE_TIMEOUT_MS / 1000} s (new tabs show ${JSON.stringify(seen)})`);
}

export async function launchFirefox(): Promise<FirefoxBrowser> {
  const binary = firefoxPath();
  assertReady(binary);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: binary,
    headless: true,
    // Firefox applies this to the whole browser: the simulator's self-signed certificate is accepted for pages and for the extension's own requests.
    acceptInsecureCerts: true,
    defaultViewport: { width: 1280, height: 800 },
    extraPrefsFirefox: {
      'network.dns.forceResolve': '127.0.0.1',
      'extensions.webextensions.uuids': JSON.stringify({ [EXTENSION_ID]: EXTENSION_UUID }),
      // Nothing of Mozilla's own services in the way (every host resolves to the simulator anyway).
      'app.normandy.enabled': false,
      'messaging-system.rsexperimentloader.enabled': false,
      'browser.shell.checkDefaultBrowser': false,
    },
  }).catch((error: unknown) => {
    throw new FirefoxError(`${binary} did not start under puppeteer-core: ${(error as Error).message}`, { cause: error });
  });
  try {
    const blank = new Set(await browser.pages());
    const installed = await browser.installExtension(firefoxBuildDir);
    if (installed !== EXTENSION_ID) throw new FirefoxError(`installed the build as ${installed}, expected ${EXTENSION_ID}`);
    // The fresh install opens the welcome page; it stays open (in the background) to open the other extension pages.
    const home = await waitForTab(browser, (href) => href.startsWith(`${EXTENSION_ORIGIN}/welcome.html`), blank, `${EXTENSION_ORIGIN}/welcome.html after the install`);
    await home.waitForSelector('h1', { timeout: PAGE_TIMEOUT_MS });

    const extensionPage = async (pagePath: string): Promise<Page> => {
      const url = `${EXTENSION_ORIGIN}/${pagePath.replace(/^\/+/, '')}`;
      const known = new Set(await browser.pages());
      await home.evaluate((address) => {
        void (globalThis as unknown as { browser: { tabs: { create(options: object): Promise<unknown> } } }).browser.tabs.create({ url: address });
      }, url);
      return waitForTab(browser, (href) => href === url, known, url);
    };
    return {
      browser,
      extensionPage,
      newPage: () => browser.newPage(),
      send: <T>(type: string, request: object = {}) =>
        home.evaluate(
          async (messageType, messageRequest) => {
            const runtime = (globalThis as unknown as { browser: { runtime: { sendMessage(message: unknown): Promise<{ ok: boolean; value?: unknown; problem?: { message: string } } | undefined> } } }).browser.runtime;
            const reply = await runtime.sendMessage({ type: messageType, request: messageRequest });
            if (!reply?.ok) throw new Error(`${messageType}: ${reply?.problem?.message ?? 'no answer'}`);
            return reply.value;
          },
          type,
          request,
        ) as Promise<T>,
      close: () => browser.close().catch(() => {}),
    };
  } catch (error) {
    await browser.close().catch(() => {});
    throw error;
  }
}

declare global {
  interface Window {
    __accountDeskOutcome?: string | null;
  }
}

/** Like the Chromium harness's connectThroughOptions: types the URL and key into options, presses Connect, returns the outcome shown. */
export async function connectThroughOptions(firefox: FirefoxBrowser, credentials: Credentials): Promise<string> {
  const page = await firefox.extensionPage('options.html');
  try {
    // The form may still be loading the saved connection (and then fill the URL in itself).
    await page.waitForSelector('#connection #api-key:not([disabled])');
    await page.locator('#account-url').fill(credentials.accountUrl);
    await page.locator('#api-key').fill(credentials.apiKey);
    await page.evaluate(WATCH_OUTCOME_REGIONS);
    await clickButton(page, '#connection', 'Connect');
    try {
      const outcome = await page.waitForFunction(() => window.__accountDeskOutcome ?? null, { timeout: CONNECT_TIMEOUT_MS });
      return String(await outcome.jsonValue());
    } catch (error) {
      if (!(error instanceof TimeoutError)) throw error;
      const shown = await page.$$eval(OUTCOME_SELECTOR, (elements) => elements.map((element) => element.textContent?.trim()));
      throw new FirefoxError(`pressing "Connect" in options showed no outcome within ${CONNECT_TIMEOUT_MS / 1000} s; status/alert texts: ${JSON.stringify(shown)}`, { cause: error });
    }
  } finally {
    await page.close();
  }
}

/**
 * Polls `read` until it answers something other than null (every 200 ms); on
 * timeout throws naming `what` and what `shown` (if given) last read.
 */
export async function poll<T>(what: string, read: () => Promise<T | null>, timeout = PAGE_TIMEOUT_MS, shown?: () => Promise<unknown>): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await read();
    if (value !== null) return value;
    if (Date.now() > deadline) {
      const last = shown ? `; instead: ${JSON.stringify(await shown().catch((error: unknown) => String(error)))}` : '';
      throw new FirefoxError(`${what} did not happen within ${timeout / 1000} s${last}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The texts of every element matching `selector` (Puppeteer's `>>>` pierces shadow roots), whitespace folded. */
export async function textsOf(page: Page, selector: string): Promise<string[]> {
  const handles = await page.$$(selector);
  const texts = await Promise.all(handles.map((handle) => handle.evaluate((element) => (element.textContent ?? '').replace(/\s+/g, ' ').trim())));
  await Promise.all(handles.map((handle) => handle.dispose()));
  return texts;
}

/** Waits until an element matching `selector` shows exactly `text` (or matches it); answers the text. */
export function waitForText(page: Page, selector: string, text: string | RegExp, timeout = PAGE_TIMEOUT_MS): Promise<string> {
  const matches = (value: string) => (typeof text === 'string' ? value === text : text.test(value));
  return poll(`${selector} showing ${String(text)}`, async () => (await textsOf(page, selector)).find(matches) ?? null, timeout, () => textsOf(page, selector));
}

/**
 * Clicks the enabled button whose text (or aria-label) is exactly `name`,
 * inside `scope` (a selector; `>>>` pierces shadow roots), once it is there.
 */
export async function clickButton(page: Page, scope: string, name: string): Promise<void> {
  const button = await poll(`an enabled button "${name}" in ${scope}`, async () => {
    for (const handle of await page.$$(`${scope} >>> button`)) {
      const fits = await handle.evaluate(
        (element, wanted) => !(element as HTMLButtonElement).disabled && (element.getAttribute('aria-label') ?? element.textContent ?? '').replace(/\s+/g, ' ').trim() === wanted,
        name,
      );
      if (fits) return handle;
    }
    return null;
  });
  await button.click();
}

/**
 * Waits until the popup shows the first reply sync ended ("Synced at" and
 * nothing busy); a sync problem shown instead fails at once, with its text.
 */
export async function waitForFirstSync(popup: Page, timeout = FIRST_SYNC_TIMEOUT_MS): Promise<void> {
  const outcome = await popup
    .waitForFunction(firstSyncState, { timeout, polling: 200 })
    .catch(async (error: unknown) => {
      const shown = await popup.evaluate(() => document.body.innerText).catch(() => '');
      throw new FirefoxError(`the first reply sync did not end within ${timeout / 1000} s; the popup shows ${JSON.stringify(shown.slice(0, 300))}`, { cause: error });
    });
  const state = String(await outcome.jsonValue());
  if (state !== 'synced') throw new FirefoxError(`the first reply sync failed (popup: ${state})`);
}

export interface FirefoxSession {
  sim: Simulator;
  firefox: FirefoxBrowser;
  /** What connecting showed; null with `connect: false`. */
  outcome: string | null;
  /** `https://demo.worksection.com` + path. */
  url(pagePath: string): string;
  close(): Promise<void>;
}

/** The simulator on port 443 and Firefox with the build installed, (by default) connected to the demo account through options. */
export async function startFirefoxSession(options: SimulatorOptions & { connect?: boolean; beforeLaunch?(sim: Simulator): void } = {}): Promise<FirefoxSession> {
  const { connect = true, beforeLaunch, ...simulatorOptions } = options;
  assertReady(firefoxPath());
  const sim = await startSimulatorOn443(simulatorOptions);
  let firefox: FirefoxBrowser | undefined;
  let outcome: string | null = null;
  try {
    beforeLaunch?.(sim);
    firefox = await launchFirefox();
    if (connect) {
      outcome = await connectThroughOptions(firefox, { accountUrl: sim.origin, apiKey: sim.apiKey });
      if (!outcome.startsWith('Connected to ')) throw new FirefoxError(`connecting the demo account failed: ${outcome}`);
    }
  } catch (error) {
    await firefox?.close();
    await sim.close();
    throw error;
  }
  const connected = firefox;
  return {
    sim,
    firefox: connected,
    outcome,
    url: (pagePath) => new URL(pagePath, sim.origin).href,
    async close() {
      await connected.close();
      await sim.close();
    },
  };
}
