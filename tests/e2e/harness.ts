// End-to-end harness: Debian's Chromium with the production build of Account
// Desk loaded, pointed at the Worksection simulator through host-resolver rules
// (so the shipped manifest, matching *.worksection.com, runs unchanged).
// Also used by scripts/start.mjs and scripts/bench.mjs through tsx.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, errors, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { startSimulator, type Simulator, type SimulatorOptions } from '../simulator/index';

export const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
export const extensionDir = path.join(projectRoot, '.output', 'chrome-mv3');

/** `*.worksection.eu` resolves to a closed local port: the "unreachable account" case. */
export const UNREACHABLE_RULE = 'MAP *.worksection.eu 127.0.0.1:1';

const SERVICE_WORKER_TIMEOUT_MS = 30_000;
const CONNECT_TIMEOUT_MS = 30_000;
const FIRST_SYNC_TIMEOUT_MS = 60_000;

export interface LaunchOptions {
  /** Load the built extension (default true). `false` gives the same browser without it. */
  extension?: boolean;
  /** An unpacked extension to load instead of the build (the bench's empty extension); it needs a service worker. */
  extensionPath?: string;
  /** Default true; extensions load in Chromium's new headless mode. */
  headless?: boolean;
  /** Chromium host-resolver rules for the simulator, e.g. `MAP *.worksection.com 127.0.0.1:PORT`. */
  hostRules: string;
  viewport?: { width: number; height: number } | null;
  /** The browser's time zone (IANA), through TZ; default: this process's. */
  timeZone?: string;
  /**
   * A fresh install opens the welcome page (lib/background/welcome.ts). By
   * default the launch waits for that tab and closes it, so every test starts
   * from the same tabs; 'keep' leaves it open as `welcomePage`.
   */
  welcome?: 'close' | 'keep';
}

export interface PlainBrowser {
  context: BrowserContext;
  /** Closes the browser and deletes its temporary profile. */
  close(): Promise<void>;
}

export interface ExtensionBrowser extends PlainBrowser {
  extensionId: string;
  /** The extension's MV3 service worker (waits for it if Chromium stopped it and it is starting again). */
  serviceWorker(): Promise<Worker>;
  /** Opens `chrome-extension://<id>/<path>` in a new tab, e.g. `options.html`. */
  extensionPage(pagePath: string): Promise<Page>;
  /** The welcome tab the install opened, with `welcome: 'keep'`. */
  welcomePage?: Page;
}

export function chromiumPath(): string {
  return process.env.CHROMIUM || '/usr/bin/chromium';
}

/** Chromium flags shared by every launch; the extension flags come on top. */
export function chromiumArgs(hostRules: string): string[] {
  const args = [
    `--host-resolver-rules=${hostRules}, ${UNREACHABLE_RULE}`,
    // The simulator serves HTTPS with a throw-away certificate.
    '--ignore-certificate-errors',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ];
  // Chromium refuses to start as root with its sandbox on.
  if (typeof process.getuid === 'function' && process.getuid() === 0) args.push('--no-sandbox');
  return args;
}

function assertBuilt(): void {
  if (!fs.existsSync(path.join(extensionDir, 'manifest.json'))) {
    throw new Error(
      `The extension is not built: ${path.relative(projectRoot, extensionDir)}/manifest.json is missing. ` +
        'Run npm test, which builds first (or `npx wxt build`).',
    );
  }
}

function assertChromium(binary: string): void {
  if (!fs.existsSync(binary)) {
    throw new Error(`Chromium is missing at ${binary}. Run \`node scripts/setup.mjs\` (or set CHROMIUM).`);
  }
}

/**
 * The welcome tab a fresh install opens: already open, or the next page whose
 * URL becomes welcome.html (a new tab may start as about:blank).
 */
function waitForWelcomePage(context: BrowserContext, extensionId: string, timeoutMs: number): Promise<Page> {
  const welcomeUrl = `chrome-extension://${extensionId}/welcome.html`;
  return new Promise<Page>((resolve, reject) => {
    const watched = new Map<Page, () => void>();
    const done = (): void => {
      clearTimeout(timer);
      context.off('page', watch);
      for (const [page, listener] of watched) page.off('framenavigated', listener);
    };
    const check = (page: Page): void => {
      if (!page.url().startsWith(welcomeUrl)) return;
      done();
      resolve(page);
    };
    function watch(page: Page): void {
      if (watched.has(page)) return;
      const listener = (): void => check(page);
      watched.set(page, listener);
      page.on('framenavigated', listener);
      check(page);
    }
    const timer = setTimeout(() => {
      done();
      reject(new Error(`Installing the extension opened no ${welcomeUrl} tab within ${timeoutMs / 1000} s (pages: ${JSON.stringify(context.pages().map((page) => page.url()))})`));
    }, timeoutMs);
    context.on('page', watch);
    for (const page of context.pages()) watch(page);
  });
}

function isExtensionWorker(worker: Worker, extensionId?: string): boolean {
  const prefix = extensionId ? `chrome-extension://${extensionId}/` : 'chrome-extension://';
  return worker.url().startsWith(prefix);
}

export function launchBrowser(options: LaunchOptions & { extension: false }): Promise<PlainBrowser>;
export function launchBrowser(options: LaunchOptions & { extension?: true }): Promise<ExtensionBrowser>;
export async function launchBrowser(options: LaunchOptions): Promise<PlainBrowser | ExtensionBrowser> {
  const withExtension = options.extension !== false;
  const binary = chromiumPath();
  assertChromium(binary);
  const unpacked = options.extensionPath ?? extensionDir;
  if (withExtension && !options.extensionPath) assertBuilt();

  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), withExtension ? 'account-desk-e2e-' : 'account-desk-e2e-plain-'));
  const extensionArgs = withExtension ? [`--disable-extensions-except=${unpacked}`, `--load-extension=${unpacked}`] : [];
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: binary,
      headless: options.headless ?? true,
      args: [...extensionArgs, ...chromiumArgs(options.hostRules)],
      // Playwright disables extensions by default; dropped for both kinds of
      // browser so that the extension is their only difference.
      ignoreDefaultArgs: ['--disable-extensions'],
      viewport: options.viewport === undefined ? { width: 1280, height: 800 } : options.viewport,
      ...(options.timeZone ? { env: { ...process.env, TZ: options.timeZone } } : {}),
    });
  } catch (error) {
    fs.rmSync(userDataDir, { recursive: true, force: true });
    throw error;
  }

  const close = async (): Promise<void> => {
    await context.close().catch(() => {});
    fs.rmSync(userDataDir, { recursive: true, force: true });
  };
  if (!withExtension) return { context, close };

  let worker: Worker;
  try {
    worker =
      context.serviceWorkers().find((w) => isExtensionWorker(w)) ??
      (await context.waitForEvent('serviceworker', {
        predicate: (w) => isExtensionWorker(w),
        timeout: SERVICE_WORKER_TIMEOUT_MS,
      }));
  } catch (error) {
    await close();
    throw new Error(
      `The extension's service worker did not start within ${SERVICE_WORKER_TIMEOUT_MS / 1000} s in ${binary} ` +
        `(is ${unpacked} a valid MV3 build?): ${(error as Error).message}`,
    );
  }
  const extensionId = new URL(worker.url()).host;
  // The build's fresh install opens its welcome page: settle that tab before any test counts pages.
  let welcomePage: Page | undefined;
  if (!options.extensionPath) {
    try {
      welcomePage = await waitForWelcomePage(context, extensionId, SERVICE_WORKER_TIMEOUT_MS);
      // Closed before it has loaded, Chromium's next extension pages can come up without their
      // locale messages (every t() shows its key): let it finish first.
      await welcomePage.waitForLoadState('load');
      await welcomePage.locator('h1').waitFor({ timeout: SERVICE_WORKER_TIMEOUT_MS });
      if (options.welcome !== 'keep') {
        await welcomePage.close();
        welcomePage = undefined;
      }
    } catch (error) {
      await close();
      throw error;
    }
  }

  return {
    context,
    extensionId,
    close,
    ...(welcomePage ? { welcomePage } : {}),
    async serviceWorker() {
      const running = context.serviceWorkers().find((w) => isExtensionWorker(w, extensionId));
      if (running) return running;
      return context.waitForEvent('serviceworker', {
        predicate: (w) => isExtensionWorker(w, extensionId),
        timeout: SERVICE_WORKER_TIMEOUT_MS,
      });
    },
    async extensionPage(pagePath: string) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${pagePath.replace(/^\/+/, '')}`);
      return page;
    },
  };
}

export interface Credentials {
  accountUrl: string;
  apiKey: string;
}

/**
 * Connects like a user: opens options.html, types the account URL and API key
 * into the fields named "Account URL" and "API key", clicks "Connect", and
 * returns the text of the outcome: the status ("Connected to …") or the alert.
 *
 * The options page may already show an earlier outcome (e.g. "Connected to …"
 * from a previous connection), so only an outcome rendered after the click
 * counts.
 */
export async function connectThroughOptions(browser: ExtensionBrowser, credentials: Credentials): Promise<string> {
  const page = await browser.extensionPage('options.html');
  try {
    const connect = page.getByRole('button', { name: 'Connect', exact: true });
    // The form may still be loading the saved connection (and then fill the URL in itself).
    await (await connect.elementHandle()).waitForElementState('enabled');
    await page.getByLabel('Account URL', { exact: true }).fill(credentials.accountUrl);
    await page.getByLabel('API key', { exact: true }).fill(credentials.apiKey);
    await page.evaluate(WATCH_OUTCOME_REGIONS);
    await connect.click();
    try {
      const outcome = await page.waitForFunction(() => window.__accountDeskOutcome ?? null, undefined, {
        timeout: CONNECT_TIMEOUT_MS,
      });
      return String(await outcome.jsonValue());
    } catch (error) {
      if (!(error instanceof errors.TimeoutError)) throw error;
      const shown = await page.locator(OUTCOME_SELECTOR).allInnerTexts();
      throw new Error(
        `Clicking "Connect" on options.html showed no new outcome within ${CONNECT_TIMEOUT_MS / 1000} s: ` +
          `expected role="status" starting "Connected to " or role="alert". Status/alert texts now: ${JSON.stringify(shown)}`,
      );
    }
  } finally {
    await page.close();
  }
}

export interface SignInOptions {
  /** The agency's app as entered in options (the simulator's DEMO_OAUTH_APP). */
  app: { clientId: string; clientSecret: string };
  /** What the person presses on Worksection's consent page. */
  decision: 'Allow' | 'Deny';
}

/**
 * "Sign in with Worksection" like a user: in options.html saves the app's
 * client id and secret, presses the button, and on Worksection's consent
 * page (the browser's sign-in window, opened by identity.launchWebAuthFlow,
 * which Playwright sees as a page of the context) presses Allow or Deny.
 * Returns the outcome options shows, as connectThroughOptions does.
 */
export async function signInThroughOptions(browser: ExtensionBrowser, options: SignInOptions): Promise<{ outcome: string; consentUser: string }> {
  const page = await browser.extensionPage('options.html');
  try {
    const section = page.locator('#connection');
    const signIn = section.getByRole('button', { name: 'Sign in with Worksection', exact: true });
    await (await signIn.elementHandle()).waitForElementState('enabled');
    // The saved app loads into the form first (the fields are disabled until then); the form is folded away once an app is saved.
    await (await section.locator('#oauth-client-id').elementHandle()).waitForElementState('enabled');
    if ((await section.locator('details').getAttribute('open')) === null) await section.getByText("Your agency's Worksection app", { exact: true }).click();
    await page.getByLabel('Client id', { exact: true }).fill(options.app.clientId);
    await page.getByLabel('Client secret', { exact: true }).fill(options.app.clientSecret);
    await section.getByRole('button', { name: 'Save app', exact: true }).click();
    await section
      .getByRole('status')
      .filter({ hasText: 'App saved.' })
      .waitFor({ timeout: CONNECT_TIMEOUT_MS })
      .catch(async (error: unknown) => {
        throw new Error(`Saving the OAuth app showed no "App saved.": the section shows ${JSON.stringify(await section.innerText())}`, { cause: error });
      });
    await page.evaluate(WATCH_OUTCOME_REGIONS);
    const consentOpened = browser.context.waitForEvent('page', { timeout: CONNECT_TIMEOUT_MS });
    await signIn.click();
    const consent = await consentOpened;
    await consent.waitForURL(/^https:\/\/worksection\.com\/oauth2\/authorize\?/);
    const consentUser = await consent.locator('#signed-in-user').innerText();
    // The window closes itself once Worksection redirects to our chromiumapp.org address.
    await consent
      .getByRole('button', { name: options.decision, exact: true })
      .click()
      .catch((error: unknown) => {
        if (!consent.isClosed()) throw error;
      });
    const outcome = await page.waitForFunction(() => window.__accountDeskOutcome ?? null, undefined, { timeout: CONNECT_TIMEOUT_MS });
    return { outcome: String(await outcome.jsonValue()), consentUser };
  } finally {
    await page.close();
  }
}

declare global {
  interface Window {
    /** Set by WATCH_OUTCOME_REGIONS: the first outcome rendered after the click. */
    __accountDeskOutcome?: string | null;
  }
}

/** Only the connection section's outcome counts (other sections have alerts of their own). */
export const OUTCOME_SELECTOR = '#connection [role=status], #connection [role=alert], #connection output';

/**
 * From now on, on every change inside (or of) a status/alert region, records
 * the outcome shown: a non-empty alert, else a status starting "Connected to ".
 * Plain JavaScript in a string: when this file runs through tsx (npm start,
 * bench), esbuild's keepNames would wrap inner functions of a function passed
 * to the page in a `__name` helper that the page does not have. Firefox's
 * harness (tests/firefox/harness.ts) runs the same string.
 */
export const WATCH_OUTCOME_REGIONS = `(() => {
  const selector = ${JSON.stringify(OUTCOME_SELECTOR)};
  window.__accountDeskOutcome = null;
  const touches = (node) => {
    const element = node instanceof Element ? node : node.parentElement;
    return !!element && (element.matches(selector) || !!element.closest(selector) || !!element.querySelector(selector));
  };
  const shownText = (element) =>
    element instanceof HTMLElement && element.offsetParent === null && getComputedStyle(element).position !== 'fixed'
      ? ''
      : (element.textContent ?? '').trim();
  const outcome = () =>
    [...document.querySelectorAll('#connection [role=alert]')].map(shownText).find(Boolean) ??
    [...document.querySelectorAll('#connection [role=status], #connection output')].map(shownText).find((text) => text.startsWith('Connected to ')) ??
    null;
  new MutationObserver((records) => {
    const relevant = records.some((record) => touches(record.target) || [...record.addedNodes, ...record.removedNodes].some(touches));
    if (relevant) window.__accountDeskOutcome = outcome() ?? window.__accountDeskOutcome;
  }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
})()`;

/** Account Desk's UI host on a Worksection page (its open shadow root is searched by locators). */
export function accountDeskUi(page: Page, placement?: 'anchor' | 'dock') {
  return page.locator(placement ? `account-desk-page-bar[data-placement="${placement}"]` : 'account-desk-page-bar');
}

/** The dock (lib/page/dock.ts): every docked feature's host is inside it. */
export function accountDeskDock(page: Page) {
  return page.locator('account-desk-dock');
}

/** Expands the dock when it is collapsed (the user's last choice is kept across pages); in any language. */
export async function openDock(page: Page): Promise<void> {
  const toggle = accountDeskDock(page).locator('button.toggle[aria-controls="panel"]');
  await toggle.waitFor();
  if ((await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
}

/**
 * Runs in the popup (Chromium's and Firefox's harnesses): 'synced' once the
 * first reply sync has ended with a "Synced at" time and nothing busy,
 * 'problem: …' when it shows a sync problem instead, null while it runs.
 */
export function firstSyncState(): string | null {
  const queue = document.querySelector('.queue');
  if (!queue || queue.getAttribute('aria-busy') !== 'false') return null;
  if (queue.querySelector('#sync-state time')) return 'synced';
  const problem = queue.querySelector('[role=alert]')?.textContent?.trim();
  return problem ? `problem: ${problem}` : null;
}

/**
 * Waits until the first reply sync has ended, as the popup shows it: nothing
 * busy and a "Synced at" time. A sync problem shown instead fails at once,
 * with its text.
 */
export async function waitForFirstSync(browser: ExtensionBrowser, timeoutMs = FIRST_SYNC_TIMEOUT_MS): Promise<void> {
  const popup = await browser.extensionPage('popup.html');
  try {
    const outcome = await popup.waitForFunction(firstSyncState, undefined, { timeout: timeoutMs, polling: 200 });
    const state = String(await outcome.jsonValue());
    if (state !== 'synced') throw new Error(`the first reply sync failed (popup: ${state})`);
  } catch (error) {
    if (!(error instanceof errors.TimeoutError)) throw error;
    const shown = await popup.locator('body').innerText().catch(() => '');
    throw new Error(`the first reply sync did not end within ${timeoutMs / 1000} s; the popup shows: ${JSON.stringify(shown.slice(0, 300))}`);
  } finally {
    await popup.close();
  }
}

export interface SessionOptions extends SimulatorOptions {
  /** Connect the demo account through options.html (default true); false gives a browser with nothing connected yet. */
  connect?: boolean;
  /** Runs once the simulator is up, before the browser starts: changes to the account the first sync must see. */
  beforeLaunch?(sim: Simulator): void | Promise<void>;
  /** Runs once the browser is up, before connecting: listeners that must see every page. */
  beforeConnect?(browser: ExtensionBrowser): void | Promise<void>;
  /** After connecting, wait until the first reply sync has ended (default false). */
  firstSync?: boolean;
  /** An unpacked copy of the build to load instead of the build itself (e.g. with a test language file in it). */
  extensionPath?: string;
}

/** The simulator and a browser with Account Desk (usually) connected to its demo account: what every e2e file starts from. */
export interface ConnectedSession {
  sim: Simulator;
  browser: ExtensionBrowser;
  /** What connecting showed ("Connected to …"); null with `connect: false`. */
  outcome: string | null;
  /** `https://demo.worksection.com` + path. */
  url(pagePath: string): string;
  close(): Promise<void>;
}

export async function startConnectedSession(options: SessionOptions = {}): Promise<ConnectedSession> {
  const { connect = true, beforeLaunch, beforeConnect, firstSync = false, extensionPath, ...simulatorOptions } = options;
  const sim = await startSimulator({ port: 0, ...simulatorOptions });
  let browser: ExtensionBrowser | undefined;
  let outcome: string | null = null;
  try {
    await beforeLaunch?.(sim);
    browser = await launchBrowser({ hostRules: sim.hostRules, ...(extensionPath && { extensionPath }) });
    await beforeConnect?.(browser);
    if (connect) {
      outcome = await connectThroughOptions(browser, { accountUrl: sim.origin, apiKey: sim.apiKey });
      if (!outcome.startsWith('Connected to ')) throw new Error(`connecting the demo account failed: ${outcome}`);
      if (firstSync) await waitForFirstSync(browser);
    }
  } catch (error) {
    await browser?.close();
    await sim.close();
    throw error;
  }
  const connected = browser;
  return {
    sim,
    browser: connected,
    outcome,
    url: (pagePath) => new URL(pagePath, sim.origin).href,
    async close() {
      await connected.close();
      await sim.close();
    },
  };
}

/**
 * Evaluates `expression` (awaiting a promise) in Account Desk's content-script
 * world on `page`: the isolated world Chromium gives our content script, found
 * through the DevTools protocol by its origin. What runs there can do what our
 * content script can, which is what a page exploit that reached it could.
 */
export async function inContentScriptWorld(browser: ExtensionBrowser, page: Page, expression: string): Promise<unknown> {
  const cdp = await browser.context.newCDPSession(page);
  try {
    const origin = `chrome-extension://${browser.extensionId}`;
    const found = new Promise<number>((resolve) => {
      cdp.on('Runtime.executionContextCreated', ({ context }) => {
        if (context.origin === origin && (context.auxData as { type?: string } | undefined)?.type === 'isolated') resolve(context.id);
      });
    });
    // Enabling reports every existing context; the content script's appears once it has run.
    await cdp.send('Runtime.enable');
    const contextId = await found;
    const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', { contextId, expression, awaitPromise: true, returnByValue: true });
    if (exceptionDetails) throw new Error(`in the content script's world: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
    return result.value;
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/** The extension API inside an extension page, where `evaluate` runs (not in this Node process). */
declare const chrome: { runtime: { sendMessage(message: unknown): Promise<{ ok: boolean; value?: unknown; problem?: { message: string } } | undefined> } };

/**
 * Sends messages to the background from an extension page (as the popup and
 * options do), for tests that check what the background says; a refusal
 * throws with its sentence.
 */
export function messenger(page: () => Page) {
  return <T>(type: string, request: object = {}): Promise<T> =>
    page().evaluate(
      async ([messageType, messageRequest]) => {
        const reply = await chrome.runtime.sendMessage({ type: messageType, request: messageRequest });
        if (!reply?.ok) throw new Error(`${messageType}: ${reply?.problem?.message ?? 'no answer'}`);
        return reply.value;
      },
      [type, request] as const,
    ) as Promise<T>;
}
