import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '@/lib/i18n';
import { ask, type AccountSummary } from '@/lib/messages';
import { parseAccountUrl } from '@/lib/worksection/account-url';
import { connectedSentence } from '../connection-text';
import { WhoAreYou } from './WhoAreYou';

type View =
  | { state: 'loading' }
  | { state: 'idle'; summary: AccountSummary | null }
  | { state: 'connecting' }
  | { state: 'asking-permission'; host: string }
  | { state: 'failed'; message: string; summary: AccountSummary | null };

export function ConnectionSection() {
  const [view, setView] = useState<View>({ state: 'loading' });
  const [accountUrl, setAccountUrl] = useState('');
  const [apiKey, setApiKey] = useState('');
  const [signInAgain, setSignInAgain] = useState(false);

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

  const summary = view.state === 'idle' || view.state === 'failed' ? view.summary : null;

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
    if (reply.ok) {
      setAccountUrl(reply.value.origin);
      setApiKey('');
      setSignInAgain(false); // a new connection: sync carries on
      setView({ state: 'idle', summary: reply.value });
    } else {
      setView({ state: 'failed', message: reply.problem.message, summary });
    }
  }

  async function onDisconnect() {
    await ask('connection/disconnect', {});
    setView({ state: 'idle', summary: null });
  }

  const busy = view.state === 'connecting' || view.state === 'loading' || view.state === 'asking-permission';
  return (
    <section id="connection" aria-labelledby="connection-heading">
      <h2 id="connection-heading">{t('connectionHeading')}</h2>
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
          onInput={(event) => setAccountUrl(event.currentTarget.value)}
        />
        <p id="account-url-hint" class="hint">
          {t('accountUrlHint')}
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
          {summary && (
            <button type="button" onClick={onDisconnect} disabled={busy}>
              {t('disconnectButton')}
            </button>
          )}
        </div>
      </form>
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
    </section>
  );
}
