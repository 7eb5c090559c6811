import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '@/lib/i18n';
import { ask, onPush, type AccountSummary } from '@/lib/messages';
import { connectedSentence } from '../connection-text';
import { PauseToggle } from '../account-time/PauseToggle';
import { SettingsProblem } from '../options/SettingsProblem';
import { ReplyQueue, type Queue } from '../replies/ReplyQueue';
import './popup.css';

/** While a sync runs (or is about to), progress is read this often; otherwise ages are refreshed this often. */
const BUSY_POLL_MS = 1_000;
const IDLE_POLL_MS = 30_000;

export function Popup() {
  const [summary, setSummary] = useState<AccountSummary | null | undefined>(undefined);
  const [problem, setProblem] = useState<string | null>(null);
  const [queue, setQueue] = useState<Queue | undefined>(undefined);
  const [syncing, setSyncing] = useState(false);
  const [now, setNow] = useState(Date.now());
  // Connected with the admin key and nobody chosen in "Who are you": writes would be the owner's.
  const [whoMissing, setWhoMissing] = useState(false);

  const loadQueue = useCallback(async () => {
    const reply = await ask('replies/queue', {});
    setNow(Date.now());
    if (reply.ok) setQueue(reply.value);
    else setProblem(reply.problem.message);
  }, []);

  useEffect(() => {
    void ask('connection/status', {}).then((reply) => {
      if (reply.ok) setSummary(reply.value);
      else setProblem(reply.problem.message);
    });
    void loadQueue();
    void ask('acting-as/status', {}).then((reply) => setWhoMissing(reply.ok && reply.value.needed && !reply.value.chosen));
    // New thread states: the queue changes in the same step as the toolbar and the pages' badges.
    return onPush((push) => {
      if (push.type === 'push/replies-changed') void loadQueue();
    });
  }, []);

  // "never": the first sync is about to start (connecting starts it), so watch closely too.
  const watching = syncing || queue?.status.phase === 'syncing' || queue?.status.phase === 'never';
  useEffect(() => {
    const timer = setInterval(() => void loadQueue(), watching ? BUSY_POLL_MS : IDLE_POLL_MS);
    return () => clearInterval(timer);
  }, [watching]);

  const syncNow = async () => {
    setSyncing(true);
    try {
      // Resolves when the sync is done; its outcome (or problem) arrives with the queue.
      const reply = await ask('sync/now', {});
      if (!reply.ok) setProblem(reply.problem.message);
    } finally {
      setSyncing(false);
      await loadQueue();
    }
  };

  const openOptions = async (section: 'connection' | 'diagnostics') => {
    await ask('ui/open-options', { section });
    window.close();
  };
  const openTab = (url: string) => void browser.tabs.create({ url });

  return (
    <>
      <h1>{t('extName')}</h1>
      <SettingsProblem inPopup />
      {problem && (
        <p role="alert" class="error">
          {t('loadFailed', problem)}
        </p>
      )}
      {summary === undefined && !problem && <p class="muted">{t('barLoading')}</p>}
      {summary === null && <p>{t('popupNotConnected')}</p>}
      {summary && (
        <p role="status" class="ok">
          {connectedSentence(summary)}
        </p>
      )}
      {summary && whoMissing && (
        <p class="who-prompt">
          {t('popupWhoPrompt')}{' '}
          <button type="button" onClick={() => void openOptions('connection')}>
            {t('popupWhoButton')}
          </button>
        </p>
      )}
      {summary && queue && queue.status.phase !== 'not-connected' && (
        <ReplyQueue
          queue={queue}
          syncing={syncing}
          now={now}
          onSyncNow={() => void syncNow()}
          onOpen={openTab}
          onSignInAgain={() => void openOptions('connection')}
        />
      )}
      {summary && <PauseToggle />}
      <div class="row">
        <button type="button" class={summary ? '' : 'primary'} onClick={() => void openOptions('connection')}>
          {t('popupOpenSettings')}
        </button>
        <button type="button" onClick={() => void openOptions('diagnostics')}>
          {t('barDiagnostics')}
        </button>
        {summary && (
          <button type="button" onClick={() => openTab(browser.runtime.getURL('/reports.html'))}>
            {t('queueReports')}
          </button>
        )}
      </div>
    </>
  );
}
