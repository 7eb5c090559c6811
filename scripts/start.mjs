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

import fs from 'node:fs';
import path from 'node:path';
import { buildExtension, main, projectRoot, setup, step } from './setup.mjs';

const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const README_SCREENSHOTS = path.join(projectRoot, 'docs', 'screenshots');

function parseOptions(argv) {
  const options = { readmeScreenshots: false };
  for (const arg of argv) {
    if (arg === '--readme-screenshots') options.readmeScreenshots = true;
    else throw new Error(`unknown option ${arg} (known: --readme-screenshots)`);
  }
  return options;
}

async function start(argv) {
  const options = parseOptions(argv);
  await setup();
  await buildExtension();

  step('Starting the demo');
  const { startDemo } = await import('./demo.mjs');
  const windowed = hasDisplay && !options.readmeScreenshots;
  const demo = await startDemo({ headless: !windowed, log: (line) => console.log(`  ${line}`) });
  if (windowed) return keepOpen(demo);
  try {
    const folder = options.readmeScreenshots
      ? README_SCREENSHOTS
      : path.join(projectRoot, 'screenshots', new Date().toISOString().replace(/[:.]/g, '-'));
    await screenshotEverySurface(demo, folder);
  } finally {
    step('Stopping the browser and the simulator');
    await demo.stop();
  }
  return 0;
}

async function screenshotEverySurface({ browser, harness, pages }, folder) {
  // Badges and the popup's queue come from the first reply sync (started on connect).
  step('Waiting for the first reply sync');
  const { firstSyncDone } = await import('./demo.mjs');
  await firstSyncDone(browser);
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
    const ui = harness.accountDeskUi(page, placement);
    // The dock's host has no box of its own; open the dock to show what it offers.
    if (placement === 'dock') await ui.getByRole('button', { name: /Account Desk/ }).click();
    else await ui.waitFor({ state: 'visible' });
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
