// A language chosen in options applies at once to an open Worksection page
// (the page bar is drawn again in it, the page is not reloaded) and to the
// options page itself (its strings and <html lang>). The build is loaded with
// a small Russian test file in place of the translators' one, so that what
// switches is visible whatever the state of the translations.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { compileMessages, type MessagesFile } from '../../lib/i18n-catalog';
import { violations } from './axe';
import { extensionDir, startConnectedSession, type ConnectedSession } from './harness';

const RUSSIAN: MessagesFile = {
  barSettings: { message: 'Настройки' },
  barDiagnostics: { message: 'Диагностика' },
  languageHeading: { message: 'Язык' },
  languageLabel: { message: 'Язык Account Desk' },
};

/** The production build with RUSSIAN laid over its ru strings, for extension pages (_locales) and Worksection pages (page/messages). */
function buildWithRussian(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'account-desk-e2e-lang-'));
  fs.cpSync(extensionDir, dir, { recursive: true });
  const file = path.join(dir, '_locales/ru/messages.json');
  const russian = { ...(JSON.parse(fs.readFileSync(file, 'utf8')) as MessagesFile), ...RUSSIAN };
  fs.writeFileSync(file, JSON.stringify(russian));
  const english = JSON.parse(fs.readFileSync(path.join(dir, '_locales/en/messages.json'), 'utf8')) as MessagesFile;
  const catalog = { ...compileMessages(english), ...compileMessages(russian) };
  fs.writeFileSync(path.join(dir, 'page/messages/ru.js'), `export default JSON.parse(${JSON.stringify(JSON.stringify(catalog))});\n`);
  return dir;
}

describe('choosing a language', () => {
  let session: ConnectedSession;
  let extension: string;
  let worksection: Page;
  let options: Page;

  beforeAll(async () => {
    extension = buildWithRussian();
    session = await startConnectedSession({ extensionPath: extension });
  });

  afterAll(async () => {
    await session?.close();
    if (extension) fs.rmSync(extension, { recursive: true, force: true });
  });

  const bar = () => worksection.locator('account-desk-page-bar');
  const loadMark = () => worksection.evaluate(() => (window as unknown as { loadMark?: number }).loadMark);

  it('redraws an open project page’s bar and the options page in Russian at once, and back, without a reload', async () => {
    const project = session.sim.control.data().projects[0];
    if (!project) throw new Error('the simulator has no project');
    worksection = await session.browser.context.newPage();
    await worksection.goto(session.url(`/project/${project.id}/`));
    await bar().getByRole('button', { name: 'Settings', exact: true }).waitFor();
    expect(await bar().getAttribute('lang')).toBe('en');
    // Marks this page load: a reload would lose it.
    await worksection.evaluate(() => ((window as unknown as { loadMark: number }).loadMark = 1));

    options = await session.browser.extensionPage('options.html');
    const choice = options.locator('#language-choice');
    await expect.poll(() => choice.isEnabled()).toBe(true);
    expect(await options.getByLabel('Language of Account Desk').inputValue()).toBe('auto');
    expect(await options.evaluate(() => document.documentElement.lang)).toBe('en');

    await choice.selectOption('ru');
    await bar().getByRole('button', { name: 'Настройки', exact: true }).waitFor();
    await bar().getByRole('button', { name: 'Диагностика', exact: true }).waitFor();
    expect(await bar().getAttribute('lang')).toBe('ru');
    expect(await loadMark()).toBe(1);
    // The options page itself, where the choice was made.
    await options.getByRole('heading', { name: 'Язык', exact: true }).waitFor();
    expect(await options.evaluate(() => document.documentElement.lang)).toBe('ru');
    expect(await options.getByLabel('Язык Account Desk').inputValue()).toBe('ru');
    // Accessible in the second language too (lang attributes, names, contrast).
    expect(await violations(options)).toEqual([]);
    expect(await violations(worksection, ['account-desk-page-bar', 'account-desk-templates', 'account-desk-account-time'])).toEqual([]);

    await choice.selectOption('auto');
    await bar().getByRole('button', { name: 'Settings', exact: true }).waitFor();
    expect(await bar().getAttribute('lang')).toBe('en');
    await options.getByRole('heading', { name: 'Language', exact: true }).waitFor();
    expect(await loadMark()).toBe(1);
  });

  it('opens a new page in the chosen language from its first paint', async () => {
    await options.locator('#language-choice').selectOption('ru');
    await bar().getByRole('button', { name: 'Настройки', exact: true }).waitFor();
    const popup = await session.browser.extensionPage('popup.html');
    await expect.poll(() => popup.evaluate(() => document.documentElement.lang)).toBe('ru');
    const another = await session.browser.context.newPage();
    await another.goto(worksection.url());
    await another.locator('account-desk-page-bar').getByRole('button', { name: 'Настройки', exact: true }).waitFor();
    await another.close();
    await popup.close();
  });
});
