/**
 * The privacy policy inside the extension (PRIVACY.md says the same for the
 * stores): what is stored, where, for how long, and that nothing leaves the
 * browser except for the user's own Worksection account. Static text only:
 * it must read the same whether or not an account is connected.
 */
import { useEffect } from 'preact/hooks';
import { t, type MessageKey } from '@/lib/i18n';

/** One row per kind of data, in the order a user would ask about them. */
const STORED: ReadonlyArray<{ what: MessageKey; where: MessageKey; howLong: MessageKey }> = [
  { what: 'privacyRowConnectionWhat', where: 'privacyRowConnectionWhere', howLong: 'privacyRowConnectionHowLong' },
  { what: 'privacyRowSettingsWhat', where: 'privacyRowSettingsWhere', howLong: 'privacyRowSettingsHowLong' },
  { what: 'privacyRowThreadsWhat', where: 'privacyRowThreadsWhere', howLong: 'privacyRowThreadsHowLong' },
  { what: 'privacyRowTimeWhat', where: 'privacyRowTimeWhere', howLong: 'privacyRowTimeHowLong' },
  { what: 'privacyRowTemplatesWhat', where: 'privacyRowTemplatesWhere', howLong: 'privacyRowTemplatesHowLong' },
  { what: 'privacyRowPagesWhat', where: 'privacyRowPagesWhere', howLong: 'privacyRowPagesHowLong' },
];

export function PrivacyPage() {
  useEffect(() => {
    document.title = t('privacyTitle');
  }, []);
  return (
    <>
      <header class="page-header">
        <h1>{t('privacyTitle')}</h1>
        <nav aria-label={t('settingsNavLabel')}>
          <a href="options.html">{t('barSettings')}</a>
          <a href="reports.html">{t('settingsReportsLink')}</a>
        </nav>
      </header>
      <p>{t('privacySummary')}</p>

      <h2>{t('privacyStoredHeading')}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('privacyColumnWhat')}</th>
            <th scope="col">{t('privacyColumnWhere')}</th>
            <th scope="col">{t('privacyColumnHowLong')}</th>
          </tr>
        </thead>
        <tbody>
          {STORED.map((row) => (
            <tr key={row.what}>
              <th scope="row">{t(row.what)}</th>
              <td>{t(row.where)}</td>
              <td>{t(row.howLong)}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2>{t('privacySentHeading')}</h2>
      <p>{t('privacySentAccount')}</p>
      <p>{t('privacySentNothingElse')}</p>

      <h2>{t('privacyPagesHeading')}</h2>
      <p>{t('privacyPagesText')}</p>

      <h2>{t('privacyControlHeading')}</h2>
      <ul>
        <li>{t('privacyControlExport')}</li>
        <li>{t('privacyControlDisconnect')}</li>
        <li>{t('privacyControlRemove')}</li>
      </ul>
    </>
  );
}
