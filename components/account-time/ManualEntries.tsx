import { useState } from 'preact/hooks';
import { otherAccountOf } from '@/lib/account-time/accounts';
import { MANUAL_KINDS } from '@/lib/account-time/manual';
import type { ManualEntry, ManualKind } from '@/lib/account-time/types';
import { t, type MessageKey } from '@/lib/i18n';
import { ask } from '@/lib/messages';

const KIND_LABELS: Record<ManualKind, MessageKey> = {
  invoice: 'timeKindInvoice',
  report: 'timeKindReport',
  call: 'timeKindCall',
  other: 'timeKindOther',
};

interface Props {
  projectId: string;
  /** Today in the account's time zone ("YYYY-MM-DD", from the background): a new entry's date. */
  today: string;
  /** The page's account: entries made for another one are marked with its host. */
  origin: string;
  entries: ManualEntry[];
  /** Called after any change, to reload totals and entries. */
  onChanged(): void;
}

interface Draft {
  id?: number;
  date: string;
  minutes: string;
  kind: ManualKind;
  note: string;
}

/** Account work outside threads: add, edit and delete entries for this project. */
export function ManualEntries({ projectId, today, origin, entries, onChanged }: Props) {
  const [draft, setDraft] = useState<Draft | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const startNew = () => {
    setProblem(null);
    setDraft({ date: today, minutes: '', kind: 'call', note: '' });
  };
  const startEdit = (entry: ManualEntry) => {
    setProblem(null);
    setDraft({ id: entry.id, date: entry.date, minutes: String(entry.minutes), kind: entry.kind, note: entry.note });
  };

  const save = async (event: Event) => {
    event.preventDefault();
    if (!draft) return;
    setBusy(true);
    const minutes = Number(draft.minutes);
    const reply = await ask('time/entry-save', {
      entry: { id: draft.id, projectId, date: draft.date, minutes: draft.minutes.trim() === '' ? Number.NaN : minutes, kind: draft.kind, note: draft.note },
    });
    setBusy(false);
    if (!reply.ok) {
      setProblem(reply.problem.message);
      return;
    }
    setDraft(null);
    onChanged();
  };

  const remove = async (entry: ManualEntry) => {
    if (entry.id === undefined) return;
    const reply = await ask('time/entry-delete', { id: entry.id });
    if (!reply.ok) setProblem(reply.problem.message);
    else onChanged();
  };

  return (
    <div class="entries">
      {entries.length > 0 && (
        <ul aria-label={t('timeEntriesLabel')}>
          {entries.slice(0, 10).map((entry) => (
            <li key={entry.id} data-other-account={otherAccountOf(entry, origin)}>
              <span>
                {entry.date} · {t(KIND_LABELS[entry.kind])} · {t('timeMinutes', [entry.minutes])}
                {entry.note && ` · ${entry.note}`}
                {otherAccountOf(entry, origin) && <span class="muted"> · {t('timeOtherAccount', otherAccountOf(entry, origin)!)}</span>}
              </span>
              <button type="button" class="link" onClick={() => startEdit(entry)} aria-label={t('timeEditEntry', [entry.date, entry.minutes])}>
                {t('timeEdit')}
              </button>
              <button type="button" class="link" onClick={() => void remove(entry)} aria-label={t('timeDeleteEntry', [entry.date, entry.minutes])}>
                {t('timeDelete')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {draft ? (
        <form class="entry-form" noValidate onSubmit={(event) => void save(event)} aria-label={draft.id === undefined ? t('timeAddEntry') : t('timeEditEntryTitle')}>
          <label>
            {t('timeEntryDate')}
            <input type="date" required value={draft.date} onInput={(e) => setDraft({ ...draft, date: e.currentTarget.value })} />
          </label>
          <label>
            {t('timeEntryMinutes')}
            <input type="number" min={1} max={1440} step={1} required value={draft.minutes} onInput={(e) => setDraft({ ...draft, minutes: e.currentTarget.value })} />
          </label>
          <label>
            {t('timeEntryKind')}
            <select value={draft.kind} onChange={(e) => setDraft({ ...draft, kind: e.currentTarget.value as ManualKind })}>
              {MANUAL_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(KIND_LABELS[kind])}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('timeEntryNote')}
            <input type="text" maxLength={500} value={draft.note} onInput={(e) => setDraft({ ...draft, note: e.currentTarget.value })} />
          </label>
          <button type="submit" class="primary" disabled={busy}>
            {t('timeSave')}
          </button>
          <button type="button" onClick={() => setDraft(null)}>
            {t('timeCancel')}
          </button>
        </form>
      ) : (
        <button type="button" onClick={startNew}>
          {t('timeAddEntry')}
        </button>
      )}
      {problem && (
        <p role="alert" class="problem">
          {problem}
        </p>
      )}
    </div>
  );
}
