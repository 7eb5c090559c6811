import { useEffect, useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { ask, type Problem } from '@/lib/messages';
import type { PageContext } from '@/lib/page/protocol';
import type { WorksectionPage } from '@/lib/worksection/paths';

type Load =
  | { state: 'loading' }
  | { state: 'not-connected' }
  | { state: 'ready'; context: PageContext }
  | { state: 'error'; problem: Problem };

interface Props {
  page: Extract<WorksectionPage, { kind: 'project' | 'task' }>;
  origin: string;
  docked: boolean;
}

export function PageBar({ page, origin, docked }: Props) {
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [open, setOpen] = useState(false);

  useEffect(() => {
    let live = true;
    void ask('page/context', { page, origin }).then((reply) => {
      if (!live) return;
      if (!reply.ok) setLoad({ state: 'error', problem: reply.problem });
      else if (reply.value === null) setLoad({ state: 'not-connected' });
      else setLoad({ state: 'ready', context: reply.value });
    });
    return () => {
      live = false;
    };
  }, [page.kind === 'task' ? page.taskId : page.projectId, origin]);

  const panel = (
    <section class="bar" role="region" aria-label={t('barRegion')} aria-busy={load.state === 'loading'}>
      <span class="mark" aria-hidden="true">AD</span>
      <Summary load={load} page={page} />
      <div class="actions">
        {load.state === 'not-connected' ? (
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
      {docked && <p class="note">{t('barDockNote')}</p>}
    </section>
  );

  if (!docked) return panel;
  return (
    <div class="dock">
      {open && panel}
      <button
        type="button"
        class="dock-toggle"
        aria-expanded={open}
        aria-label={open ? t('barDockClose') : t('barDockOpen')}
        onClick={() => setOpen(!open)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') setOpen(false);
        }}
      >
        AD
      </button>
    </div>
  );
}

function Summary({ load, page }: { load: Load; page: Props['page'] }) {
  switch (load.state) {
    case 'loading':
      return <span class="summary muted">{t('barLoading')}</span>;
    case 'not-connected':
      return <span class="summary muted">{t('barNotConnected')}</span>;
    case 'error':
      return (
        <span class="summary error" role="alert">
          {t('loadFailed', load.problem.message)}
        </span>
      );
    case 'ready': {
      const { projectName, clientName, taskName, taskStatus } = load.context;
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
