// The status report's part of options: its switch (the report itself lives on project pages).
import { t } from '@/lib/i18n';
import { FeatureSwitch } from '../options/FeatureSwitch';

export function StatusReportOptionsSection() {
  return (
    <section id="status-report" aria-labelledby="status-report-heading">
      <h2 id="status-report-heading">{t('srSectionHeading')}</h2>
      <FeatureSwitch feature="statusReport" label="settingsStatusReportLabel" hint="settingsStatusReportHint" />
    </section>
  );
}
