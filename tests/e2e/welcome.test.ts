// First run: installing Account Desk opens its welcome page, and connecting
// there works (the options' connection section, then "who are you" for the
// admin key), with the screenshots of where each feature shows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startSimulator, type Simulator } from '../simulator/index';
import { launchBrowser, messenger, type ExtensionBrowser } from './harness';

describe('the welcome page', () => {
  let sim: Simulator;
  let browser: ExtensionBrowser;
  let welcome: Page;
  const send = messenger(() => welcome);

  beforeAll(async () => {
    sim = await startSimulator({ port: 0 });
    browser = await launchBrowser({ hostRules: sim.hostRules, welcome: 'keep' });
    welcome = browser.welcomePage!;
  });

  afterAll(async () => {
    await browser?.close();
    await sim?.close();
  });

  it('opens once on a fresh install, showing where each feature appears', async () => {
    expect(welcome.url()).toBe(`chrome-extension://${browser.extensionId}/welcome.html`);
    expect(browser.context.pages().filter((page) => page.url().includes('/welcome.html'))).toHaveLength(1);
    await welcome.getByRole('heading', { level: 1, name: 'Welcome to Account Desk' }).waitFor();
    expect(await welcome.title()).toBe('Welcome to Account Desk');
    for (const name of ['Project pages', 'Task pages', 'The toolbar button']) await welcome.getByRole('heading', { name }).waitFor();
    const images = welcome.locator('#where img');
    expect(await images.count()).toBe(3);
    for (const image of await images.all()) {
      await image.scrollIntoViewIfNeeded();
      await image.evaluate((element: HTMLImageElement) => element.decode());
      expect(await image.evaluate((element: HTMLImageElement) => element.naturalWidth)).toBeGreaterThan(0);
      expect(await image.getAttribute('alt')).toBeTruthy();
    }
    expect(await welcome.getByRole('link', { name: 'Open the options' }).getAttribute('href')).toBe('options.html');
    // The language is chosen here too: the browser's by default.
    await expect.poll(() => welcome.getByLabel('Language of Account Desk').inputValue()).toBe('auto');
  });

  it('connects there, then asks who you are and remembers the answer', async () => {
    await welcome.getByLabel('Account URL', { exact: true }).fill(sim.origin);
    await welcome.getByLabel('API key', { exact: true }).fill(sim.apiKey);
    await welcome.getByRole('button', { name: 'Connect', exact: true }).click();
    await welcome.getByRole('status').filter({ hasText: /^Connected to demo\.worksection\.com/ }).waitFor({ timeout: 30_000 });
    expect(await send('connection/status')).toMatchObject({ origin: sim.origin, authKind: 'admin' });

    await welcome.getByRole('heading', { name: 'Who are you in Worksection?' }).waitFor();
    const person = sim.control.data().users.find((user) => !user.client && user.role.toLowerCase() !== 'owner')!;
    const search = welcome.getByRole('combobox', { name: 'Find yourself' });
    await search.fill(person.email);
    await welcome.getByRole('option').first().waitFor();
    await search.press('Enter');
    await welcome.getByText(`Account Desk writes as ${person.name} (${person.email}).`).waitFor();
    expect(await send('acting-as/status')).toMatchObject({ needed: true, chosen: { email: person.email } });

    // Options say the same.
    const options = await browser.extensionPage('options.html');
    await options.getByText(`Account Desk writes as ${person.name} (${person.email}).`).waitFor();
    await options.close();
  });
});
