import { useEffect } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { AccountTimeOptionsSection, YourDataSection } from '../account-time/OptionsSection';
import { ConnectionSection } from './ConnectionSection';
import { DiagnosticsSection } from './DiagnosticsSection';
import { LanguageSection } from './LanguageSection';
import { PolicyProvider } from './policy';
import { SettingsProblem } from './SettingsProblem';
import { RepliesSection } from '../replies/OptionsSection';
import { TemplatesSection } from '@/components/templates/TemplatesSection';
import { StatusReportOptionsSection } from '@/components/status-report/OptionsSection';
import { QuickRepliesSection } from '@/components/quick-replies/QuickRepliesSection';

export function OptionsPage() {
  useEffect(() => {
    document.title = t('optionsTitle');
    // Links from the page bar, the popup and reports open a section: options.html#replies.
    if (location.hash) document.getElementById(location.hash.slice(1))?.scrollIntoView();
  }, []);
  return (
    // The organization's policy: which settings every section shows locked.
    <PolicyProvider>
      <header class="page-header">
        <h1>{t('optionsTitle')}</h1>
        <nav aria-label={t('settingsNavLabel')}>
          <a href="reports.html">{t('settingsReportsLink')}</a>
          <a href="privacy.html">{t('privacyLink')}</a>
        </nav>
      </header>
      <SettingsProblem />
      <ConnectionSection />
      <LanguageSection />
      <RepliesSection />
      <AccountTimeOptionsSection />
      <YourDataSection />
      <TemplatesSection />
      <StatusReportOptionsSection />
      <QuickRepliesSection />
      <DiagnosticsSection />
    </PolicyProvider>
  );
}
