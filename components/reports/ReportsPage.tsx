import { useEffect } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { AccountTimeReportSection } from '../account-time/ReportSection';
import { ReplyTimesSection } from '../replies/ReplyTimesSection';
import { RefusedEntriesSection } from './RefusedEntriesSection';

/** The reports page (reports.html): one section per report. */
export function ReportsPage() {
  useEffect(() => {
    document.title = t('reportsTitle');
  }, []);
  return (
    <>
      <header class="page-header">
        <h1>{t('reportsTitle')}</h1>
        <nav aria-label={t('reportsNavLabel')}>
          <a href="options.html#replies">{t('reportsReplySettingsLink')}</a>
          <a href="options.html">{t('reportsSettingsLink')}</a>
        </nav>
      </header>
      <ReplyTimesSection />
      <AccountTimeReportSection />
      <RefusedEntriesSection />
    </>
  );
}
