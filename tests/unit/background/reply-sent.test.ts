// A reply sent from this browser: who may ask for a re-read, and how often.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storeCredentials } from '@/lib/background/credentials';
import { db } from '@/lib/db';
import { REREAD_LIMIT, REREAD_WINDOW_MS, replySent, takeRereadSlot } from '@/lib/background/replies/sent';

const ORIGIN = 'https://demo.worksection.com';

describe('replies/sent: re-reading a thread a reply was sent in', () => {
  beforeEach(async () => {
    vi.restoreAllMocks();
    fakeBrowser.reset();
    await db().state.clear();
    await storeCredentials({ origin: ORIGIN, auth: { kind: 'admin', apiKey: 'k'.repeat(32) }, summary: { origin: ORIGIN } });
  });

  it("takes the account from the content script's page, never from the message", async () => {
    const fetched = vi.spyOn(globalThis, 'fetch');
    const outcome = await replySent(
      { origin: ORIGIN, taskId: '42' },
      { caller: 'content-script', origin: 'https://other.worksection.com', tabId: 3 },
    );
    expect(outcome).toEqual({ reread: false, reason: 'other-account' });
    expect(fetched).not.toHaveBeenCalled();
  });

  it('refuses what is not a task id, without a call', async () => {
    const fetched = vi.spyOn(globalThis, 'fetch');
    expect(await replySent({ origin: ORIGIN, taskId: '../users' }, { caller: 'content-script', origin: ORIGIN, tabId: 3 })).toEqual({
      reread: false,
      reason: 'not-a-task',
    });
    expect(fetched).not.toHaveBeenCalled();
  });

  it(`allows ${REREAD_LIMIT} re-reads a minute, then leaves the rest to the poll`, async () => {
    const start = 1_800_000_000_000;
    for (let i = 0; i < REREAD_LIMIT; i++) expect(await takeRereadSlot(start)).toBe(true);
    expect(await takeRereadSlot(start + 1)).toBe(false);
    expect(await takeRereadSlot(start + REREAD_WINDOW_MS - 1)).toBe(false);
    // A minute later, the slots are free again.
    expect(await takeRereadSlot(start + REREAD_WINDOW_MS)).toBe(true);
  });

  it('a rate-limited sender gets no API call', async () => {
    const now = Date.now();
    for (let i = 0; i < REREAD_LIMIT; i++) await takeRereadSlot(now);
    const fetched = vi.spyOn(globalThis, 'fetch');
    expect(await replySent({ origin: ORIGIN, taskId: '42' }, { caller: 'content-script', origin: ORIGIN, tabId: 3 })).toEqual({
      reread: false,
      reason: 'rate-limited',
    });
    expect(fetched).not.toHaveBeenCalled();
  });
});
