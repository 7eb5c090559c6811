#!/usr/bin/env node
// `npm start`: see Account Desk working without a Worksection account.
// Builds the extension, starts the Worksection simulator, opens Chromium with
// the extension and connects the demo account through the options page.
// - With a display (DISPLAY / WAYLAND_DISPLAY): opens a project page and keeps
//   running until the browser window is closed or Ctrl-C.
// - Without one: saves a screenshot of every surface to screenshots/<time>/
//   and exits.
// - `npm start -- --readme-screenshots`: the same screenshots, headless even
//   with a display, written over the README's images in docs/screenshots/.
// - `npm start -- --store-screenshots`: headless too, the store listings' set
//   at exactly 1280×800 (what the Chrome Web Store asks for), written over
//   docs/store/screenshots/. Both flags together make both sets in one run.
// - `npm start -- --language ru` (en, ru, uk or kk): Account Desk speaks that
//   language (options → Language), in the window and in the screenshots.

import fs from 'node:fs';
import path from 'node:path';
import { buildExtension, main, projectRoot, setup, step } from './setup.mjs';

const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const README_SCREENSHOTS = path.join(projectRoot, 'docs', 'screenshots');
const STORE_SCREENSHOTS = path.join(projectRoot, 'docs', 'store', 'screenshots');
/** The Chrome Web Store's screenshot size (AMO takes any); the harness's browser viewport is the same. */
const STORE_SIZE = { width: 1280, height: 800 };

const LANGUAGES = ['en', 'ru', 'uk', 'kk'];

function parseOptions(argv) {
  const options = { readmeScreenshots: false, storeScreenshots: false, language: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--readme-screenshots') options.readmeScreenshots = true;
    else if (arg === '--store-screenshots') options.storeScreenshots = true;
    else if (arg === '--language') {
      options.language = argv[++i];
      if (!LANGUAGES.includes(options.language)) throw new Error(`--language takes one of ${LANGUAGES.join(', ')}, got ${options.language}`);
    } else throw new Error(`unknown option ${arg} (known: --readme-screenshots, --store-screenshots, --language ${LANGUAGES.join('|')})`);
  }
  if (options.language && options.language !== 'en' && (options.readmeScreenshots || options.storeScreenshots)) {
    throw new Error('the README and store screenshots are the English ones: use --language without them (screenshots go to screenshots/<time>/)');
  }
  return options;
}

async function start(argv) {
  const options = parseOptions(argv);
  await setup();
  await buildExtension();

  step('Starting the demo');
  const { startDemo } = await import('./demo.mjs');
  const windowed = hasDisplay && !options.readmeScreenshots && !options.storeScreenshots;
  const demo = await startDemo({ headless: !windowed, log: (line) => console.log(`  ${line}`) });
  if (options.language) {
    step(`Choosing the language: ${options.language}`);
    const { chooseLanguage } = await import('./demo.mjs');
    await chooseLanguage(demo.browser, options.language);
  }
  if (windowed) return keepOpen(demo);
  try {
    // Badges and the popup's queue come from the first reply sync (started on connect).
    step('Waiting for the first reply sync');
    const { firstSyncDone } = await import('./demo.mjs');
    await firstSyncDone(demo.browser);
    if (options.readmeScreenshots || !options.storeScreenshots) {
      const folder = options.readmeScreenshots
        ? README_SCREENSHOTS
        : path.join(projectRoot, 'screenshots', new Date().toISOString().replace(/[:.]/g, '-'));
      await screenshotEverySurface(demo, folder);
    }
    if (options.storeScreenshots) await storeScreenshots(demo, STORE_SCREENSHOTS);
  } finally {
    step('Stopping the browser and the simulator');
    await demo.stop();
  }
  return 0;
}

async function screenshotEverySurface({ browser, harness, pages }, folder) {
  fs.mkdirSync(folder, { recursive: true });
  step(`Taking screenshots into ${folder}`);

  const shoot = async (name, page) => {
    const file = path.join(folder, `${name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    console.log(`  ${name}.png  ${page.url()}`);
    await page.close();
  };
  const worksectionPage = async (url, placement) => {
    const page = await browser.context.newPage();
    await page.goto(url);
    // The dock opens as the user left it: open it, to show what it carries.
    if (placement === 'dock') await harness.openDock(page);
    else await harness.accountDeskUi(page, placement).waitFor({ state: 'visible' });
    await waitForStableText(page);
    return page;
  };

  // Pages first, so that the diagnostics in options list them.
  await shoot('project-page', await worksectionPage(pages.projectUrl, 'anchor'));
  await shoot('task-page', await worksectionPage(pages.taskUrl, 'anchor'));
  await shoot('dock-page', await worksectionPage(pages.dockUrl, 'dock'));

  const popup = await browser.extensionPage('popup.html');
  await popup.setViewportSize({ width: 400, height: 600 });
  await waitForStableText(popup, 'body');
  await shoot('popup', popup);

  const options = await browser.extensionPage('options.html');
  await waitForStableText(options, 'body');
  await shoot('options', options);

  console.log(`\nScreenshots: ${folder}`);
}

/**
 * The store listings' screenshots: five (the Chrome Web Store's maximum), each
 * exactly 1280×800, of the surfaces a listing sells: reply badges and account
 * time on a project page, the reply queue, a task page, the template picker,
 * and reports. Named in the order the stores should show them.
 */
async function storeScreenshots({ browser, harness, pages }, folder) {
  fs.mkdirSync(folder, { recursive: true });
  step(`Taking the store screenshots (${STORE_SIZE.width}×${STORE_SIZE.height}) into ${folder}`);
  const shoot = async (name, page) => {
    const file = path.join(folder, `${name}.png`);
    await page.setViewportSize(STORE_SIZE);
    // The viewport, not the full page: the stores want this exact size.
    await page.screenshot({ path: file });
    console.log(`  ${name}.png  ${page.url()}`);
  };
  const worksectionPage = async (url) => {
    const page = await browser.context.newPage();
    await page.setViewportSize(STORE_SIZE);
    await page.goto(url);
    await harness.accountDeskUi(page, 'anchor').waitFor({ state: 'visible' });
    await waitForStableText(page);
    return page;
  };

  const project = await worksectionPage(pages.projectUrl);
  // The demo has no account time yet: log a call and a report the way a PM
  // would, so the widget shows time and its share of the project's hours.
  const widget = project.getByRole('region', { name: 'Account time', exact: true });
  for (const entry of [
    { minutes: '10', kind: 'call', note: 'Weekly status call with the client' },
    { minutes: '5', kind: 'invoice', note: 'Invoice for November' },
  ]) {
    await widget.getByRole('button', { name: 'Add account work' }).click();
    await widget.getByLabel('Minutes').fill(entry.minutes);
    await widget.getByLabel('Kind').selectOption(entry.kind);
    await widget.getByLabel('Note').fill(entry.note);
    await widget.getByRole('button', { name: 'Save' }).click();
    await widget.getByText(entry.note).waitFor();
  }
  await waitForStableText(project);
  await shoot('1-project-page', project);

  // The popup as it opens from the toolbar: rendered by the extension, then
  // laid over the project page where the browser would show it (a headless
  // browser has no toolbar to click).
  const popup = await browser.extensionPage('popup.html');
  await popup.setViewportSize({ width: 400, height: 600 });
  await waitForStableText(popup, 'body');
  const popupImage = await popup.locator('#app').screenshot();
  await popup.close();
  await project.evaluate((dataUrl) => {
    const image = document.createElement('img');
    image.src = dataUrl;
    image.alt = '';
    image.id = 'account-desk-store-popup';
    Object.assign(image.style, {
      position: 'fixed', top: '8px', right: '16px', zIndex: '2147483647', background: '#fff',
      border: '1px solid #c3cad5', borderRadius: '8px', boxShadow: '0 8px 28px rgba(15, 23, 42, 0.28)',
    });
    document.body.append(image);
    return image.decode();
  }, `data:image/png;base64,${popupImage.toString('base64')}`);
  await shoot('2-reply-queue', project);
  await project.close();

  const task = await worksectionPage(pages.taskUrl);
  await shoot('3-task-page', task);
  await task.close();

  const picker = await worksectionPage(pages.projectUrl);
  const templates = picker.locator('account-desk-templates[data-page="project"]');
  await templates.getByRole('button', { name: 'Templates', exact: true }).click();
  const dialog = templates.getByRole('dialog', { name: 'Create tasks from a template' });
  await dialog.getByLabel('Search templates').fill('website launch');
  await dialog.getByRole('option', { name: /^Website launch/ }).click();
  // The project's people arrive from the API after the library shows; give each role a different one.
  const roles = dialog.locator('select');
  await roles.first().locator('option').nth(1).waitFor({ state: 'attached' });
  for (let index = 0; index < (await roles.count()); index += 1) {
    const people = await roles.nth(index).locator('option').evaluateAll((nodes) => nodes.map((node) => node.value).filter(Boolean));
    if (people.length > 0) await roles.nth(index).selectOption(people[index % people.length]);
  }
  await dialog.getByText(/^\d+ tasks$/).first().waitFor();
  await shoot('4-templates', picker);
  await picker.close();

  const reports = await browser.extensionPage('reports.html');
  await waitForStableText(reports, 'body');
  await shoot('5-reports', reports);
  await reports.close();

  console.log(`\nStore screenshots: ${folder}`);
}

/**
 * Waits until the UI has finished loading its data: the text of Account
 * Desk's shadow root (or `selector`) stays the same for 300 ms.
 */
async function waitForStableText(page, selector = 'account-desk-page-bar') {
  await page.waitForFunction(
    (sel) => {
      const element = document.querySelector(sel);
      if (!element) return false;
      // Every Account Desk UI on the page (each in its own shadow root), or the page's body.
      const parts = sel === 'body' ? [element] : [...document.querySelectorAll('*')].filter((node) => node.localName.startsWith('account-desk-'));
      const text = parts.map((node) => (node.shadowRoot ?? node).textContent ?? '').join('\n');
      const state = (window.__accountDeskStable ??= { text: null, since: 0 });
      const now = performance.now();
      if (text !== state.text) Object.assign(state, { text, since: now });
      return text.trim() !== '' && !/Loading/i.test(text) && now - state.since >= 300;
    },
    selector,
    { polling: 100, timeout: 30_000 },
  );
}

async function keepOpen({ browser, pages, stop }) {
  step(`Opening ${pages.projectUrl}`);
  const page = await browser.context.newPage();
  await page.goto(pages.projectUrl);
  await page.bringToFront();
  // The empty start tab only gets in the way (closed after, so the window stays open).
  for (const blank of browser.context.pages()) if (blank !== page && blank.url() === 'about:blank') await blank.close();
  console.log(`  settings: chrome-extension://${browser.extensionId}/options.html`);
  console.log('\nAccount Desk is running against the simulator. Close the browser or press Ctrl-C to stop.');

  await new Promise((resolve) => {
    browser.context.once('close', resolve);
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  step('Stopping the browser and the simulator');
  await stop();
  return 0;
}

main(() => start(process.argv.slice(2)));
