// Reply settings in options, as a user edits them: saved values survive a
// reload; invalid input and malformed files are refused with the problem named,
// and the stored settings stay exactly as they were.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { Result } from '../../lib/messages';
import type { Settings } from '../../lib/settings';
import { startConnectedSession, type ConnectedSession, type ExtensionBrowser } from './harness';

/** The extension API inside the page that `evaluate` runs in (not in this Node process). */
declare const chrome: { runtime: { sendMessage(message: unknown): Promise<Result<unknown> | undefined> } };

describe('reply settings in options', () => {
  let session: ConnectedSession;
  let browser: ExtensionBrowser;
  let options: Page;

  beforeAll(async () => {
    session = await startConnectedSession({ connect: false });
    ({ browser } = session);
    options = await browser.extensionPage('options.html#replies');
  });

  afterAll(() => session?.close());

  /** The settings as the background has them stored (asked from the page, as the page itself does). */
  async function storedSettings(): Promise<Settings> {
    const reply = await options.evaluate(() => chrome.runtime.sendMessage({ type: 'settings/get', request: {} }));
    if (!reply?.ok) throw new Error(`settings/get failed: ${JSON.stringify(reply)}`);
    return reply.value as Settings;
  }

  const section = (): Locator => options.getByRole('region', { name: 'Reply badges' });
  const field = (label: string): Locator => section().getByLabel(label, { exact: true });

  async function openFresh(): Promise<void> {
    await options.reload();
    await section().getByRole('button', { name: 'Save', exact: true }).waitFor();
  }

  async function importFile(name: string, content: string): Promise<void> {
    const chooser = options.waitForEvent('filechooser');
    await section().getByRole('button', { name: 'Import settings…' }).click();
    await (await chooser).setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(content) });
  }

  it('saves a changed late threshold, client domains and a switch, and shows them after a reload', async () => {
    await openFresh();
    expect(await field('Late after (minutes)').inputValue()).toBe('15');
    await field('Late after (minutes)').fill('20');
    await field('Client email domains').fill('acme.com\nNorthwind.Example');
    await section().getByRole('switch', { name: 'Notify when a client’s wait turns late' }).uncheck();
    await section().getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => section().getByRole('status').innerText()).toBe('Saved.');

    const stored = await storedSettings();
    expect(stored.replyThresholds).toEqual({ soon: 10, late: 20, escalated: 30 });
    expect(stored.clients.domains).toEqual(['acme.com', 'northwind.example']);
    expect(stored.notifications).toEqual({ late: false, escalated: true });

    await openFresh();
    expect(await field('Late after (minutes)').inputValue()).toBe('20');
    expect(await field('Client email domains').inputValue()).toBe('acme.com\nnorthwind.example');
    expect(await section().getByRole('switch', { name: 'Notify when a client’s wait turns late' }).isChecked()).toBe(false);
  });

  it('refuses a late threshold below soon and a day that ends before it starts, naming both, and changes nothing', async () => {
    await openFresh();
    const before = await storedSettings();
    await field('Late after (minutes)').fill('5');
    await field('Working day starts').fill('19:00');
    await field('Client email domains').fill('changed.example');
    await section().getByRole('button', { name: 'Save', exact: true }).click();

    const alert = section().getByRole('alert');
    await alert.waitFor();
    const text = await alert.innerText();
    expect(text).toContain('Settings not saved, nothing changed');
    expect(text).toContain('Late after (minutes): must be more than soon (10)');
    expect(text).toContain('Working day ends: must be after start (19:00)');
    expect(await field('Late after (minutes)').getAttribute('aria-invalid')).toBe('true');
    expect(await section().getByRole('status').count()).toBe(0);
    expect(await storedSettings()).toEqual(before);

    await openFresh();
    expect(await field('Late after (minutes)').inputValue()).toBe(String(before.replyThresholds.late));
    expect(await field('Client email domains').inputValue()).toBe(before.clients.domains.join('\n'));
  });

  it('refuses a file that is not JSON, and one with invalid settings, changing nothing', async () => {
    await openFresh();
    const before = await storedSettings();

    await importFile('broken.json', '{"version": 1, "replyThresholds": {');
    const alert = section().getByRole('alert');
    await expect.poll(() => alert.innerText()).toContain('broken.json was not imported, nothing changed');
    expect(await alert.innerText()).toMatch(/not valid JSON/);
    expect(await storedSettings()).toEqual(before);

    const invalid = { ...before, replyThresholds: { soon: 10, late: 'fifteen', escalated: 30 }, clients: { ...before.clients, domains: ['not a domain'] } };
    await importFile('invalid.json', JSON.stringify(invalid));
    await expect.poll(() => alert.innerText()).toContain('invalid.json was not imported');
    const text = await alert.innerText();
    expect(text).toContain('replyThresholds.late: expected whole minutes from 1 to 43200, got "fifteen"');
    expect(text).toContain('clients.domains[0]: "not a domain" is not an email domain');
    expect(await storedSettings()).toEqual(before);
  });

  it('exports the saved settings as a file that imports back', async () => {
    await openFresh();
    const before = await storedSettings();
    const download = options.waitForEvent('download');
    await section().getByRole('button', { name: 'Export settings' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^account-desk-settings-\d{4}-\d{2}-\d{2}\.json$/);
    const exported = JSON.parse(fs.readFileSync(await file.path(), 'utf8')) as Settings;
    expect(exported).toEqual(before);

    exported.replyThresholds.escalated = 45;
    exported.businessHours.holidays = ['2026-12-25', '2026-01-01'];
    await importFile('team-settings.json', JSON.stringify(exported));
    await expect.poll(() => section().getByRole('status').innerText()).toBe('Imported and saved the settings from team-settings.json.');
    expect(await storedSettings()).toEqual({
      ...before,
      replyThresholds: { ...before.replyThresholds, escalated: 45 },
      businessHours: { ...before.businessHours, holidays: ['2026-01-01', '2026-12-25'] },
    });
    expect(await field('Escalated after (minutes)').inputValue()).toBe('45');
    expect(await field('Holidays').inputValue()).toBe('2026-01-01\n2026-12-25');
  });
});
