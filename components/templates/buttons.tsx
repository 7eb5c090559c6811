/**
 * The templates feature's buttons on a page. The dialogs they open (the
 * picker, the checklist menu) are separate chunks, imported on first use, so
 * a page parses them only when someone opens them.
 */
import type { ComponentType } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { ask } from '@/lib/messages';
import { DOCK_EXPAND_EVENT, type FeatureContext, type TaskFeatureContext } from '@/lib/page/feature';
import { findAnchor } from '@/lib/page/selectors';
import { renderFeature, withControls } from '../page/render';
import ownCss from './style.css?inline';

const css = withControls(ownCss);

/** The shortcut that opens the picker on a project page (documented in the README and the button's title). */
export const PICKER_SHORTCUT = { altKey: true, shiftKey: true, code: 'KeyT' } as const;

export function mountProjectButtons(context: FeatureContext<'project'>): void {
  // The shortcut reaches the button through this feature's own closure: no page script can open the picker.
  let openPicker: (() => void) | undefined;
  window.addEventListener(
    'keydown',
    (event: KeyboardEvent) => {
      if (event.altKey !== PICKER_SHORTCUT.altKey || event.shiftKey !== PICKER_SHORTCUT.shiftKey || event.code !== PICKER_SHORTCUT.code) return;
      if (event.ctrlKey || event.metaKey || !openPicker) return;
      event.preventDefault();
      openPicker();
    },
    { capture: true, signal: context.signal },
  );
  renderFeature(
    context,
    css,
    <DialogButton
      docked={context.docked}
      label={t('tplButton')}
      title={t('tplButtonTitle')}
      exposeOpen={(open) => (openPicker = open)}
      load={() => import('./Picker').then((m) => m.Picker)}
      props={{ origin: context.origin, projectId: context.page.projectId, settings: context.settings }}
    />,
  );
}

export function mountTaskButtons(context: TaskFeatureContext): void {
  const { origin, page, root } = context;
  renderFeature(
    context,
    css,
    <DialogButton
      docked={context.docked}
      label={t('tplChecklistButton')}
      load={() => import('./ChecklistMenu').then((m) => m.ChecklistMenu)}
      props={{ origin, taskId: page.taskId, editor: () => commentEditorWithText(root) }}
    >
      <SaveAsTemplate origin={origin} taskId={page.taskId} />
    </DialogButton>,
  );
}

/** The comment editor under `root` (known, or guessed on an unknown layout) when the user has text in it, read at click time. */
function commentEditorWithText(root: ParentNode): HTMLElement | null {
  const editor = findAnchor(root, 'commentEditor').element;
  if (editor instanceof HTMLTextAreaElement) return editor.value.trim() !== '' ? editor : null;
  return editor instanceof HTMLElement && editor.isContentEditable && (editor.textContent ?? '').trim() !== '' ? editor : null;
}

interface DialogButtonProps<P> {
  docked: boolean;
  label: string;
  title?: string;
  /** Imports the dialog's component (its own chunk). */
  load: () => Promise<ComponentType<P & { onClose: () => void }>>;
  props: P;
  exposeOpen?: (open: () => void) => void;
  children?: preact.ComponentChildren;
}

/** A button that opens a dialog, importing the dialog's code the first time. */
/** The element that has the focus, inside open shadow roots too (the page's own and Account Desk's); null on the page's body. */
function focusedElement(): HTMLElement | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement && active !== document.body ? active : null;
}

function DialogButton<P extends object>({ docked, label, title, load, props, exposeOpen, children }: DialogButtonProps<P>) {
  const [open, setOpen] = useState(false);
  const [Dialog, setDialog] = useState<ComponentType<P & { onClose: () => void }> | null>(null);
  const [failed, setFailed] = useState<string | undefined>();
  const [opener, setOpener] = useState<HTMLButtonElement | null>(null);
  // The button for `show`, which the shortcut keeps from the first render (before `opener` is set).
  const button = useRef<HTMLButtonElement | null>(null);
  // Where the focus was when the dialog opened (the button, or wherever the shortcut was pressed): it goes back there on close.
  const returnTo = useRef<HTMLElement | null>(null);
  const show = () => {
    // Kept while the dialog is open: showing it again (the shortcut pressed inside it) must not move where the focus goes back to.
    returnTo.current ??= focusedElement() ?? button.current;
    // In a collapsed dock, the dialog opens with the dock.
    if (docked) button.current?.dispatchEvent(new CustomEvent(DOCK_EXPAND_EVENT, { bubbles: true, composed: true }));
    setOpen(true);
    if (Dialog) return;
    setFailed(undefined);
    load().then(
      (component) => setDialog(() => component),
      (error: unknown) => setFailed(String((error as Error)?.message ?? error)),
    );
  };
  // A block, not an expression: a function returned from an effect is its cleanup, and would open the dialog again.
  useEffect(() => {
    exposeOpen?.(show);
  }, [Dialog]);
  const close = () => setOpen(false);
  // Once the dialog is gone (not before: its removal would take the focus along), the focus goes back, in the same
  // commit that removes it: a plain effect waits for the next frame, and the focus would sit on the page's body meanwhile.
  // Unless the dialog gave the focus away on purpose: after writing into the comment editor, the caret stays there.
  useLayoutEffect(() => {
    if (open) return;
    const back = returnTo.current;
    returnTo.current = null;
    const now = focusedElement();
    if (now && !button.current?.getRootNode().contains(now)) return;
    (back?.isConnected ? back : back && opener)?.focus();
  }, [open]);
  // Reaching for the button starts loading the dialog's code, so a click rarely waits for it.
  const prefetch = () => void load().catch(() => undefined);
  return (
    <div class={`root ${docked ? 'docked' : 'inline'}`}>
      <button
        type="button"
        ref={(element) => {
          button.current = element;
          setOpener(element);
        }}
        aria-haspopup="dialog" aria-expanded={open} title={title} onClick={show} onPointerEnter={prefetch} onFocus={prefetch}>
        {label}
      </button>
      {children}
      {open && !Dialog && !failed && (
        <span class="muted" role="status">
          {t('tplLoading')}
        </span>
      )}
      {open && failed && (
        <span class="error" role="alert">
          {t('loadFailed', failed)}
        </span>
      )}
      {open && Dialog && <Dialog {...props} onClose={close} />}
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
