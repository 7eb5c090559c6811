import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '@/lib/i18n';
import { ask, type AccountSummary, type OAuthAppView } from '@/lib/messages';
import { parseAccountUrl } from '@/lib/worksection/account-url';
import { connectedSentence } from '../connection-text';
import { WhoAreYou } from './WhoAreYou';
import { useLocks } from './policy';

type View =
  | { state: 'loading' }
  | { state: 'idle'; summary: AccountSummary | null }
  | { state: 'connecting' }
  | { state: 'signing-in' }
  | { state: 'asking-permission'; host: string }
  | { state: 'failed'; message: string; summary: AccountSummary | null };

type AppState =
  | { state: 'loading' }
  | { state: 'ready'; app: OAuthAppView; note?: 'saved' | 'copied' | 'copy-failed' }
  | { state: 'saving'; app: OAuthAppView }
  | { state: 'failed'; app: OAuthAppView | null; message: string };

/**
 * The connection: "Sign in with Worksection" (each person as themselves, the
 * recommended way) with the agency's app it needs, and the admin API key as
 * the alternative. An organization's policy may name the account (then no
 * other can be typed) and set up the app (then its form is not shown);
 * `signInOnly` (the welcome page under a policy) leaves only "Sign in".
 */
export function ConnectionSection({ signInOnly = false }: { signInOnly?: boolean } = {}) {
  const locks = useLocks();
  const managedUrl = locks.view?.accountUrl;
  const [view, setView] = useState<View>({ state: 'loading' });
  const [accountUrl, setAccountUrl] = useState('');
  const [apiKey, setApiKey] = useState('');
  const [signInAgain, setSignInAgain] = useState(false);
  const [appState, setAppState] = useState<AppState>({ state: 'loading' });
  const [clientId, setClientId] = useState('');
  const [clientSecret, setClientSecret] = useState('');
  // The app's form starts unfolded until an app is saved; after that the person folds it as they like.
  const [appOpen, setAppOpen] = useState(false);

  useEffect(() => {
    void ask('wire/status', {}).then((reply) => setSignInAgain(reply.ok && reply.value?.signInAgain === true));
  }, []);

  useEffect(() => {
    void ask('connection/status', {}).then((reply) => {
      const summary = reply.ok ? reply.value : null;
      if (summary) setAccountUrl(summary.origin);
      setView({ state: 'idle', summary });
    });
  }, []);

  useEffect(() => {
    void ask('oauth/app', {}).then((reply) => {
      if (!reply.ok) {
        setAppState({ state: 'failed', app: null, message: reply.problem.message });
        setAppOpen(true);
        return;
      }
      setClientId(reply.value.clientId ?? '');
      setAppOpen(!reply.value.hasSecret);
      setAppState({ state: 'ready', app: reply.value });
    });
  }, []);

  // The organization's account, whatever was typed or connected before.
  useEffect(() => {
    if (managedUrl) setAccountUrl(managedUrl);
  }, [managedUrl]);

  const summary = view.state === 'idle' || view.state === 'failed' ? view.summary : null;
  const app = appState.state === 'loading' ? null : appState.app;

  function connected(next: AccountSummary) {
    setAccountUrl(next.origin);
    setApiKey('');
    setSignInAgain(false); // a new connection: sync carries on
    setView({ state: 'idle', summary: next });
  }

  async function onSubmit(event: Event) {
    event.preventDefault();
    const parsed = parseAccountUrl(accountUrl);
    if (!parsed.ok) {
      setView({ state: 'failed', message: parsed.message, summary });
      return;
    }
    if (!parsed.hosted) {
      // A custom domain: the manifest only names Worksection's own domains, so
      // ask for this one now, while the click still counts as the user's gesture.
      // The browser's prompt may stay open a while: say what we wait for.
      setView({ state: 'asking-permission', host: parsed.host });
      const granted = await browser.permissions.request({ origins: [`${parsed.origin}/*`] }).catch(() => false);
      if (!granted) {
        setView({ state: 'failed', message: t('connectNeedsPermission', parsed.host), summary });
        return;
      }
    }
    setView({ state: 'connecting' });
    const reply = await ask('connection/connect', { accountUrl, apiKey });
    if (reply.ok) connected(reply.value);
    else setView({ state: 'failed', message: reply.problem.message, summary });
  }

  async function onSignIn() {
    setView({ state: 'signing-in' });
    const reply = await ask('connection/sign-in', {});
    if (reply.ok) connected(reply.value);
    else setView({ state: 'failed', message: reply.problem.message, summary });
  }

  async function onSaveApp(event: Event) {
    event.preventDefault();
    const shown = app ?? { clientId: null, hasSecret: false, redirectUrl: '', scopes: [] };
    setAppState({ state: 'saving', app: shown });
    const reply = await ask('oauth/save-app', { clientId, clientSecret });
    if (reply.ok) {
      setClientSecret('');
      setClientId(reply.value.clientId ?? '');
      setAppState({ state: 'ready', app: reply.value, note: 'saved' });
    } else {
      setAppState({ state: 'failed', app: shown, message: reply.problem.message });
    }
  }

  async function onCopyRedirect() {
    if (!app) return;
    const copied = await navigator.clipboard.writeText(app.redirectUrl).then(
      () => true,
      () => false,
    );
    setAppState({ state: 'ready', app, note: copied ? 'copied' : 'copy-failed' });
  }

  async function onDisconnect() {
    await ask('connection/disconnect', {});
    setView({ state: 'idle', summary: null });
  }

  const busy = view.state === 'connecting' || view.state === 'loading' || view.state === 'asking-permission' || view.state === 'signing-in';
  const appBusy = appState.state === 'loading' || appState.state === 'saving';
  return (
    <section id="connection" aria-labelledby="connection-heading">
      <h2 id="connection-heading">{t('connectionHeading')}</h2>

      <div class="way" role="group" aria-labelledby="oauth-heading">
        <h3 id="oauth-heading">{t('oauthSignInHeading')}</h3>
        <p class="hint">{t('oauthSignInIntro')}</p>
        <div class="row">
          <button type="button" class="primary" onClick={onSignIn} disabled={busy} aria-describedby="oauth-scopes">
            {t('oauthSignInButton')}
          </button>
        </div>
        {app && app.scopes.length > 0 && (
          <p id="oauth-scopes" class="hint">
            {t('oauthScopesNote', app.scopes.join(', '))}
          </p>
        )}
        {app?.managed ? (
          <p class="hint">{t('oauthAppManaged')}</p>
        ) : (
          <details open={appOpen} onToggle={(event) => setAppOpen(event.currentTarget.open)}>
            <summary>{t('oauthAppHeading')}</summary>
            <form onSubmit={onSaveApp} aria-busy={appBusy}>
              <p class="hint">{t('oauthAppIntro')}</p>
              <label for="oauth-redirect">{t('oauthRedirectLabel')}</label>
              <div class="row">
                <input id="oauth-redirect" type="text" readOnly spellcheck={false} value={app?.redirectUrl ?? ''} onFocus={(event) => event.currentTarget.select()} />
                <button type="button" onClick={onCopyRedirect} disabled={!app?.redirectUrl}>
                  {t('oauthCopyRedirect')}
                </button>
              </div>
              <label for="oauth-client-id">{t('oauthClientIdLabel')}</label>
              <input
                id="oauth-client-id"
                type="text"
                autoComplete="off"
                spellcheck={false}
                disabled={appState.state === 'loading'}
                value={clientId}
                onInput={(event) => setClientId(event.currentTarget.value)}
              />
              <label for="oauth-client-secret">{t('oauthClientSecretLabel')}</label>
              <input
                id="oauth-client-secret"
                type="password"
                autoComplete="off"
                spellcheck={false}
                aria-describedby={app?.hasSecret ? 'oauth-secret-hint' : undefined}
                disabled={appState.state === 'loading'}
                value={clientSecret}
                onInput={(event) => setClientSecret(event.currentTarget.value)}
              />
              {app?.hasSecret && (
                <p id="oauth-secret-hint" class="hint">
                  {t('oauthClientSecretKeptHint')}
                </p>
              )}
              <div class="row">
                <button type="submit" disabled={appBusy}>
                  {t('oauthSaveAppButton')}
                </button>
              </div>
              {appState.state === 'saving' && (
                <p role="status" class="muted">
                  {t('oauthSavingApp')}
                </p>
              )}
              {appState.state === 'ready' && appState.note && (
                <p role="status" class={appState.note === 'copy-failed' ? 'error' : 'ok'}>
                  {t(appState.note === 'saved' ? 'oauthAppSaved' : appState.note === 'copied' ? 'oauthCopied' : 'oauthCopyFailed')}
                </p>
              )}
              {appState.state === 'failed' && (
                <p role={appState.app ? 'alert' : undefined} class="error">
                  {appState.message}
                </p>
              )}
            </form>
          </details>
        )}
      </div>

      {!(signInOnly && locks.view?.present) && (
        <div class="way" role="group" aria-labelledby="admin-key-heading">
          <h3 id="admin-key-heading">{t('adminKeyHeading')}</h3>
          <p class="hint">{t('adminKeyIntro')}</p>
          <form onSubmit={onSubmit} aria-busy={busy}>
            <label for="account-url">{t('accountUrlLabel')}</label>
            <input
              id="account-url"
              name="accountUrl"
              type="text"
              inputMode="url"
              autoComplete="url"
              spellcheck={false}
              placeholder="https://youragency.worksection.com"
              aria-describedby="account-url-hint"
              value={accountUrl}
              disabled={Boolean(managedUrl)}
              onInput={(event) => setAccountUrl(event.currentTarget.value)}
            />
            <p id="account-url-hint" class="hint">
              {managedUrl ? t('accountUrlManaged') : t('accountUrlHint')}
            </p>
            <label for="api-key">{t('apiKeyLabel')}</label>
            <input
              id="api-key"
              name="apiKey"
              type="password"
              autoComplete="off"
              spellcheck={false}
              aria-describedby="api-key-hint"
              value={apiKey}
              onInput={(event) => setApiKey(event.currentTarget.value)}
            />
            <p id="api-key-hint" class="hint">
              {t('apiKeyHint')} {t('keyStoredNote')}
            </p>
            <div class="row">
              <button type="submit" class="primary" disabled={busy}>
                {t('connectButton')}
              </button>
            </div>
          </form>
        </div>
      )}

      {view.state === 'asking-permission' && (
        <p role="status" class="muted">
          {t('connectWaitingForPermission', view.host)}
        </p>
      )}
      {view.state === 'connecting' && (
        <p role="status" class="muted">
          {t('connecting')}
        </p>
      )}
      {view.state === 'signing-in' && (
        <p role="status" class="muted">
          {t('oauthSigningIn')}
        </p>
      )}
      {view.state === 'failed' && (
        <p role="alert" class="error">
          {view.message}
        </p>
      )}
      {view.state === 'idle' && signInAgain && (
        <p role="alert" class="error">
          {t('signInAgainOptions')}
        </p>
      )}
      {view.state === 'idle' && (
        <p role="status" class={summary ? 'ok' : 'muted'}>
          {summary ? connectedSentence(summary) : t('notConnected')}
        </p>
      )}
      {summary?.authKind === 'admin' && <WhoAreYou key={summary.connectedAt} />}
      {summary && (
        <div class="row">
          {/* Whichever way it was connected. */}
          <button type="button" onClick={onDisconnect} disabled={busy}>
            {t('disconnectButton')}
          </button>
        </div>
      )}
    </section>
  );
}
