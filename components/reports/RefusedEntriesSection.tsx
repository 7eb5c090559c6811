import { useEffect, useState } from 'preact/hooks';
import { t, type MessageKey } from '@/lib/i18n';
import { ask } from '@/lib/messages';
import type { RefusedEntryView } from '@/lib/account-time/protocol';
import type { RefusalKind } from '@/lib/account-time/write-back';

const REASONS: Record<RefusalKind, MessageKey> = {
  'task-deleted': 'refusedReasonTaskDeleted',
  'timer-only': 'refusedReasonTimerOnly',
  'today-only': 'refusedReasonTodayOnly',
  other: 'refusedReasonOther',
};

const hoursText = (minutes: number) => `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;

/** Write-back entries Worksection refused: each with its reason, Retry and Dismiss. Hidden when there are none. */
export function RefusedEntriesSection() {
  const [views, setViews] = useState<RefusedEntryView[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  useEffect(() => {
    void ask('time/refused', {}).then((reply) => (reply.ok ? setViews(reply.value) : setProblem(reply.problem.message)));
  }, []);

  const act = async (key: string, what: 'retry' | 'dismiss') => {
    setBusy(key);
    const reply = await ask('time/refused-act', { key, act: what });
    setBusy(null);
    if (reply.ok) {
      setViews(reply.value);
      setProblem(null);
    } else setProblem(reply.problem.message);
  };

  if (!problem && (!views || views.length === 0)) return null;
  return (
    <section id="refused-write-back" aria-labelledby="refused-heading">
      <h2 id="refused-heading">{t('refusedHeading')}</h2>
      <p class="hint">{t('refusedIntro')}</p>
      {problem && (
        <p role="alert" class="error">
          {problem}
        </p>
      )}
      {views && views.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('refusedDay')}</th>
              <th scope="col">{t('refusedTask')}</th>
              <th scope="col">{t('refusedTime')}</th>
              <th scope="col">{t('refusedReason')}</th>
              <th scope="col">
                <span class="visually-hidden">{t('refusedActions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {views.map(({ entry, taskName, otherAccount }) => {
              const label = taskName ?? t('refusedTaskId', entry.taskId);
              return (
                <tr key={entry.key} data-key={entry.key} data-status={entry.status}>
                  <td>{entry.date}</td>
                  <td>
                    {label}
                    {otherAccount && <div class="muted">{t('refusedOtherAccount', otherAccount)}</div>}
                  </td>
                  <td>{hoursText(entry.minutes)}</td>
                  <td title={entry.refusal?.message}>
                    {entry.status === 'dismissed' ? t('refusedDismissed') : t(REASONS[entry.refusal?.kind ?? 'other'])}
                  </td>
                  <td>
                    {entry.status === 'refused' && !otherAccount && (
                      <>
                        <button type="button" disabled={busy !== null} aria-label={t('refusedRetryLabel', [label, entry.date])} onClick={() => void act(entry.key, 'retry')}>
                          {t('refusedRetry')}
                        </button>{' '}
                        <button type="button" disabled={busy !== null} aria-label={t('refusedDismissLabel', [label, entry.date])} onClick={() => void act(entry.key, 'dismiss')}>
                          {t('refusedDismiss')}
                        </button>
                      </>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
