import { useEffect, useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { ask, type PageVisit } from '@/lib/messages';
import { ANCHORS } from '@/lib/page/selectors';
import { WireStatusPanel } from './WireStatusPanel';

export function DiagnosticsSection() {
  const [visits, setVisits] = useState<PageVisit[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const refresh = () =>
    void ask('diagnostics/list', {}).then((reply) => {
      if (reply.ok) {
        setVisits(reply.value);
        setProblem(null);
      } else setProblem(reply.problem.message);
    });

  useEffect(() => {
    refresh();
    // Coming back from a Worksection tab shows the pages just visited.
    const onVisible = () => document.visibilityState === 'visible' && refresh();
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, []);

  return (
    <section id="diagnostics" aria-labelledby="diagnostics-heading">
      <h2 id="diagnostics-heading">{t('diagnosticsHeading')}</h2>
      <p class="hint">{t('diagnosticsIntro')}</p>
      <WireStatusPanel />
      {problem && (
        <p role="alert" class="error">
          {t('loadFailed', problem)}
        </p>
      )}
      {visits === null && !problem && <p class="muted">{t('barLoading')}</p>}
      {visits?.length === 0 && <p class="muted">{t('diagnosticsEmpty')}</p>}
      {visits && visits.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('diagnosticsPage')}</th>
              <th scope="col">{t('diagnosticsWhen')}</th>
              <th scope="col">{t('diagnosticsPlacement')}</th>
              <th scope="col">{t('diagnosticsAnchors')}</th>
            </tr>
          </thead>
          <tbody>
            {visits.map((visit) => (
              <tr key={visit.id}>
                <td class="url">{new URL(visit.url).pathname}</td>
                <td>{new Date(visit.visitedAt).toLocaleString()}</td>
                <td>{visit.placement === 'anchor' ? t('placementAnchor') : t('placementDock')}</td>
                <td>
                  <ul class="anchors">
                    {visit.anchors.map((anchor) => (
                      <li key={anchor.name} class={anchor.found ? 'ok' : 'error'} title={anchor.selector}>
                        {ANCHORS[anchor.name as keyof typeof ANCHORS]?.label ?? anchor.name}:{' '}
                        {anchor.found ? t('anchorFound') : t('anchorMissing')}
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
