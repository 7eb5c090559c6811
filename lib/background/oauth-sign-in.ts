/**
 * "Sign in with Worksection": the OAuth 2.0 authorization code flow through
 * the browser's identity window (`identity.launchWebAuthFlow`), with the
 * agency's own app (oauth-app.ts). The person signs in to Worksection and
 * allows access there; we exchange the code for tokens, check them with real
 * calls (connection.ts) and keep them. From then on every API call is made as
 * that person, and the tokens refresh from one place at a time (token-store.ts).
 */
import { browser } from 'wxt/browser';
import { t } from '../i18n';
import type { AccountSummary } from '../messages';
import { parseAccountUrl, type WorksectionClientOptions } from '../worksection';
import {
  authorizeUrl,
  exchangeCode,
  OAuthRefusal,
  randomState,
  readAuthorizationRedirect,
  type OAuthApp,
  type OAuthTokens,
} from '../worksection/oauth';
import { ConnectProblem, connectWith, requireManagedAccount } from './connection';
import { getOAuthApp } from './oauth-app';

/** The path of our redirect URL: Chrome's `https://<id>.chromiumapp.org/worksection`, Firefox's own host. */
const REDIRECT_PATH = 'worksection';

/** The exact redirect URL to register with the app in Worksection (options shows it). */
export function oauthRedirectUrl(): string {
  return browser.identity.getRedirectURL(REDIRECT_PATH);
}

export interface SignInDeps {
  app(): Promise<OAuthApp | null>;
  /** Opens Worksection's consent page; answers the URL it redirected to. */
  launch(url: string): Promise<string>;
  redirectUrl(): string;
  exchange(app: OAuthApp, input: { code: string; redirectUri: string }): Promise<OAuthTokens>;
  state(): string;
  clientOptions?: Partial<WorksectionClientOptions>;
}

const browserDeps: SignInDeps = {
  app: getOAuthApp,
  launch: (url) => browser.identity.launchWebAuthFlow({ url, interactive: true }) as Promise<string>,
  redirectUrl: oauthRedirectUrl,
  exchange: (app, input) => exchangeCode(app, input),
  state: () => randomState(),
};

export async function signInWithWorksection(deps: SignInDeps = browserDeps): Promise<AccountSummary> {
  const app = await deps.app();
  if (!app) throw new ConnectProblem('no-app', t('oauthNoApp'));
  const redirectUri = deps.redirectUrl();
  const state = deps.state();

  let redirected: string | undefined;
  try {
    redirected = await deps.launch(authorizeUrl({ clientId: app.clientId, redirectUri, state }));
  } catch (error) {
    // Closed window, or a page that did not load (Chrome words both as an error).
    throw new ConnectProblem('cancelled', t('oauthCancelled', String((error as Error)?.message ?? error)));
  }
  if (!redirected) throw new ConnectProblem('cancelled', t('oauthCancelled', '—'));

  const outcome = readAuthorizationRedirect(redirected, { redirectUri, state });
  if (!outcome.ok) {
    switch (outcome.problem) {
      case 'denied':
        throw new ConnectProblem('denied', t('oauthDenied'));
      case 'state-mismatch':
        throw new ConnectProblem('state-mismatch', t('oauthStateMismatch'));
      case 'refused':
        throw new ConnectProblem('sign-in-refused', t('oauthAuthorizeRefused', outcome.error ?? ''));
      default:
        throw new ConnectProblem('sign-in-refused', t('oauthNoCode'));
    }
  }

  let tokens: OAuthTokens;
  try {
    tokens = await deps.exchange(app, { code: outcome.code, redirectUri });
  } catch (error) {
    if (error instanceof OAuthRefusal) {
      throw new ConnectProblem(
        'sign-in-refused',
        error.error === 'invalid_client' ? t('oauthBadClient', error.message) : t('oauthExchangeRefused', error.message),
      );
    }
    throw new ConnectProblem('unreachable', t('oauthUnreachable', String((error as Error)?.message ?? error)));
  }

  const account = parseAccountUrl(tokens.accountUrl);
  if (!account.ok) throw new ConnectProblem('not-worksection', t('oauthBadAccountUrl', tokens.accountUrl.slice(0, 100)));
  await requireManagedAccount(account.origin);
  if (!account.hosted && !(await browser.permissions.contains({ origins: [`${account.origin}/*`] }))) {
    throw new ConnectProblem('permission', t('connectNeedsPermission', account.host));
  }
  return connectWith(
    account,
    { kind: 'oauth', accessToken: tokens.accessToken },
    { oauth: { refreshToken: tokens.refreshToken, expiresAt: tokens.expiresAt } },
    deps.clientOptions,
  );
}
