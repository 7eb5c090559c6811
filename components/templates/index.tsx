/**
 * Templates on Worksection pages: a "Templates" button (and Alt+Shift+T) on
 * project pages opens the picker; an "Insert checklist" button on task pages.
 * Each sits at its anchor (above the task list, after the task actions) or,
 * on layouts without those anchors, floats next to the Account Desk dock.
 */
import { useEffect, useState } from 'preact/hooks';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { t } from '@/lib/i18n';
import { ask } from '@/lib/messages';
import { findAnchor } from '@/lib/page/selectors';
import { parseWorksectionPath, type WorksectionPage } from '@/lib/worksection/paths';
import { onDomChange } from '../dom-changes';
import { mountInShadow } from '../shadow-mount';
import { ChecklistMenu } from './ChecklistMenu';
import { Picker } from './Picker';
import css from './style.css?inline';

type Page = Extract<WorksectionPage, { kind: 'project' | 'task' }>;

interface Placement {
  page: Page;
  anchor: Element | null;
  url: string;
}

/** The shortcut that opens the picker on a project page (documented in the README and the button's title). */
export const PICKER_SHORTCUT = { altKey: true, shiftKey: true, code: 'KeyT' } as const;

const OPEN_EVENT = 'account-desk:open-templates';

export function startTemplates(ctx: ContentScriptContext): void {
  let current: { placement: Placement; ui: ShadowRootContentScriptUi<void> } | undefined;
  let placing: Promise<void> | undefined;
  let enabled: boolean | undefined;

  const desired = (): Placement | null => {
    const page = parseWorksectionPath(location.pathname, location.hash);
    if (page.kind !== 'project' && page.kind !== 'task') return null;
    const anchor = findAnchor(document, page.kind === 'project' ? 'taskList' : 'taskActions').element;
    return { page, anchor, url: location.pathname };
  };
  const samePlace = (a: Placement, b: Placement) => a.url === b.url && a.anchor === b.anchor && (!a.anchor || a.anchor.isConnected);

  const placeOnce = async () => {
    if (enabled === undefined) {
      const settings = await ask('settings/get', {});
      enabled = !settings.ok || settings.value.features.templates;
    }
    const next = enabled ? desired() : null;
    if (current && next && samePlace(current.placement, next)) return;
    current?.ui.remove();
    current = undefined;
    if (!next || ctx.isInvalid) return;
    current = { placement: next, ui: await mount(ctx, next) };
  };
  const place = () => {
    // One placement at a time; the next waits for it.
    placing = (placing ?? Promise.resolve()).then(placeOnce, placeOnce);
  };

  place();
  ctx.addEventListener(window, 'wxt:locationchange', place);
  onDomChange(ctx, () => {
    const next = desired();
    if (!current || !next || !samePlace(current.placement, next)) place();
  });
  ctx.onInvalidated(() => current?.ui.remove());

  ctx.addEventListener(
    window,
    'keydown',
    (event: KeyboardEvent) => {
      if (event.altKey !== PICKER_SHORTCUT.altKey || event.shiftKey !== PICKER_SHORTCUT.shiftKey || event.code !== PICKER_SHORTCUT.code) return;
      if (event.ctrlKey || event.metaKey || current?.placement.page.kind !== 'project') return;
      event.preventDefault();
      window.dispatchEvent(new CustomEvent(OPEN_EVENT));
    },
    { capture: true },
  );
}

function mount(ctx: ContentScriptContext, { page, anchor }: Placement) {
  return mountInShadow(ctx, {
    name: 'account-desk-templates',
    css,
    anchor,
    append: page.kind === 'project' ? 'before' : 'after',
    attributes: { 'data-feature': page.kind === 'project' ? 'templates' : 'checklist' },
    view: (docked) => <TemplatesUi page={page} origin={location.origin} docked={docked} />,
  });
}

function commentEditorWithText(): HTMLTextAreaElement | null {
  const editor = findAnchor(document, 'commentEditor').element;
  return editor instanceof HTMLTextAreaElement && editor.value.trim() !== '' ? editor : null;
}

function TemplatesUi({ page, origin, docked }: { page: Page; origin: string; docked: boolean }) {
  const [open, setOpen] = useState(false);
  const [opener, setOpener] = useState<HTMLButtonElement | null>(null);
  const close = () => {
    setOpen(false);
    opener?.focus();
  };
  useEffect(() => {
    if (page.kind !== 'project') return;
    // The shortcut reaches the mounted picker through a window event.
    const openPicker = () => setOpen(true);
    window.addEventListener(OPEN_EVENT, openPicker);
    return () => window.removeEventListener(OPEN_EVENT, openPicker);
  }, [page.kind]);
  return (
    <div class={`root ${docked ? 'floating' : 'inline'}`}>
      <button
        type="button"
        ref={setOpener}
        aria-haspopup="dialog"
        aria-expanded={open}
        title={page.kind === 'project' ? t('tplButtonTitle') : undefined}
        onClick={() => setOpen(true)}
      >
        {page.kind === 'project' ? t('tplButton') : t('tplChecklistButton')}
      </button>
      {page.kind === 'task' && <SaveAsTemplate origin={origin} taskId={page.taskId} />}
      {open &&
        (page.kind === 'project' ? (
          <Picker origin={origin} projectId={page.projectId} onClose={close} />
        ) : (
          <ChecklistMenu origin={origin} taskId={page.taskId} editor={commentEditorWithText} onClose={close} />
        ))}
    </div>
  );
}

/** "Save as template": the task and its subtasks become a personal template (read by the background). */
function SaveAsTemplate({ origin, taskId }: { origin: string; taskId: string }) {
  const [state, setState] = useState<{ busy: boolean; message?: string; failed?: boolean }>({ busy: false });
  const save = async () => {
    setState({ busy: true });
    const reply = await ask('templates/save-task', { origin, taskId });
    setState(reply.ok ? { busy: false, message: t('tplSavedAsTemplate', reply.value.name) } : { busy: false, message: reply.problem.message, failed: true });
  };
  return (
    <>
      <button type="button" disabled={state.busy} onClick={() => void save()}>
        {t('tplSaveAsTemplate')}
      </button>
      {state.message && (
        <span class={state.failed ? 'error' : 'muted'} role={state.failed ? 'alert' : 'status'}>
          {state.message}
        </span>
      )}
    </>
  );
}
