/**
 * The connection to one Worksection account: credentials where only the
 * background reaches them (credentials.ts; never in storage.local, logs or
 * exports), and the client built from them.
 */
import { browser } from 'wxt/browser';
import { t } from '../i18n';
import { recordFeedFindings } from './feed-store';
import type { AccountSummary } from '../messages';
import {
  parseAccountUrl,
  WorksectionClient,
  WorksectionError,
  type WireScheme,
  type WorksectionAuth,
  type WorksectionClientOptions,
} from '../worksection';
import { readPolicy } from './policy/read';
import { ProblemError } from '../problem';
import { OAuthRefusal, refreshTokens } from '../worksection/oauth';
import { forgetCredentials, readCredentials, storeCredentials, updateCredentials } from './credentials';
import { primeDirectory, type AccountDirectory } from './directory';
import { getOAuthApp } from './oauth-app';
import { createTokenStore, webLock, type StoredTokens } from './token-store';
import { actingAsFor } from './acting-as';

interface StoredConnection {
  origin: string;
  auth: WorksectionAuth;
  /** A sign-in with Worksection (OAuth): the refresh token (null once refused) and when the access token ends. */
  oauth?: { refreshToken: string | null; expiresAt: number };
  summary: AccountSummary;
  /** The wire format this account accepted (lib/worksection/sign.ts); absent in connections made before it was tracked. */
  scheme?: WireScheme;
  schemeFoundAt?: number;
}

export class ConnectProblem extends ProblemError {
  constructor(
    readonly kind:
      | 'empty'
      | 'malformed'
      | 'not-worksection'
      | 'permission'
      | 'unreachable'
      | 'wrong-key'
      | 'failed'
      | 'no-app'
      | 'managed-account'
      | 'denied'
      | 'cancelled'
      | 'state-mismatch'
      | 'sign-in-refused',
    message: string,
  ) {
    super(message);
  }
}

/** An OAuth access token is a JWT (three dot-separated parts); an admin key is 32 hex digits. */
export function authFromSecret(secret: string): WorksectionAuth {
  const trimmed = secret.trim();
  return /^[\w-]+\.[\w-]+\.[\w-]+$/.test(trimmed)
    ? { kind: 'oauth', accessToken: trimmed }
    : { kind: 'admin', apiKey: trimmed };
}

async function readStored(): Promise<StoredConnection | null> {
  return readCredentials<StoredConnection>();
}

export async function connectionStatus(): Promise<AccountSummary | null> {
  return (await readStored())?.summary ?? null;
}

/** The wire format the connected account accepts, and since when; null when not connected. */
export async function connectionScheme(): Promise<{ origin: string; scheme: WireScheme; foundAt?: number } | null> {
  const stored = await readStored();
  if (!stored) return null;
  return { origin: stored.origin, scheme: stored.scheme ?? 'header', ...(stored.schemeFoundAt ? { foundAt: stored.schemeFoundAt } : {}) };
}

/** A client switched scheme after a refusal and the other one worked: use it from now on for that account. */
async function rememberScheme(origin: string, scheme: WireScheme): Promise<void> {
  await readStored(); // moves a legacy connection out of storage.local first
  await updateCredentials<StoredConnection>((stored) =>
    !stored || stored.origin !== origin || stored.scheme === scheme ? undefined : { ...stored, scheme, schemeFoundAt: Date.now() },
  );
}

export async function disconnect(): Promise<void> {
  await forgetCredentials();
}

/**
 * The signed-in person's tokens, refreshed one at a time (token-store.ts).
 * Nothing in it outlives a call but the refresh in flight.
 */
export const signedInTokens = createTokenStore({
  async read(): Promise<StoredTokens | null> {
    const stored = await readStored();
    if (!stored?.oauth || stored.auth.kind !== 'oauth') return null;
    return { accessToken: stored.auth.accessToken, refreshToken: stored.oauth.refreshToken, expiresAt: stored.oauth.expiresAt };
  },
  async write(tokens) {
    await updateCredentials<StoredConnection>((stored) =>
      // Disconnected (or connected otherwise) meanwhile: nothing to renew.
      !stored?.oauth
        ? undefined
        : { ...stored, auth: { kind: 'oauth', accessToken: tokens.accessToken }, oauth: { refreshToken: tokens.refreshToken, expiresAt: tokens.expiresAt } },
    );
  },
  async refresh(refreshToken) {
    const app = await getOAuthApp();
    if (!app) throw new OAuthRefusal('invalid_client', 'the OAuth app is no longer set up in options');
    return refreshTokens(app, refreshToken);
  },
  exclusive: webLock,
  now: () => Date.now(),
});

/** The client for the connected account, or null when not connected. */
export async function connectedClient(
  options: Pick<WorksectionClientOptions, 'priority'> = {},
): Promise<{ client: WorksectionClient; origin: string } | null> {
  const stored = await readStored();
  if (!stored) return null;
  const client = new WorksectionClient({
    accountUrl: stored.origin,
    auth: stored.auth,
    ...(stored.oauth && stored.auth.kind === 'oauth' ? { tokens: signedInTokens } : {}),
    scheme: stored.scheme ?? 'header',
    onSchemeChange: (scheme) => void rememberScheme(stored.origin, scheme),
    onFeedFindings: (findings) => void recordFeedFindings(stored.origin, findings),
    ...(stored.auth.kind === 'admin' && (await actingAsFor(stored.origin))), // the person the admin key writes as (acting-as.ts)
    ...options,
  });
  return { client, origin: stored.origin };
}

/**
 * Check the credentials with real calls and remember them only when they
 * work. Every failure becomes a ConnectProblem with the sentence to show.
 */
/** An organization's policy that names its account allows no other (refused before any call). */
export async function requireManagedAccount(origin: string): Promise<void> {
  const managed = (await readPolicy()).policy?.accountUrl;
  if (managed && managed !== origin) throw new ConnectProblem('managed-account', t('connectManagedAccount', new URL(managed).host));
}

export async function connect(
  accountUrl: string,
  secret: string,
  clientOptions: Partial<WorksectionClientOptions> = {},
): Promise<AccountSummary> {
  const parsed = parseAccountUrl(accountUrl);
  if (!parsed.ok) throw new ConnectProblem(parsed.problem, parsed.message);
  await requireManagedAccount(parsed.origin);
  if (!secret.trim()) throw new ConnectProblem('empty', t('connectEmptyKey'));
  if (!parsed.hosted) {
    const granted = await browser.permissions.contains({ origins: [`${parsed.origin}/*`] });
    if (!granted) {
      throw new ConnectProblem('permission', t('connectNeedsPermission', parsed.host));
    }
  }

  return connectWith(parsed, authFromSecret(secret), {}, clientOptions);
}

/**
 * Checks credentials for an account with real calls and keeps them only when
 * they work: an admin key or pasted token (connect), or a sign-in's tokens
 * (oauth-sign-in.ts, with `oauth`).
 */
export async function connectWith(
  parsed: { origin: string; host: string },
  auth: WorksectionAuth,
  extra: Pick<StoredConnection, 'oauth'>,
  clientOptions: Partial<WorksectionClientOptions> = {},
): Promise<AccountSummary> {
  // Connecting is interactive: answer quickly instead of retrying for a minute.
  // The first call is a plain read in the header scheme; a status_code 2
  // refusal makes the client try the md5 query scheme once (client.ts), so
  // `client.scheme` afterwards is the one this account accepts.
  const client = new WorksectionClient({ accountUrl: parsed.origin, auth, maxRetries: 0, timeoutMs: 10_000, ...clientOptions });
  let summary: AccountSummary;
  let directory: AccountDirectory;
  try {
    // Who signed in: the person every write is made as (api-reference §1.3).
    const me = auth.kind === 'oauth' ? await client.me() : undefined;
    const users = await client.getUsers();
    const groups = await client.getUserGroups();
    // With their members: the account directory below, for pages that need people at once.
    const projects = await client.getProjects({ extra: ['users'] });
    directory = { users, groups, projects };
    const owner = users.find((user) => user.role?.toLowerCase() === 'owner');
    summary = {
      origin: parsed.origin,
      host: parsed.host,
      authKind: auth.kind,
      userName: me?.name ?? owner?.name,
      ...(me ? { userId: me.id, userEmail: me.email } : {}),
      users: users.length,
      clientTeams: groups.filter((group) => Number(group.client) === 1).length,
      projects: projects.length,
      connectedAt: Date.now(),
    };
  } catch (error) {
    throw explainConnectFailure(error, parsed.host);
  }
  await storeCredentials({ origin: parsed.origin, auth, ...extra, summary, scheme: client.scheme, schemeFoundAt: Date.now() } satisfies StoredConnection);
  await primeDirectory(parsed.origin, directory);
  return summary;
}

function explainConnectFailure(error: unknown, host: string): ConnectProblem {
  if (!(error instanceof WorksectionError)) {
    return new ConnectProblem('failed', t('connectFailed', [host, String((error as Error)?.message ?? error)]));
  }
  switch (error.kind) {
    case 'auth':
      return new ConnectProblem('wrong-key', t('connectWrongKey', host));
    case 'network':
    case 'timeout':
      return new ConnectProblem('unreachable', t('connectUnreachable', host));
    case 'malformed':
    case 'http':
      return error.httpStatus !== undefined && error.httpStatus >= 500
        ? new ConnectProblem('unreachable', t('connectServerError', [host, error.httpStatus]))
        : new ConnectProblem('not-worksection', t('connectNotWorksection', host));
    default:
      return new ConnectProblem('failed', t('connectFailed', [host, error.message]));
  }
}
