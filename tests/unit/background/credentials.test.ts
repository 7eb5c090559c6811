// The connection's credentials live where content scripts can't reach them.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { forgetCredentials, readCredentials, storeCredentials } from '@/lib/background/credentials';

const stored = { origin: 'https://demo.worksection.com', auth: { kind: 'admin', apiKey: 'k'.repeat(32) }, summary: {} };

describe('credentials', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await forgetCredentials();
  });

  it('are kept out of storage.local (which Firefox lets content scripts read)', async () => {
    await storeCredentials(stored);
    expect(await readCredentials()).toEqual(stored);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    await forgetCredentials();
    expect(await readCredentials()).toBeNull();
  });

  it("an older version's connection in storage.local moves out of it on first read", async () => {
    await fakeBrowser.storage.local.set({ connection: stored, settings: { kept: true } });
    expect(await readCredentials()).toEqual(stored);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({ settings: { kept: true } });
    expect(await readCredentials()).toEqual(stored);
  });
});
