// "Insert checklist" on a task page: saved checklists (most recent first) and
// the templates' checklists; a choice becomes a comment with todo[] items, or,
// while the user is writing a comment, lines in the comment editor instead.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { t, tn } from '@/lib/i18n';
import { ask } from '@/lib/messages';
import { endOfText, offerAsPaste } from '@/lib/page/comment-editor';
import { useAsk } from '../use-ask';
import { trapFocus, useEscape } from './dialog';

interface Props {
  origin: string;
  taskId: string;
  /** The comment editor (a textarea or a rich editor) when the user has text in it, read at click time. */
  editor: () => HTMLElement | null;
  onClose: () => void;
}


/** The checklist as text: its name, then one "• item" line each (how Worksection shows checklist lines). */
export function checklistText(title: string, items: readonly string[]): string {
  return `${title}\n${items.map((item) => `• ${item}`).join('\n')}\n`;
}

/**
 * Appends the items to the comment being written, one "• item" line each, at
 * the end of its text. Typed with execCommand('insertText') where the browser
 * allows it, as quick replies are (a rich editor with a model of its own is
 * offered them as a paste first): the editor makes its own paragraphs of the
 * lines, and its undo takes them out again.
 * Otherwise the text is set directly (a rich editor gets text-only blocks:
 * an item is data, never markup).
 */
export function writeIntoEditor(editor: HTMLElement, items: readonly string[]): void {
  const lines = items.map((item) => `• ${item}`);
  const document = editor.ownerDocument;
  editor.focus();
  if (editor instanceof HTMLTextAreaElement) {
    const kept = editor.value.replace(/\s+$/, '').length;
    editor.setSelectionRange(kept, editor.value.length);
    const text = `\n${lines.join('\n')}\n`;
    if (document.execCommand('insertText', false, text) && editor.value.endsWith(text)) return;
    editor.value = `${editor.value.slice(0, kept)}${text}`;
  } else {
    const selection = document.getSelection();
    const end = endOfText(editor);
    selection?.collapse(end.node, end.offset);
    const text = `\n${lines.join('\n')}\n`;
    if (offerAsPaste(editor, text) || document.execCommand('insertText', false, text)) return;
    for (const line of lines) {
      const block = document.createElement('div');
      block.textContent = line;
      editor.append(block);
    }
  }
  editor.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText' }));
}

export function ChecklistMenu({ origin, taskId, editor, onClose }: Props) {
  const dialog = useRef<HTMLDivElement>(null);
  const { asked: load } = useAsk(() => ask('templates/checklists', {}), []);
  const [query, setQuery] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; message: string } | undefined>();
  const [draftTitle, setDraftTitle] = useState('');
  const [draftItems, setDraftItems] = useState('');

  useEscape(onClose);
  useEffect(() => {
    // The search field when there is one (typing is what most people do first), else the first button.
    (dialog.current?.querySelector<HTMLElement>('input[type=search]') ?? dialog.current?.querySelector<HTMLElement>('button'))?.focus();
  }, [load.state]);

  const shown = useMemo(() => {
    if (load.state !== 'ready') return [];
    const words = query.toLocaleLowerCase().split(/\s+/).filter(Boolean);
    return load.value.filter((choice) => {
      const haystack = `${choice.title}\n${choice.items.join('\n')}`.toLocaleLowerCase();
      return words.every((word) => haystack.includes(word));
    });
  }, [load, query]);

  // The pressed button is disabled while busy, which drops the focus to the page: it comes back once the answer is in.
  const focusedBeforeBusy = useRef<HTMLElement | null>(null);
  useEffect(() => {
    if (busy || !dialog.current) return;
    const back = focusedBeforeBusy.current;
    focusedBeforeBusy.current = null;
    const root = dialog.current.getRootNode() as ShadowRoot | Document;
    if (back?.isConnected && !dialog.current.contains(root.activeElement)) back.focus();
  }, [busy]);

  const insert = async (title: string, items: string[]) => {
    focusedBeforeBusy.current = (dialog.current?.getRootNode() as ShadowRoot | Document | undefined)?.activeElement as HTMLElement | null;
    setBusy(true);
    setOutcome(undefined);
    const writing = editor();
    if (writing) {
      writeIntoEditor(writing, items);
      await ask('templates/remember-checklist', { title, items });
      setBusy(false);
      onClose();
      return;
    }
    const reply = await ask('templates/insert-checklist', { origin, taskId, title, items });
    if (reply.ok) {
      setBusy(false);
      return setOutcome({ ok: true, message: t('tplChecklistPosted', title) });
    }
    // Not posted: the checklist still reaches the task, by the user's own paste.
    const copied = await navigator.clipboard.writeText(checklistText(title, items)).then(
      () => true,
      () => false,
    );
    setBusy(false);
    setOutcome({ ok: false, message: copied ? t('tplChecklistCopied', reply.problem.message) : reply.problem.message });
  };

  const draft = draftItems
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

  return (
    <div class="backdrop" onMouseDown={(event) => event.target === event.currentTarget && onClose()}>
      <div
        class="dialog narrow"
        role="dialog"
        aria-modal="true"
        aria-labelledby="tpl-checklist-title"
        ref={dialog}
        onKeyDown={(event) => dialog.current && trapFocus(dialog.current, onClose)(event)}
      >
        <header>
          <h2 id="tpl-checklist-title">{t('tplChecklistTitle')}</h2>
          <button type="button" onClick={onClose} aria-label={t('tplClose')}>
            ✕
          </button>
        </header>
        <div class="single">
          {load.state === 'loading' && (
            <p class="muted" role="status">
              {t('tplLoading')}
            </p>
          )}
          {load.state === 'error' && (
            <p class="error" role="alert">
              {t('tplLoadFailed', load.problem.message)}
            </p>
          )}
          {load.state === 'ready' && (
            <>
              <label>
                <span class="muted">{t('tplSearch')}</span>
                <input type="search" value={query} onInput={(event) => setQuery(event.currentTarget.value)} />
              </label>
              {shown.length === 0 ? (
                <p class="muted">{load.value.length === 0 ? t('tplNoChecklists') : t('tplNoMatch')}</p>
              ) : (
                <ul class="list">
                  {shown.map((choice) => (
                    <li key={choice.id}>
                      <button
                        type="button"
                        style="width:100%;text-align:left"
                        disabled={busy}
                        aria-label={t('tplInsertNamedItems', [choice.title, tn('tplItems', choice.items.length)])}
                        onClick={() => void insert(choice.title, choice.items)}
                      >
                        <strong>{choice.title}</strong> <span class="muted">· {tn('tplItems', choice.items.length)}</span>
                        <div class="muted">{choice.items.slice(0, 3).join(' · ')}{choice.items.length > 3 ? ' …' : ''}</div>
                      </button>
                    </li>
                  ))}
                </ul>
              )}
              <details>
                <summary>{t('tplNewChecklist')}</summary>
                <label>
                  <span class="muted">{t('tplChecklistName')}</span>
                  <input type="text" value={draftTitle} maxLength={250} onInput={(event) => setDraftTitle(event.currentTarget.value)} />
                </label>
                <label>
                  <span class="muted">{t('tplChecklistItems')}</span>
                  <textarea rows={4} value={draftItems} onInput={(event) => setDraftItems(event.currentTarget.value)} />
                </label>
                <button type="button" class="primary" disabled={busy || !draftTitle.trim() || draft.length === 0} onClick={() => void insert(draftTitle.trim(), draft)}>
                  {t('tplInsertAndSave')}
                </button>
              </details>
            </>
          )}
          {outcome && (
            <p class={outcome.ok ? '' : 'error'} role={outcome.ok ? 'status' : 'alert'}>
              {outcome.message}
            </p>
          )}
        </div>
      </div>
    </div>
  );
}
