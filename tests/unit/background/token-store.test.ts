// The OAuth token store: refresh before expiry, after a rejection, one refresh
// at a time (within a context and across contexts sharing the lock), and what
// a refused or failed refresh leaves behind. Storage, lock and server are fakes.
import { describe, expect, it, vi } from 'vitest';
import { createTokenStore, REFRESH_MARGIN_MS, type StoredTokens, type TokenStoreDeps } from '@/lib/background/token-store';
import { WorksectionError } from '@/lib/worksection/errors';
import { OAuthRefusal, OAuthUnavailable, type OAuthTokens } from '@/lib/worksection/oauth';

const HOUR = 3_600_000;

/** One stored pair (the credentials database), a Worksection that refreshes it, and a lock shared by every store made from it. */
function world(initial: StoredTokens | null = { accessToken: 'a1', refreshToken: 'r1', expiresAt: 24 * HOUR }) {
  let stored = initial;
  let now = 0;
  let generation = 1;
  const refreshed: string[] = [];
  let answer: (refreshToken: string) => Promise<OAuthTokens> = async (refreshToken) => {
    // Like Worksection: each refresh invalidates the previous pair.
    if (refreshToken !== `r${generation}`) throw new OAuthRefusal('invalid_request', 'Token has been revoked');
    generation += 1;
    return { accessToken: `a${generation}`, refreshToken: `r${generation}`, expiresAt: now + 24 * HOUR, accountUrl: 'https://demo.worksection.com' };
  };
  // A FIFO lock, as navigator.locks grants an exclusive lock in request order.
  let tail: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(task: () => Promise<T>): Promise<T> => {
    const run = tail.then(task, task);
    tail = run.catch(() => undefined);
    return run;
  };
  const deps = (): TokenStoreDeps => ({
    read: async () => (stored ? { ...stored } : null),
    write: async (tokens) => {
      stored = { ...tokens };
    },
    refresh: vi.fn(async (refreshToken: string) => {
      refreshed.push(refreshToken);
      // Let other callers pile up while the request is on the wire.
      await new Promise((resolve) => setTimeout(resolve, 5));
      return answer(refreshToken);
    }),
    exclusive,
    now: () => now,
  });
  return {
    deps,
    refreshed,
    stored: () => stored,
    setNow: (ms: number) => {
      now = ms;
    },
    answerWith: (next: typeof answer) => {
      answer = next;
    },
  };
}

describe('the token store', () => {
  it('sends the stored token while it is good for more than the margin, and refreshes it before it ends', async () => {
    const w = world();
    const store = createTokenStore(w.deps());
    expect(await store.current()).toBe('a1');
    expect(w.refreshed).toEqual([]);

    w.setNow(24 * HOUR - REFRESH_MARGIN_MS);
    expect(await store.current()).toBe('a2');
    expect(w.refreshed).toEqual(['r1']);
    expect(w.stored()).toEqual({ accessToken: 'a2', refreshToken: 'r2', expiresAt: 48 * HOUR - REFRESH_MARGIN_MS });
  });

  it('refreshes once for many callers whose token was refused at the same moment', async () => {
    const w = world();
    const store = createTokenStore(w.deps());
    const tokens = await Promise.all([store.renew('a1'), store.renew('a1'), store.current(), store.renew('a1')]);
    expect(tokens).toEqual(['a2', 'a2', 'a2', 'a2']);
    expect(w.refreshed).toEqual(['r1']);
  });

  it('a caller refused with a token already replaced gets the new one without a refresh', async () => {
    const w = world();
    const store = createTokenStore(w.deps());
    await store.renew('a1');
    expect(await store.renew('a1')).toBe('a2');
    expect(w.refreshed).toEqual(['r1']);
  });

  it('refreshes again when the renewed token itself is refused (it expired on the server)', async () => {
    const w = world();
    const store = createTokenStore(w.deps());
    await store.renew('a1');
    expect(await store.renew('a2')).toBe('a3');
    expect(w.refreshed).toEqual(['r1', 'r2']);
  });

  it('two contexts refusing the same token at once refresh once: the second reads the first one\'s pair inside the lock', async () => {
    const w = world();
    const worker = createTokenStore(w.deps());
    const optionsPage = createTokenStore(w.deps());
    const [first, second] = await Promise.all([worker.renew('a1'), optionsPage.renew('a1')]);
    expect([first, second]).toEqual(['a2', 'a2']);
    expect(w.refreshed).toEqual(['r1']);
  });

  it('a refused refresh drops the refresh token: every caller is told the sign-in expired, and no second refresh is tried', async () => {
    const w = world();
    w.answerWith(async () => {
      throw new OAuthRefusal('invalid_request', 'Token has been revoked');
    });
    const store = createTokenStore(w.deps());
    const failures = await Promise.allSettled([store.renew('a1'), store.current()]);
    for (const failure of failures) {
      expect(failure.status).toBe('rejected');
      const error = (failure as PromiseRejectedResult).reason as WorksectionError;
      expect(error).toBeInstanceOf(WorksectionError);
      expect(error.tokenExpired).toBe(true);
      expect(error.message).toContain('Token has been revoked');
    }
    expect(w.stored()).toEqual({ accessToken: 'a1', refreshToken: null, expiresAt: 24 * HOUR });

    await expect(store.current()).rejects.toMatchObject({ tokenExpired: true });
    await expect(store.renew('a1')).rejects.toMatchObject({ tokenExpired: true });
    expect(w.refreshed).toEqual(['r1']);
  });

  it('a refresh that cannot reach Worksection keeps the pair, to try again on the next call', async () => {
    const w = world();
    w.answerWith(async () => {
      throw new OAuthUnavailable('Could not reach worksection.com');
    });
    const store = createTokenStore(w.deps());
    // A network problem for the caller (the sync shows it and tries again), not a reason to sign in again.
    await expect(store.renew('a1')).rejects.toMatchObject({ kind: 'network', tokenExpired: false, message: expect.stringContaining('Could not reach worksection.com') });
    expect(w.stored()).toEqual({ accessToken: 'a1', refreshToken: 'r1', expiresAt: 24 * HOUR });

    w.answerWith(async () => ({ accessToken: 'a9', refreshToken: 'r9', expiresAt: 99, accountUrl: 'https://demo.worksection.com' }));
    expect(await store.renew('a1')).toBe('a9');
  });

  it('without a sign-in there is no token to give', async () => {
    const store = createTokenStore(world(null).deps());
    await expect(store.current()).rejects.toMatchObject({ tokenExpired: true });
  });
});
