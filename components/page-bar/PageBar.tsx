import { t } from '@/lib/i18n';
import { ask } from '@/lib/messages';
import type { PageContext } from '@/lib/page/protocol';
import type { WorksectionPage } from '@/lib/worksection/paths';
import { layoutSkeleton } from '@/lib/page/skeleton';
import { LayoutReportButton } from '../layout-report';
import { useAsk, type Asked } from '../use-ask';

/** `null`: not connected to this page's account. */
type Load = Asked<PageContext | null>;

interface Props {
  page: Extract<WorksectionPage, { kind: 'project' | 'task' }>;
  origin: string;
  docked: boolean;
}

export function PageBar({ page, origin, docked }: Props) {
  const { asked: load } = useAsk(() => ask('page/context', { page, origin }), [page.kind === 'task' ? page.taskId : page.projectId, origin]);
  const notConnected = load.state === 'ready' && load.value === null;

  return (
    <section class="bar" role="region" aria-label={t('barRegion')} aria-busy={load.state === 'loading'}>
      <span class="mark" aria-hidden="true">AD</span>
      <Summary load={load} page={page} />
      <div class="actions">
        {notConnected ? (
          <button type="button" class="primary" onClick={() => void ask('ui/open-options', { section: 'connection' })}>
            {t('barConnect')}
          </button>
        ) : (
          <button type="button" onClick={() => void ask('ui/open-options', { section: 'connection' })}>
            {t('barSettings')}
          </button>
        )}
        <button type="button" onClick={() => void ask('ui/open-options', { section: 'diagnostics' })}>
          {t('barDiagnostics')}
        </button>
      </div>
      {docked && (
        <p class="note">
          {t('barDockNote')} <LayoutReportButton layout={() => layoutSkeleton(document.body).html} />
        </p>
      )}
    </section>
  );
}

function Summary({ load, page }: { load: Load; page: Props['page'] }) {
  switch (load.state) {
    case 'loading':
      return <span class="summary muted">{t('barLoading')}</span>;
    case 'error':
      return (
        <span class="summary error" role="alert">
          {t('loadFailed', load.problem.message)}
        </span>
      );
    case 'ready': {
      if (load.value === null) return <span class="summary muted">{t('barNotConnected')}</span>;
      const { projectName, clientName, taskName, taskStatus } = load.value;
      return (
        <span class="summary">
          {page.kind === 'task' ? (
            <>
              <span class="label">{t('barTask')}</span> <strong class="name">{taskName}</strong>
              {taskStatus === 'done' && <span class="chip">{t('barTaskDone')}</span>}
              {projectName && <span class="muted"> · {projectName}</span>}
            </>
          ) : (
            <>
              <span class="label">{t('barProject')}</span> <strong class="name">{projectName}</strong>
              {clientName && (
                <span class="muted">
                  {' '}
                  · {t('barClient')}: {clientName}
                </span>
              )}
            </>
          )}
        </span>
      );
    }
  }
}
