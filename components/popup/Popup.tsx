import { useEffect, useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { ask, type AccountSummary } from '@/lib/messages';
import { connectedSentence } from '../connection-text';

export function Popup() {
  const [summary, setSummary] = useState<AccountSummary | null | undefined>(undefined);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    void ask('connection/status', {}).then((reply) => {
      if (reply.ok) setSummary(reply.value);
      else setProblem(reply.problem.message);
    });
  }, []);

  const openOptions = async (section: 'connection' | 'diagnostics') => {
    await ask('ui/open-options', { section });
    window.close();
  };

  return (
    <>
      <h1>{t('extName')}</h1>
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
      <div class="row">
        <button type="button" class={summary ? '' : 'primary'} onClick={() => void openOptions('connection')}>
          {t('popupOpenSettings')}
        </button>
        <button type="button" onClick={() => void openOptions('diagnostics')}>
          {t('barDiagnostics')}
        </button>
      </div>
    </>
  );
}
