// An organization's policy over the connection: its OAuth app is the one used
// (and cannot be replaced in options), and its account is the only one that
// can be connected, with the admin key or by signing in.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { connect, connectionStatus, requireManagedAccount } from '@/lib/background/connection';
import { forgetOAuthApp, getOAuthApp, oauthAppSummary, saveOAuthApp } from '@/lib/background/oauth-app';
import { englishMessage } from '../../support/i18n';

const POLICY = { accountUrl: 'https://agency.worksection.com', oauth: { clientId: 'org-client', clientSecret: 'org-secret' } };

describe('the connection under a managed policy', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(englishMessage as never);
    await forgetOAuthApp();
  });

  it('signs in with the organization’s app, and refuses to replace it', async () => {
    await saveOAuthApp({ clientId: 'mine', clientSecret: 'my-secret' });
    await browser.storage.managed.set(POLICY);
    expect(await getOAuthApp()).toEqual({ clientId: 'org-client', clientSecret: 'org-secret' });
    expect(await oauthAppSummary()).toEqual({ clientId: 'org-client', hasSecret: true, managed: true });
    await expect(saveOAuthApp({ clientId: 'other', clientSecret: 'x' })).rejects.toThrow(/organization has set up the Worksection app/);
  });

  it('uses the app saved in options when the policy gives no whole app', async () => {
    await browser.storage.managed.set({ oauth: { clientId: 'org-client' } });
    await saveOAuthApp({ clientId: 'mine', clientSecret: 'my-secret' });
    expect(await getOAuthApp()).toEqual({ clientId: 'mine', clientSecret: 'my-secret' });
    expect((await oauthAppSummary())?.managed).toBe(false);
  });

  it('connects to no other account than the organization’s, before any call to it', async () => {
    await browser.storage.managed.set(POLICY);
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    await expect(connect('https://elsewhere.worksection.com', '0123456789abcdef0123456789abcdef')).rejects.toMatchObject({
      kind: 'managed-account',
      message: 'Your organization uses Account Desk with agency.worksection.com only: connect to that account.',
    });
    expect(fetchSpy).not.toHaveBeenCalled();
    expect(await connectionStatus()).toBeNull();
    await expect(requireManagedAccount('https://agency.worksection.com')).resolves.toBeUndefined();
    fetchSpy.mockRestore();
  });

  it('allows any account without a policy', async () => {
    await expect(requireManagedAccount('https://elsewhere.worksection.com')).resolves.toBeUndefined();
  });
});
