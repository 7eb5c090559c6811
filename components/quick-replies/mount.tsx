/**
 * The quick-reply button beside the comment editor and the `/` that opens the
 * list. Only this much loads with a task page; the list (ReplyList.tsx) is
 * imported when `/` is typed at the start of a word or the button is
 * reached (pointer or focus), and opens at that spot in the editor.
 */
import type { ComponentType } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { DOCK_EXPAND_EVENT, type TaskFeatureContext } from '@/lib/page/feature';
import { findAnchor } from '@/lib/page/selectors';
import { renderFeature, withControls } from '../page/render';
import { caretSpot, richCaret, slashBeforeCaret, type EditorSpot } from './editor';
import type { ReplyListProps } from './ReplyList';
import ownCss from './style.css?inline';

const css = withControls(ownCss);

type ReplyListComponent = ComponentType<ReplyListProps>;
const loadList = (): Promise<ReplyListComponent> => import('./ReplyList').then((m) => m.ReplyList);

export function mountQuickReplies(context: TaskFeatureContext): void {
  const { root, signal, origin, page } = context;
  // Read when needed: Worksection replaces its editor.
  const editorNow = () => findAnchor(root, 'commentEditor').element;
  let openAt: ((spot: EditorSpot) => void) | undefined;
  // A rich editor's caret, kept while the button takes focus from it.
  let lastRich: ReturnType<typeof richCaret> = null;

  const slashTyped = (event: Event) => {
    const { inputType, data } = event as InputEvent;
    return inputType === 'insertText' && data === '/';
  };
  const openAtSlash = (target: EventTarget | null) => {
    const editor = editorNow();
    if (signal.aborted || !editor || target !== editor) return;
    const spot = slashBeforeCaret(editor);
    if (spot) openAt?.(spot);
  };
  // Every keystroke on the page passes here: the cheap test first, the editor's lookup only for a "/".
  document.addEventListener('input', (event) => slashTyped(event) && openAtSlash(event.target), { capture: true, signal });
  // A rich editor that types for itself (CKEditor 5's 2024 releases did) cancels the browser's typing, and no `input` event
  // follows: the "/" is looked for at the editor's first change after it, before the next key is typed.
  let watching: MutationObserver | undefined;
  document.addEventListener(
    'beforeinput',
    (event) => {
      watching?.disconnect();
      if (!slashTyped(event) || !(event.target instanceof HTMLElement) || !event.target.isContentEditable) return;
      const target = event.target;
      const watch = (watching = new MutationObserver(() => {
        watch.disconnect();
        if (event.defaultPrevented) openAtSlash(target);
      }));
      watch.observe(target, { characterData: true, childList: true, subtree: true });
    },
    { capture: true, signal },
  );
  signal.addEventListener('abort', () => watching?.disconnect());
  document.addEventListener(
    'selectionchange',
    () => {
      // Every caret move on the page: only one inside editable text can be the rich editor's.
      if (!(document.activeElement instanceof HTMLElement && document.activeElement.isContentEditable)) return;
      const editor = editorNow();
      if (editor instanceof HTMLElement && editor.isContentEditable && editor.contains(document.activeElement)) lastRich = richCaret(editor);
    },
    { signal },
  );

  renderFeature(
    context,
    css,
    <QuickReplies
      docked={context.docked}
      origin={origin}
      taskId={page.taskId}
      buttonSpot={() => {
        const editor = editorNow();
        return editor ? caretSpot(editor, lastRich) : null;
      }}
      exposeOpen={(open) => (openAt = open)}
    />,
  );
}

interface Props {
  docked: boolean;
  origin: string;
  taskId: string;
  /** The editor's caret or selection at click time; null when there is no editor. */
  buttonSpot: () => EditorSpot | null;
  exposeOpen: (open: (spot: EditorSpot) => void) => void;
}

function QuickReplies({ docked, origin, taskId, buttonSpot, exposeOpen }: Props) {
  const [opened, setOpened] = useState<{ spot: EditorSpot; serial: number } | null>(null);
  const [List, setList] = useState<ReplyListComponent | null>(null);
  const [problem, setProblem] = useState<string | undefined>();
  const button = useRef<HTMLButtonElement>(null);
  const serial = useRef(0);

  const open = (spot: EditorSpot) => {
    // In a collapsed dock, the list opens with the dock.
    if (docked) button.current?.dispatchEvent(new CustomEvent(DOCK_EXPAND_EVENT, { bubbles: true, composed: true }));
    setProblem(undefined);
    setOpened({ spot, serial: ++serial.current });
    if (List) return;
    loadList().then(
      (component) => setList(() => component),
      (error: unknown) => setProblem(t('loadFailed', String((error as Error)?.message ?? error))),
    );
  };
  useEffect(() => {
    // A block, not an arrow's value: an effect's returned function is its cleanup, and `open` must not run as one.
    exposeOpen(open);
  }, [List]);

  const onButton = () => {
    const spot = buttonSpot();
    if (spot) open(spot);
    else setProblem(t('qrNoEditor'));
  };
  // Reaching for the button starts loading the list's code, so a click rarely waits for it.
  const prefetch = () => void loadList().catch(() => undefined);

  return (
    <div class={`root ${docked ? 'docked' : 'inline'}`}>
      <button type="button" ref={button} aria-haspopup="dialog" aria-expanded={opened !== null} onClick={onButton} onPointerEnter={prefetch} onFocus={prefetch}>
        {t('qrButton')}
      </button>
      {opened && !List && !problem && (
        <span class="muted" role="status">
          {t('qrLoading')}
        </span>
      )}
      {problem && (
        <span class="error" role="alert">
          {problem}
        </span>
      )}
      {opened && List && <List key={opened.serial} spot={opened.spot} origin={origin} taskId={taskId} onClose={() => setOpened(null)} />}
    </div>
  );
}
