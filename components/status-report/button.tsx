/**
 * The "Status report" button. The dialog (components, report text, exports)
 * is imported when the pointer reaches the button or it gets focus, so a
 * project page that never opens it parses none of it.
 */
import type { ComponentType } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { DOCK_EXPAND_EVENT, type FeatureContext } from '@/lib/page/feature';
import { renderFeature, withControls } from '../page/render';
import ownCss from './style.css?inline';

const css = withControls(ownCss);

interface DialogProps {
  origin: string;
  projectId: string;
  onClose: () => void;
}

const loadDialog = () => import('./Dialog').then((module) => module.StatusReportDialog as ComponentType<DialogProps>);

export function mountReportButton(context: FeatureContext<'project'>): void {
  renderFeature(context, css, <ReportButton docked={context.docked} origin={context.origin} projectId={context.page.projectId} />);
}

function ReportButton({ docked, origin, projectId }: { docked: boolean; origin: string; projectId: string }) {
  const [open, setOpen] = useState(false);
  const [Dialog, setDialog] = useState<ComponentType<DialogProps> | null>(null);
  const [failed, setFailed] = useState<string | undefined>();
  const button = useRef<HTMLButtonElement>(null);
  const show = () => {
    if (docked) button.current?.dispatchEvent(new CustomEvent(DOCK_EXPAND_EVENT, { bubbles: true, composed: true }));
    setOpen(true);
    if (Dialog) return;
    setFailed(undefined);
    loadDialog().then(
      (component) => setDialog(() => component),
      (error: unknown) => setFailed(String((error as Error)?.message ?? error)),
    );
  };
  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  const prefetch = () => void loadDialog().catch(() => undefined);
  return (
    <div class={`root ${docked ? 'docked' : 'inline'}`}>
      <button type="button" ref={button} aria-haspopup="dialog" aria-expanded={open} title={t('srButtonTitle')} onClick={show} onPointerEnter={prefetch} onFocus={prefetch}>
        {t('srButton')}
      </button>
      {open && !Dialog && !failed && (
        <span class="muted" role="status">
          {t('srLoading')}
        </span>
      )}
      {open && failed && (
        <span class="error" role="alert">
          {t('loadFailed', failed)}
        </span>
      )}
      {open && Dialog && <Dialog origin={origin} projectId={projectId} onClose={close} />}
    </div>
  );
}
