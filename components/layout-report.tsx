/**
 * "Report this page's layout": copies a page's skeleton (lib/page/skeleton.ts:
 * structure only, no text from the page) for the user to send us, and says
 * what happened.
 */
import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n';

export function LayoutReportButton({ layout }: { layout: () => string }) {
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(layout());
      setOutcome({ ok: true, text: t('layoutReportCopied') });
    } catch (error) {
      setOutcome({ ok: false, text: t('layoutReportFailed', String((error as Error)?.message ?? error)) });
    }
  };
  return (
    <span class="layout-report">
      <button type="button" onClick={() => void copy()}>
        {t('layoutReport')}
      </button>
      {outcome && ' '}
      {outcome && (
        <span class={outcome.ok ? 'ok' : 'error'} role={outcome.ok ? 'status' : 'alert'}>
          {outcome.text}
        </span>
      )}
    </span>
  );
}
