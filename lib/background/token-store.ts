/**
 * The signed-in person's OAuth tokens: an access token that is good for a
 * while (24 h at Worksection) and a refresh token that buys a new pair once.
 *
 * Each refresh invalidates the previous pair, so two refreshes with the same
 * refresh token would sign the person out: the second is refused. Hence one
 * refresh at a time, everywhere: callers in the service worker share the
 * refresh in flight (single-flight), and the refresh itself runs under a
 * Web Lock (`navigator.locks`), inside which the stored pair is read again, so
 * another context that refreshed first is noticed and its tokens used.
 *
 * A refused refresh (revoked, expired, the app's secret changed) drops the
 * refresh token: every call then fails at once with "Access token is
 * expired", which pauses sync and makes popup and options say "Sign in
 * again" (sign-in.ts). Nothing stored is touched. A refresh that could not
 * reach Worksection keeps the tokens, to try again on the next call.
 */
import { WorksectionError } from '../worksection/errors';
import { OAuthRefusal, type OAuthTokens } from '../worksection/oauth';

/** Refresh this long before the access token's end, so no call goes out with a token about to lapse. */
export const REFRESH_MARGIN_MS = 5 * 60_000;
/** The Web Lock every context takes around a refresh. */
export const REFRESH_LOCK = 'account-desk-oauth-refresh';

export interface StoredTokens {
  accessToken: string;
  /** null once Worksection refused it: the person must sign in again. */
  refreshToken: string | null;
  expiresAt: number;
}

export interface TokenStoreDeps {
  /** The stored tokens of the connected account; null when it is not an OAuth sign-in. */
  read(): Promise<StoredTokens | null>;
  /** Replaces the stored tokens, unless the connection changed meanwhile. */
  write(tokens: StoredTokens): Promise<void>;
  /** `POST /oauth2/refresh`; throws OAuthRefusal when Worksection refuses. */
  refresh(refreshToken: string): Promise<OAuthTokens>;
  /** Runs `task` holding the refresh lock of every context. */
  exclusive<T>(task: () => Promise<T>): Promise<T>;
  now(): number;
}

/** The error every caller gets once the sign-in cannot be renewed: `tokenExpired`, so sync pauses and "Sign in again" shows. */
export function signInEnded(reason: string): WorksectionError {
  return new WorksectionError({
    kind: 'auth',
    action: 'refresh',
    message: `The Worksection access token is expired and could not be renewed (${reason}). Sign in again.`,
  });
}

export interface TokenStore {
  /** A token to send now: the stored one, refreshed first when it ends within REFRESH_MARGIN_MS. */
  current(): Promise<string>;
  /** Worksection refused `rejected` (expired, or from a pair since replaced): a token that works, refreshing only if nobody has. */
  renew(rejected: string): Promise<string>;
}

export function createTokenStore(deps: TokenStoreDeps): TokenStore {
  let inFlight: Promise<string> | undefined;

  const fresh = (tokens: StoredTokens): boolean => tokens.expiresAt - deps.now() > REFRESH_MARGIN_MS;

  async function refreshUnderLock(rejected: string | undefined): Promise<string> {
    return deps.exclusive(async () => {
      const stored = await deps.read();
      if (!stored) throw signInEnded('not signed in');
      // Another context (or an earlier flight) refreshed while we waited: use its pair.
      if (stored.accessToken !== rejected && fresh(stored)) return stored.accessToken;
      if (stored.refreshToken === null) throw signInEnded('Worksection refused the refresh token earlier');
      let next: OAuthTokens;
      try {
        next = await deps.refresh(stored.refreshToken);
      } catch (error) {
        if (error instanceof OAuthRefusal) {
          await deps.write({ ...stored, refreshToken: null });
          throw signInEnded(`Worksection refused the refresh token: ${error.message}`);
        }
        // Not reached, or no answer we can read: the pair may still be good, so it is kept for the next call.
        throw new WorksectionError({
          kind: 'network',
          action: 'refresh',
          cause: error,
          message: `Could not renew the Worksection sign-in: ${String((error as Error)?.message ?? error)}`,
        });
      }
      await deps.write({ accessToken: next.accessToken, refreshToken: next.refreshToken, expiresAt: next.expiresAt });
      return next.accessToken;
    });
  }

  function renew(rejected: string | undefined): Promise<string> {
    inFlight ??= refreshUnderLock(rejected).finally(() => {
      inFlight = undefined;
    });
    return inFlight;
  }

  return {
    async current() {
      if (inFlight) return inFlight;
      const stored = await deps.read();
      if (!stored) throw signInEnded('not signed in');
      if (stored.refreshToken === null) throw signInEnded('Worksection refused the refresh token earlier');
      return fresh(stored) ? stored.accessToken : renew(stored.accessToken);
    },
    renew: (rejected) => renew(rejected),
  };
}

/** `navigator.locks` where there is one (every context of Chrome and Firefox); otherwise the task alone. */
export function webLock<T>(task: () => Promise<T>): Promise<T> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  if (!locks) return task();
  return locks.request(REFRESH_LOCK, { mode: 'exclusive' }, task) as Promise<T>;
}
