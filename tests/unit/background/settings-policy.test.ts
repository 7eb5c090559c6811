// The settings store with the organization's policy over it: no policy (or a
// browser that throws, as Firefox does without one) changes nothing; managed
// values are read; a save that changes a locked value is refused and stores
// nothing; what extension pages see of the policy leaves out the secret.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { db } from '@/lib/db';
import { allCallers, allHandlers } from '@/lib/background/features';
import { readPolicy } from '@/lib/background/policy/read';
import { route } from '@/lib/background/router';
import { CURSOR_KEY } from '@/lib/background/replies/sync';
import { getSettings, policyChanged, saveSettings } from '@/lib/background/settings-store';
import type { Sender } from '@/lib/messages';
import type { PolicyView } from '@/lib/policy/protocol';
import { defaultSettings } from '@/lib/settings';

const POLICY = {
  accountUrl: 'https://agency.worksection.com',
  oauth: { clientId: 'client-123', clientSecret: 'very-secret' },
  replyThresholds: { soon: 10, late: 20, escalated: 30 },
  clients: { domains: ['client.example'] },
  lockedSettings: ['replyThresholds.late', 'no.such.setting'],
};

const extensionPage: Sender = { caller: 'extension-page', url: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/options.html' };
const contentScript: Sender = { caller: 'content-script', origin: 'https://agency.worksection.com', tabId: 3, url: 'https://agency.worksection.com/project/1/' };

async function stored(): Promise<Record<string, unknown>> {
  return browser.storage.local.get(null);
}

describe('settings with a managed policy', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('without a policy, reads and saves exactly as before', async () => {
    expect(await readPolicy()).toEqual({ policy: null, problems: [] });
    const before = await getSettings();
    expect(before.replyThresholds).toEqual({ soon: 10, late: 15, escalated: 30 });
    const saved = await saveSettings({ replyThresholds: { late: 25 } });
    expect(saved.replyThresholds.late).toBe(25);
    expect((await getSettings()).replyThresholds.late).toBe(25);
  });

  it('reads a browser whose managed storage throws (Firefox without a policy) as no policy', async () => {
    const managed = browser.storage.managed as { get: unknown };
    const original = managed.get;
    managed.get = () => Promise.reject(new Error('Managed storage manifest not found'));
    try {
      expect(await readPolicy()).toEqual({ policy: null, problems: [] });
      expect((await getSettings()).replyThresholds.late).toBe(15);
      expect((await saveSettings({ pollMinutes: 2 })).pollMinutes).toBe(2);
    } finally {
      managed.get = original;
    }
  });

  it('reads managed values over the user’s own, and keeps them in effect', async () => {
    await saveSettings({ replyThresholds: { late: 25, escalated: 40 }, clients: { domains: ['mine.example'] } });
    await browser.storage.managed.set(POLICY);
    const settings = await getSettings();
    expect(settings.replyThresholds).toEqual({ soon: 10, late: 20, escalated: 30 });
    expect(settings.clients.domains).toEqual(['client.example']);
  });

  it('refuses a save that changes a locked value, naming it, and stores nothing', async () => {
    await browser.storage.managed.set(POLICY);
    const before = await stored();
    await expect(saveSettings({ replyThresholds: { late: 25 } })).rejects.toThrow(
      'Settings not saved, nothing changed: set by your organization: replyThresholds.late',
    );
    await expect(saveSettings({ replyThresholds: { soon: 10, late: 21, escalated: 30 }, pollMinutes: 3 })).rejects.toMatchObject({ kind: 'locked-setting' });
    expect(await stored()).toEqual(before);
  });

  it('saves a form that sends the locked value unchanged, and the user’s change of an unlocked managed value stands', async () => {
    await browser.storage.managed.set(POLICY);
    const saved = await saveSettings({ replyThresholds: { soon: 10, late: 20, escalated: 30 }, clients: { domains: ['other.example'] } });
    expect(saved.clients.domains).toEqual(['other.example']);
    expect((await getSettings()).clients.domains).toEqual(['other.example']);
    // The organization changes that value: theirs wins again.
    await browser.storage.managed.set({ ...POLICY, clients: { domains: ['new-client.example'] } });
    expect((await getSettings()).clients.domains).toEqual(['new-client.example']);
  });

  it('reads the next sync from the start when a policy changes the account’s time zone', async () => {
    await db().state.put({ key: CURSOR_KEY, value: '2026-03-10 10:00' });
    await browser.storage.managed.set({ ...POLICY, account: { timeZone: 'Asia/Almaty' } });
    await policyChanged({ account: { oldValue: undefined } });
    expect(await db().state.get(CURSOR_KEY)).toBeUndefined();

    await db().state.put({ key: CURSOR_KEY, value: '2026-03-10 10:00' });
    await browser.storage.managed.set({ ...POLICY, account: { timeZone: 'Asia/Almaty' }, pollMinutes: 2 });
    await policyChanged({ pollMinutes: { oldValue: undefined } });
    expect(await db().state.get(CURSOR_KEY)).toBeDefined();
  });

  it('shows extension pages the policy without its secret, with its problems; web pages may not ask', async () => {
    await browser.storage.managed.set(POLICY);
    const reply = await route(allHandlers(), allCallers(), { type: 'policy/get', request: {} }, extensionPage);
    expect(reply).toEqual({
      ok: true,
      value: {
        present: true,
        accountUrl: 'https://agency.worksection.com',
        oauthClientId: 'client-123',
        oauthClientSecret: true,
        managed: ['clients.domains', 'replyThresholds.soon', 'replyThresholds.late', 'replyThresholds.escalated'],
        locked: ['replyThresholds.late'],
        problems: ['lockedSettings[1]: "no.such.setting" is not a setting (like "replyThresholds" or "replyThresholds.late")'],
      } satisfies PolicyView,
    });
    expect(JSON.stringify(reply)).not.toContain('very-secret');
    const refused = await route(allHandlers(), allCallers(), { type: 'policy/get', request: {} }, contentScript);
    expect(refused).toMatchObject({ ok: false, problem: { kind: 'forbidden' } });
  });

  it('says there is no policy when there is none', async () => {
    const reply = await route(allHandlers(), allCallers(), { type: 'policy/get', request: {} }, extensionPage);
    expect(reply).toEqual({ ok: true, value: { present: false, oauthClientSecret: false, managed: [], locked: [], problems: [] } });
    expect(defaultSettings('UTC').replyThresholds.late).toBe(15);
  });
});
