/**
 * The agency's own Worksection OAuth app (client id and secret), which signing
 * in needs: Worksection's token requests require the secret and there is no
 * PKCE. It belongs to the agency, never to us, so it is never in the package:
 * whoever sets up the browser enters it once in options, and it is kept with
 * the credentials (IndexedDB of the extension's origin, credentials.ts),
 * never in storage.local, exports or logs.
 *
 * Read it only through getOAuthApp(): an organization's managed policy
 * (lib/background/policy) that gives both the id and the secret takes
 * precedence, and then it cannot be changed in options.
 */
import { t } from '../i18n';
import { ProblemError } from '../problem';
import type { OAuthApp } from '../worksection/oauth';
import { forgetSecret, readSecret, storeSecret } from './credentials';
import { readPolicy } from './policy/read';

const SECRET_NAME = 'oauth-app';
const MAX_LENGTH = 512;

export class OAuthAppProblem extends ProblemError {
  readonly kind = 'oauth-app';
}

/** The organization's app, when its policy gives a whole one. */
async function managedApp(): Promise<OAuthApp | null> {
  const oauth = (await readPolicy()).policy?.oauth;
  return oauth?.clientId && oauth.clientSecret ? { clientId: oauth.clientId, clientSecret: oauth.clientSecret } : null;
}

/** The app to sign in with, or null when none is set up. */
export async function getOAuthApp(): Promise<OAuthApp | null> {
  const managed = await managedApp();
  if (managed) return managed;
  const stored = await readSecret<OAuthApp>(SECRET_NAME);
  return stored && typeof stored.clientId === 'string' && typeof stored.clientSecret === 'string' ? stored : null;
}

/** What options may show: the client id and whether a secret is kept (the secret itself never leaves the background). */
export async function oauthAppSummary(): Promise<{ clientId: string; hasSecret: boolean; managed: boolean } | null> {
  const managed = await managedApp();
  const app = managed ?? (await getOAuthApp());
  return app ? { clientId: app.clientId, hasSecret: app.clientSecret !== '', managed: managed !== null } : null;
}

/**
 * Checks and keeps the app. An empty secret keeps the stored one (options
 * never shows it back), so the id can be corrected without retyping it.
 * Bad input is refused whole, changing nothing.
 */
export async function saveOAuthApp(input: { clientId: string; clientSecret: string }): Promise<{ clientId: string; hasSecret: boolean; managed: boolean }> {
  if (await managedApp()) throw new OAuthAppProblem(t('oauthAppManaged'));
  const clientId = typeof input.clientId === 'string' ? input.clientId.trim() : '';
  let clientSecret = typeof input.clientSecret === 'string' ? input.clientSecret.trim() : '';
  if (!clientId) throw new OAuthAppProblem(t('oauthAppNeedsClientId'));
  if (clientId.length > MAX_LENGTH || /\s/.test(clientId)) throw new OAuthAppProblem(t('oauthAppBadClientId'));
  if (clientSecret.length > MAX_LENGTH || /\s/.test(clientSecret)) throw new OAuthAppProblem(t('oauthAppBadSecret'));
  if (!clientSecret) {
    const kept = await getOAuthApp();
    if (!kept?.clientSecret) throw new OAuthAppProblem(t('oauthAppNeedsSecret'));
    clientSecret = kept.clientSecret;
  }
  await storeSecret(SECRET_NAME, { clientId, clientSecret } satisfies OAuthApp);
  return { clientId, hasSecret: true, managed: false };
}

export async function forgetOAuthApp(): Promise<void> {
  await forgetSecret(SECRET_NAME);
}
