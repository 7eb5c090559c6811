/**
 * The quick-reply list (its own chunk): a search box that is a combobox over
 * a listbox of replies, most used first. Arrows move, Enter inserts, Escape
 * goes back to the editor; a variable with no value is asked for first. The
 * library is kept between openings, so the list shows at once and is read
 * again behind it.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { t, tn, type MessageKey } from '@/lib/i18n';
import { formatDay } from '@/lib/format';
import { ask } from '@/lib/messages';
import {
  fillReply,
  missingVariables,
  orderReplies,
  replyIndex,
  searchReplies,
  type ListedReply,
  type ReplyValues,
  type ReplyVariable,
} from '@/lib/quick-replies';
import type { QuickReplyLibrary, ReplyContext } from '@/lib/quick-replies/protocol';
import { useEscape } from '../templates/dialog';
import { insertReply, returnToEditor, typedAfterSlash, type EditorSpot } from './editor';

export interface ReplyListProps {
  spot: EditorSpot;
  origin: string;
  taskId: string;
  onClose: () => void;
}

let kept: QuickReplyLibrary | undefined;

/**
 * Options drawn at first, and added as the list scrolls or the arrows go
 * past them: with hundreds of replies the list still opens within a frame
 * (each option says its place in the whole list to screen readers).
 */
export const REPLIES_DRAWN = 30;

const VARIABLE_LABELS: Record<ReplyVariable, MessageKey> = {
  client_name: 'qrVarClientName',
  client_first_name: 'qrVarClientFirstName',
  project: 'qrVarProject',
  task: 'qrVarTask',
  due_date: 'qrVarDueDate',
  my_name: 'qrVarMyName',
  today: 'qrVarToday',
};

/** The variables' values as the reply writes them: days in the UI language. */
function valuesOf(context: ReplyContext | null): ReplyValues {
  const now = new Date();
  const localToday = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  const values: ReplyValues = { ...context?.values, today: formatDay(context?.today ?? localToday) };
  if (context?.dueDate) values.due_date = formatDay(context.dueDate);
  return values;
}

const previews = new Map<string, string>();

/** The reply's main paragraph (after a greeting), on one line (made once per text). */
function preview(body: string): string {
  let line = previews.get(body);
  if (line === undefined) previews.set(body, (line = previewOf(body)));
  return line;
}

function previewOf(body: string): string {
  const paragraphs = body.split(/\n\s*\n/);
  const main = paragraphs.length > 1 ? paragraphs[1]! : paragraphs[0]!;
  const line = main.replace(/\s+/g, ' ').trim();
  return line.length > 110 ? `${line.slice(0, 109)}…` : line;
}

interface Asking {
  entry: ListedReply;
  values: ReplyValues;
  missing: ReplyVariable[];
  answers: Partial<Record<ReplyVariable, string>>;
}

export function ReplyList({ spot, origin, taskId, onClose }: ReplyListProps) {
  // What was typed after the `/` before the list had loaded: the search starts with it.
  const typed = useMemo(() => (spot.slash ? typedAfterSlash(spot) : ''), [spot]);
  const [query, setQuery] = useState(typed);
  const [library, setLibrary] = useState(kept);
  const [problem, setProblem] = useState<string | undefined>();
  const [active, setActive] = useState(0);
  const [drawn, setDrawn] = useState(REPLIES_DRAWN);
  const [asking, setAsking] = useState<Asking | null>(null);
  const panel = useRef<HTMLDivElement>(null);
  const search = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const context = useMemo(() => ask('quick-replies/context', { origin, taskId }).then((reply) => (reply.ok ? reply.value : null)), [origin, taskId]);

  useEffect(() => {
    void ask('quick-replies/library', {}).then((reply) => {
      if (!reply.ok) return setProblem(t('qrLoadFailed', reply.problem.message));
      kept = reply.value;
      setLibrary(reply.value);
    });
    // Clicking anywhere else closes the list and leaves the editor as it is.
    const outside = (event: PointerEvent) => {
      if (panel.current && !event.composedPath().includes(panel.current)) onClose();
    };
    document.addEventListener('pointerdown', outside, { capture: true });
    return () => document.removeEventListener('pointerdown', outside, { capture: true });
  }, []);

  const back = () => {
    returnToEditor(spot, typed);
    onClose();
  };
  useEscape(back);

  const index = useMemo(() => library && replyIndex(library.entries), [library]);
  const shown = useMemo(() => (index ? searchReplies(index, query) : []), [index, query]);
  useEffect(() => {
    setActive(0);
    setDrawn(REPLIES_DRAWN);
  }, [query]);
  // The active option is always drawn (the arrows can go past the drawn ones).
  const visible = shown.slice(0, Math.max(drawn, active + 1));
  useEffect(() => {
    list.current?.children[active]?.scrollIntoView?.({ block: 'nearest' });
  }, [active]);

  // Asking: the first question has focus; else the search box. In the task that draws the list, so a
  // key pressed right after the "/" lands in the search, not in the editor behind it.
  const askingFor = asking?.entry.key;
  useLayoutEffect(() => {
    if (askingFor) panel.current?.querySelector<HTMLInputElement>('#qr-ask-0')?.focus();
    else if (askingFor === undefined) search.current?.focus();
  }, [askingFor]);

  const insert = (entry: ListedReply, values: ReplyValues) => {
    if (!insertReply(spot, fillReply(entry.reply.body, values), typed)) {
      setAsking(null);
      return setProblem(t('qrEditorGone'));
    }
    onClose();
    void ask('quick-replies/used', { source: entry.source, id: entry.reply.id });
    if (kept) {
      const now = Date.now();
      const entries = kept.entries.map((candidate) => (candidate.key === entry.key ? { ...candidate, uses: candidate.uses + 1, usedAt: now } : candidate));
      kept = { ...kept, entries: orderReplies(entries, kept.language) };
    }
  };

  const choose = async (entry: ListedReply) => {
    const values = valuesOf(await context);
    const missing = missingVariables(entry.reply.body, values);
    if (missing.length === 0) return insert(entry, values);
    setAsking({ entry, values, missing, answers: {} });
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const count = shown.length;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (count > 0) setActive((active + (event.key === 'ArrowDown' ? 1 : count - 1)) % count);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const entry = shown[active];
      if (entry) void choose(entry);
    } else if (event.key === 'Escape') {
      // Also before useEscape's listener is in (it is an effect, after the first paint).
      event.preventDefault();
      back();
    } else return;
    // Worksection's own shortcuts never see the keys the list used.
    event.stopPropagation();
  };

  const onSearch = (value: string) => {
    // "/ " is a slash, not a search: the list goes and the editor gets what was typed.
    if (spot.slash && typed === '' && /^\s/.test(value)) {
      back();
      spot.editor.ownerDocument.execCommand('insertText', false, value);
      return;
    }
    setQuery(value);
  };

  if (asking) {
    const { entry, values, missing, answers } = asking;
    return (
      <div class="panel" role="dialog" aria-labelledby="qr-ask-title" ref={panel}>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            insert(entry, { ...values, ...answers });
          }}
        >
          <p id="qr-ask-title" class="ask-title">
            {t('qrAskTitle', entry.reply.title)}
          </p>
          {missing.map((name, position) => (
            <label key={name} class="field">
              <span>{t(VARIABLE_LABELS[name])}</span>
              <input
                type="text"
                required
                value={answers[name] ?? ''}
                id={`qr-ask-${position}`}
                onInput={(event) => setAsking({ ...asking, answers: { ...answers, [name]: event.currentTarget.value } })}
              />
            </label>
          ))}
          <div class="actions">
            <button type="submit" class="primary">
              {t('qrInsert')}
            </button>
            <button type="button" onClick={() => setAsking(null)}>
              {t('qrBack')}
            </button>
          </div>
        </form>
      </div>
    );
  }

  const activeEntry = shown[active];
  return (
    <div class="panel" role="dialog" aria-label={t('qrDialogLabel')} ref={panel}>
      <input
        ref={search}
        type="text"
        role="combobox"
        aria-label={t('qrSearchLabel')}
        aria-expanded="true"
        aria-controls="qr-listbox"
        aria-autocomplete="list"
        aria-activedescendant={activeEntry ? `qr-option-${active}` : undefined}
        aria-describedby="qr-keys"
        placeholder={t('qrSearchPlaceholder')}
        autocomplete="off"
        spellcheck={false}
        value={query}
        onInput={(event) => onSearch(event.currentTarget.value)}
        onKeyDown={onKeyDown}
      />
      {problem && (
        <p class="error" role="alert">
          {problem}
        </p>
      )}
      {library?.teamProblem && <p class="muted">{library.teamProblem}</p>}
      <ul
        id="qr-listbox"
        role="listbox"
        aria-label={t('qrListLabel')}
        ref={list}
        onScroll={(event) => {
          const box = event.currentTarget;
          if (visible.length < shown.length && box.scrollTop + box.clientHeight >= box.scrollHeight - 60) setDrawn(visible.length + REPLIES_DRAWN);
        }}
      >
        {visible.map((entry, position) => (
          <li
            key={entry.key}
            id={`qr-option-${position}`}
            role="option"
            aria-selected={position === active}
            aria-setsize={shown.length}
            aria-posinset={position + 1}
            class={position === active ? 'active' : undefined}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => void choose(entry)}
          >
            <span class="title">{entry.reply.title}</span>
            {entry.source !== 'personal' && <span class="tag">{entry.source === 'team' ? t('qrSourceTeam') : t('qrSourceBuiltin')}</span>}
            <span class="preview">{preview(entry.reply.body)}</span>
          </li>
        ))}
      </ul>
      {visible.length < shown.length && <p class="muted">{tn('qrMore', shown.length - visible.length)}</p>}
      {library && shown.length === 0 && <p class="muted">{t('qrNoMatch')}</p>}
      {!library && !problem && (
        <p class="muted" role="status">
          {t('qrLoading')}
        </p>
      )}
      <p id="qr-keys" class="muted keys">
        {library ? `${tn('qrCount', shown.length)} · ${t('qrKeysHint')}` : t('qrKeysHint')}
      </p>
    </div>
  );
}
