import { useEffect, useState } from 'preact/hooks';
import { formatDateTime } from '@/lib/format';
import { t } from '@/lib/i18n';
import { ask } from '@/lib/messages';
import type { WireStatus } from '@/lib/worksection/protocol';

const shapeText = (shape: Record<string, string>) =>
  Object.entries(shape)
    .map(([key, type]) => (key ? `${key}: ${type}` : type))
    .join(', ');

/** Diagnostics about the API: which wire format the account accepts, and what the API sent that we did not know. */
export function WireStatusPanel() {
  const [status, setStatus] = useState<WireStatus | null | undefined>(undefined);

  useEffect(() => {
    const refresh = () =>
      void ask('wire/status', {}).then((reply) => {
        if (reply.ok) setStatus(reply.value);
      });
    refresh();
    const onVisible = () => document.visibilityState === 'visible' && refresh();
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, []);

  if (!status) return null;
  const { feed } = status;
  return (
    <div class="wire-status" aria-labelledby="wire-heading">
      <h3 id="wire-heading">{t('wireHeading')}</h3>
      <p data-scheme={status.scheme}>
        <strong>{t('wireSchemeLabel')}</strong>{' '}
        {status.scheme === 'header' ? t('wireSchemeHeader') : t('wireSchemeQuery')}
        {status.schemeFoundAt ? ` (${t('wireSchemeFoundAt', formatDateTime(status.schemeFoundAt))})` : ''}
      </p>
      {feed.unknown.length === 0 && feed.skipped.length === 0 && <p class="muted">{t('wireFeedClean')}</p>}
      {feed.unknown.length > 0 && (
        <table aria-label={t('wireUnknownHeading')}>
          <caption>{t('wireUnknownHeading')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('wireKind')}</th>
              <th scope="col">{t('wireCount')}</th>
              <th scope="col">{t('wireShape')}</th>
            </tr>
          </thead>
          <tbody>
            {feed.unknown.map((entry) => (
              <tr key={entry.kind}>
                <td>{entry.kind}</td>
                <td>{entry.count}</td>
                <td class="url">{shapeText(entry.shape)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {feed.skipped.length > 0 && (
        <table aria-label={t('wireSkippedHeading')}>
          <caption>{t('wireSkippedHeading')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('wireReason')}</th>
              <th scope="col">{t('wireCount')}</th>
              <th scope="col">{t('wireShape')}</th>
            </tr>
          </thead>
          <tbody>
            {feed.skipped.map((entry) => (
              <tr key={entry.reason}>
                <td>{entry.reason}</td>
                <td>{entry.count}</td>
                <td class="url">{shapeText(entry.shape)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
