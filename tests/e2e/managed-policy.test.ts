// The team's managed configuration, as an admin sets it on Linux: a Chromium
// policy file in /etc/chromium/policies/managed/ names Account Desk's id under
// 3rdparty.extensions. Options then shows the organization's account and a
// reply threshold that is locked: disabled, saying "Set by your organization"
// (also to screen readers), and refused by the background when a page asks.
//
// Chromium reads that folder for every browser on the machine, and e2e files
// run beside each other: so only this file's copy of the build gets a fixed id
// (a manifest `key`, from managed-policy-key.pub.pem; the normal build has
// none), the policy names only that id, and the file is removed afterwards,
// also when something fails. Writing there needs root (as CI runs).
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { Settings } from '../../lib/settings';
import { startSimulator, type Simulator } from '../simulator/index';
import { accountDeskUi, extensionDir, inContentScriptWorld, launchBrowser, messenger, type ExtensionBrowser } from './harness';

const POLICY_DIR = '/etc/chromium/policies/managed';
const PUBLIC_KEY_PEM = fs.readFileSync(fileURLToPath(new URL('./managed-policy-key.pub.pem', import.meta.url)), 'utf8');

/** The manifest `key` (the public key's DER in base64) and the id Chromium derives from it. */
function extensionKey(pem: string): { key: string; id: string } {
  const der = crypto.createPublicKey(pem).export({ type: 'spki', format: 'der' });
  const hash = crypto.createHash('sha256').update(der).digest('hex').slice(0, 32);
  // Chromium's ids are the hash's first 16 bytes, each hex digit written as a–p.
  const id = [...hash].map((digit) => String.fromCharCode('a'.charCodeAt(0) + parseInt(digit, 16))).join('');
  return { key: der.toString('base64'), id };
}

const { key, id: EXTENSION_ID } = extensionKey(PUBLIC_KEY_PEM);
const POLICY_FILE = path.join(POLICY_DIR, `account-desk-e2e-${EXTENSION_ID}.json`);
const CLIENT_SECRET = 'e2e-client-secret-do-not-show';

const removePolicyFile = () => fs.rmSync(POLICY_FILE, { force: true });

describe('managed policy in Chromium', () => {
  let sim: Simulator;
  let browser: ExtensionBrowser;
  let copyDir: string;
  let options: Page;
  const ask = messenger(() => options);

  beforeAll(async () => {
    // A run killed between here and afterAll still takes its file away (a crash can't; the file names only this test's id).
    process.once('exit', removePolicyFile);
    copyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'account-desk-policy-ext-'));
    fs.cpSync(extensionDir, copyDir, { recursive: true });
    const manifestPath = path.join(copyDir, 'manifest.json');
    const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as Record<string, unknown>;
    expect(manifest.key, 'the normal build must not carry a fixed id').toBeUndefined();
    expect(manifest.storage).toEqual({ managed_schema: 'managed-schema.json' });
    fs.writeFileSync(manifestPath, JSON.stringify({ ...manifest, key }, null, 2));

    sim = await startSimulator({ port: 0 });
    const policy = {
      accountUrl: sim.origin,
      oauth: { clientId: 'agency-app', clientSecret: CLIENT_SECRET },
      language: 'en',
      replyThresholds: { soon: 10, late: 20, escalated: 30 },
      clients: { domains: ['client.example'] },
      lockedSettings: ['replyThresholds.late', 'not.a.setting'],
    };
    try {
      fs.mkdirSync(POLICY_DIR, { recursive: true });
      fs.writeFileSync(POLICY_FILE, JSON.stringify({ '3rdparty': { extensions: { [EXTENSION_ID]: policy } } }, null, 2));
    } catch (error) {
      throw new Error(`this test writes a Chromium policy file into ${POLICY_DIR}, which needs root: ${(error as Error).message}`);
    }
    browser = await launchBrowser({ hostRules: sim.hostRules, extensionPath: copyDir });
    options = await browser.extensionPage('options.html#replies');
  });

  afterAll(async () => {
    removePolicyFile();
    process.removeListener('exit', removePolicyFile);
    await browser?.close();
    await sim?.close();
    if (copyDir) fs.rmSync(copyDir, { recursive: true, force: true });
  });

  const replies = (): Locator => options.getByRole('region', { name: 'Reply badges' });
  const field = (label: string): Locator => replies().getByLabel(label, { exact: true });

  /** The texts a control's aria-describedby points at (what a screen reader reads after its name). */
  const description = (locator: Locator): Promise<string> =>
    locator.evaluate((element) =>
      (element.getAttribute('aria-describedby') ?? '')
        .split(/\s+/)
        .filter(Boolean)
        .map((id) => document.getElementById(id)?.textContent?.trim() ?? '')
        .join(' | '),
    );

  it('loads this copy under the id the policy names', () => {
    expect(browser.extensionId).toBe(EXTENSION_ID);
  });

  it('shows the managed account and what the policy sets in Diagnostics, never the client secret', async () => {
    const panel = options.getByRole('group', { name: 'Your organization’s policy' });
    await panel.getByText(`Account URL: ${sim.origin}`, { exact: true }).waitFor();
    const text = await panel.innerText();
    expect(text).toContain('OAuth app client id: agency-app (client secret: given)');
    expect(text).toContain('Language: en');
    expect(text).toContain('Locked: replyThresholds.late');
    expect(text).toContain('lockedSettings[1]: "not.a.setting" is not a setting');
    expect(await options.content()).not.toContain(CLIENT_SECRET);
  });

  it('takes the organization’s account and app: its address is set and cannot be changed, its app needs no form', async () => {
    const connection = options.getByRole('region', { name: 'Worksection account' });
    const address = connection.getByLabel('Account URL');
    await expect.poll(() => address.inputValue()).toBe(sim.origin);
    expect(await address.isDisabled()).toBe(true);
    await connection.getByText('Your organization has set up the Worksection app for signing in: it cannot be changed here.').waitFor();
    expect(await connection.getByLabel('Client secret').count()).toBe(0);
  });

  it('offers only "Sign in with Worksection" on the welcome page', async () => {
    const welcome = await browser.extensionPage('welcome.html');
    await welcome.getByRole('button', { name: 'Sign in with Worksection' }).waitFor();
    await expect.poll(() => welcome.getByRole('group', { name: 'Or connect with the admin API key' }).count()).toBe(0);
    expect(await welcome.getByLabel('API key').count()).toBe(0);
    await welcome.close();
  });

  it('shows the locked late threshold at the policy’s value, disabled and explained; the unlocked ones stay editable', async () => {
    const late = field('Late after (minutes)');
    await expect.poll(() => late.isDisabled()).toBe(true);
    expect(await late.inputValue()).toBe('20');
    expect(await description(late)).toContain('Set by your organization');
    expect(await replies().getByRole('group', { name: 'Set by your organization' }).count()).toBe(1);
    expect(await field('Soon from (minutes)').isEnabled()).toBe(true);
    // A managed but unlocked value is simply the current value.
    expect(await field('Client email domains').inputValue()).toBe('client.example');
    expect(await field('Client email domains').isEnabled()).toBe(true);
  });

  it('saves the form with the locked value unchanged, and keeps it locked', async () => {
    await field('Soon from (minutes)').fill('12');
    await replies().getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => replies().getByRole('status').innerText()).toBe('Saved.');
    const settings = await ask<Settings>('settings/get');
    expect(settings.replyThresholds).toEqual({ soon: 12, late: 20, escalated: 30 });
  });

  it('refuses a settings/save that changes the locked value, naming it, and changes nothing', async () => {
    const before = await ask<Settings>('settings/get');
    await expect(ask('settings/save', { patch: { replyThresholds: { late: 25 }, pollMinutes: 5 } })).rejects.toThrow(
      'set by your organization: replyThresholds.late',
    );
    expect(await ask<Settings>('settings/get')).toEqual(before);
  });

  it('keeps the policy (and its client secret) out of the content script’s world', async () => {
    const page = await browser.context.newPage();
    try {
      await page.goto(new URL(sim.control.data().projects[0]!.page, sim.origin).href);
      await accountDeskUi(page).waitFor({ state: 'attached' });
      const managed = await inContentScriptWorld(
        browser,
        page,
        `chrome.storage.managed.get(null).then((items) => JSON.stringify(items), (error) => 'refused: ' + error.message)`,
      );
      expect(String(managed)).toMatch(/^refused: /);
      expect(String(managed)).not.toContain(CLIENT_SECRET);
      const reply = await inContentScriptWorld(browser, page, `chrome.runtime.sendMessage({ type: 'policy/get', request: {} })`);
      expect(reply).toMatchObject({ ok: false, problem: { kind: 'forbidden' } });
    } finally {
      await page.close();
    }
  });
});
