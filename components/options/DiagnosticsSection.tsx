import { useEffect, useState } from 'preact/hooks';
import { formatDateTime } from '@/lib/format';
import { t, type MessageKey } from '@/lib/i18n';
import { ask } from '@/lib/messages';
import type { AnchorReport, FeatureVisit, PageVisit } from '@/lib/page/protocol';
import type { AnchorName } from '@/lib/page/selectors';
import { LayoutReportButton } from '../layout-report';
import { PolicyPanel } from './policy';
import { WireStatusPanel } from './WireStatusPanel';

const FEATURE_NAMES: Record<string, MessageKey> = {
  'page-bar': 'featurePageBar',
  replies: 'featureReplies',
  templates: 'featureTemplates',
  'account-time': 'featureAccountTime',
  'status-report': 'featureStatusReport',
  'quick-replies': 'featureQuickReplies',
};

const PLACEMENTS: Record<FeatureVisit['placement'], MessageKey> = {
  anchor: 'placementAnchor',
  dock: 'placementDock',
  page: 'placementPage',
  off: 'placementOff',
};

/** Each anchor of lib/page/selectors.ts as Diagnostics names it. */
const ANCHOR_NAMES: Record<AnchorName, MessageKey> = {
  projectHeader: 'anchorProjectHeader',
  taskList: 'anchorTaskList',
  taskRow: 'anchorTaskRow',
  taskTitle: 'anchorTaskTitle',
  taskModal: 'anchorTaskModal',
  modalTaskLink: 'anchorModalTaskLink',
  taskActions: 'anchorTaskActions',
  comments: 'anchorComments',
  commentEditor: 'anchorCommentEditor',
};

function Anchors({ anchors }: { anchors: readonly AnchorReport[] }) {
  return (
    <ul class="anchors">
      {anchors.map((anchor) => (
        <li key={anchor.name} class={anchor.found ? 'ok' : 'error'} title={anchor.selector} data-anchor={anchor.name}>
          {anchor.name in ANCHOR_NAMES ? t(ANCHOR_NAMES[anchor.name as AnchorName]) : anchor.name}: {anchor.found ? (anchor.guess ? t('anchorGuessed') : t('anchorFound')) : t('anchorMissing')}
        </li>
      ))}
    </ul>
  );
}

/** Each feature on the page: where it went, and its anchors found and missing. */
function Features({ visit }: { visit: PageVisit }) {
  if (!visit.features) return <Anchors anchors={visit.anchors} />;
  return (
    <ul class="features">
      {visit.features.map((feature) => (
        <li key={feature.id} data-feature={feature.id}>
          <strong>{FEATURE_NAMES[feature.id] ? t(FEATURE_NAMES[feature.id]!) : feature.id}</strong> · {t(PLACEMENTS[feature.placement])}
          {feature.problem && <span class="error"> · {t('diagnosticsFeatureFailed', feature.problem)}</span>}
          <Anchors anchors={feature.anchors} />
        </li>
      ))}
    </ul>
  );
}

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
      <PolicyPanel />
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
              <th scope="col">{t('diagnosticsFeatures')}</th>
              <th scope="col">{t('diagnosticsLayout')}</th>
            </tr>
          </thead>
          <tbody>
            {visits.map((visit) => (
              <tr key={visit.id}>
                <td class="url">{new URL(visit.url).pathname}</td>
                <td>{formatDateTime(visit.visitedAt)}</td>
                <td>{visit.placement === 'anchor' ? t('placementAnchor') : t('placementDock')}</td>
                <td>
                  <Features visit={visit} />
                </td>
                <td>{visit.layout !== undefined && <LayoutReportButton layout={() => visit.layout ?? ''} />}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
