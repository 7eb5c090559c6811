import { useEffect } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { ConnectionSection } from './ConnectionSection';
import { DiagnosticsSection } from './DiagnosticsSection';

export function OptionsPage() {
  useEffect(() => {
    document.title = t('optionsTitle');
    // Links from the page bar open a section: options.html#diagnostics.
    if (location.hash) document.getElementById(location.hash.slice(1))?.scrollIntoView();
  }, []);
  return (
    <>
      <h1>{t('optionsTitle')}</h1>
      <ConnectionSection />
      <DiagnosticsSection />
    </>
  );
}
