import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { runSync } from '@/lib/background/replies/poll';

const ORIGIN = 'https://runsync.worksection.com';

describe('runSync', () => {
  const actions: string[] = [];
  let releaseFirst: () => void = () => undefined;

  beforeEach(async () => {
    fakeBrowser.reset();
    actions.length = 0;
    await fakeBrowser.storage.local.set({
      connection: { origin: ORIGIN, auth: { kind: 'admin', apiKey: 'k'.repeat(32) }, summary: { origin: ORIGIN, host: 'runsync.worksection.com' } },
    });
    const held = new Promise<void>((resolve) => (releaseFirst = resolve));
    vi.stubGlobal('fetch', vi.fn(async (input: RequestInfo | URL) => {
      const action = new URL(String(input)).searchParams.get('action') ?? '';
      actions.push(action);
      if (action === 'get_all_tasks') await held;
      return new Response(JSON.stringify({ status: 'ok', data: [] }));
    }));
  });
  afterEach(() => vi.unstubAllGlobals());

  it('a sync asked for during another runs after it, once, covering what changed meanwhile', async () => {
    const first = runSync();
    // (Paced at the account's one request per second: users, groups, then tasks.)
    await vi.waitFor(() => expect(actions).toContain('get_all_tasks'), { timeout: 10_000 });
    const second = runSync();
    const third = runSync();
    expect(second).toBe(third);
    expect(actions).not.toContain('get_events');

    releaseFirst();
    expect((await first).phase).toBe('ok');
    expect((await second).phase).toBe('ok');
    // The first was the full sync; the one asked for during it polled the events after it.
    expect(actions.filter((action) => action === 'get_events')).toHaveLength(1);
    expect(actions.indexOf('get_events')).toBeGreaterThan(actions.indexOf('get_all_tasks'));
  });
});
