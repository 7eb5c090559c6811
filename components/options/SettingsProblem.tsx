import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { ask } from '@/lib/messages';
import { downloadText } from '../reports/download';
import { useAsk } from '../use-ask';

/**
 * Stored settings Account Desk can't read: it works on the defaults
 * meanwhile, and says so here (options and the popup) with what the user can
 * do: keep the unreadable settings as a file, and save the defaults over them
 * (in options; the popup links there).
 */
export function SettingsProblem({ inPopup = false }: { inPopup?: boolean }) {
  const { asked, reload } = useAsk(() => ask('settings/unreadable', {}), []);
  const [outcome, setOutcome] = useState<{ failed: boolean; text: string } | null>(null);

  const reset = async () => {
    const reply = await ask('settings/reset', {});
    setOutcome(reply.ok ? { failed: false, text: t('settingsUnreadableResetDone') } : { failed: true, text: reply.problem.message });
    await reload();
  };
  const openOptions = async () => {
    await ask('ui/open-options', {});
    window.close();
  };

  const shown = outcome && (
    <p role={outcome.failed ? 'alert' : 'status'} class={outcome.failed ? 'error' : 'ok'}>
      {outcome.text}
    </p>
  );
  if (asked.state === 'error') {
    return (
      <p role="alert" class="error">
        {t('settingsReadFailed', asked.problem.message)}
      </p>
    );
  }
  if (asked.state !== 'ready' || asked.value === null) return shown || null;
  const unreadable = asked.value;
  return (
    <div class="settings-problem">
      <p role="alert" class="error">
        {t('settingsUnreadable', unreadable.problems.slice(0, 3).join('; '))}
      </p>
      <div class="row">
        {inPopup ? (
          <button type="button" onClick={() => void openOptions()}>
            {t('settingsUnreadableOpen')}
          </button>
        ) : (
          <>
            <button type="button" onClick={() => downloadText('account-desk-unreadable-settings.json', `${unreadable.text}\n`, 'application/json')}>
              {t('settingsUnreadableDownload')}
            </button>
            <button type="button" onClick={() => void reset()}>
              {t('settingsUnreadableReset')}
            </button>
          </>
        )}
      </div>
      {shown}
    </div>
  );
}
