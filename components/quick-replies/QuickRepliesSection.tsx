// Quick replies in options: the feature's switch, the personal replies —
// write, edit, delete — and import/export of reply files (validated by the
// background: a bad file changes nothing and says why). Where the team's
// and the built-in replies come from is said here too.
import { useEffect, useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { ask } from '@/lib/messages';
import { REPLY_VARIABLES, type QuickReply } from '@/lib/quick-replies';
import { FeatureSwitch } from '../options/FeatureSwitch';
import { DeleteButton, EditorActions, ImportButton, ProblemLine } from '../options/library-parts';
import { downloadText } from '../reports/download';

interface Editing {
  /** The id of the reply being edited; absent for a new one. */
  original?: string;
  title: string;
  body: string;
  problem?: string;
}

const newId = () => `my.${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;

export function QuickRepliesSection() {
  const [replies, setReplies] = useState<QuickReply[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [confirmDelete, setConfirmDelete] = useState<string | null>(null);

  const refresh = () =>
    void ask('quick-replies/personal/list', {}).then((reply) => {
      if (reply.ok) setReplies(reply.value);
      else setProblem(reply.problem.message);
    });
  useEffect(refresh, []);

  const save = async () => {
    if (!editing) return;
    const id = editing.original ?? newId();
    const kept = replies?.find((reply) => reply.id === editing.original);
    const draft: QuickReply = { id, title: editing.title, body: editing.body, ...(kept?.language ? { language: kept.language } : {}) };
    const reply = await ask('quick-replies/personal/save', { reply: draft });
    if (!reply.ok) return setEditing({ ...editing, problem: reply.problem.message });
    setEditing(null);
    setProblem(null);
    setNotice(t('qrSaved', reply.value.title));
    refresh();
  };

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    setProblem(null);
    setNotice(null);
    const reply = await ask('quick-replies/personal/import', { text: await file.text() });
    if (!reply.ok) return setProblem(reply.problem.message);
    setNotice(t('qrImported', [reply.value.added, reply.value.replaced]));
    refresh();
  };

  const exportFile = async () => {
    setProblem(null);
    const reply = await ask('quick-replies/personal/export', {});
    if (reply.ok) downloadText('account-desk-quick-replies.json', reply.value, 'application/json');
    else setProblem(reply.problem.message);
  };

  const remove = async (id: string) => {
    setConfirmDelete(null);
    const reply = await ask('quick-replies/personal/delete', { id });
    if (!reply.ok) setProblem(reply.problem.message);
    refresh();
  };

  return (
    <section id="quick-replies" aria-labelledby="quick-replies-heading">
      <h2 id="quick-replies-heading">{t('qrSectionHeading')}</h2>
      <p class="hint">{t('qrSectionIntro')}</p>
      <FeatureSwitch feature="quickReplies" label="settingsQuickRepliesLabel" hint="settingsQuickRepliesHint" />
      <p class="hint">{t('qrVariablesHint', REPLY_VARIABLES.map((name) => `{${name}}`).join(' '))}</p>
      <p class="hint">{t('qrLibrariesHint')}</p>
      {problem && <ProblemLine>{problem}</ProblemLine>}
      {notice && <p role="status">{notice}</p>}
      <div class="row">
        <button type="button" onClick={() => setEditing({ title: '', body: t('qrNewReplyBody') })}>
          {t('qrNewReply')}
        </button>
        <ImportButton label={t('qrImport')} onFile={(file) => void importFile(file)} />
        <button type="button" disabled={!replies || replies.length === 0} onClick={() => void exportFile()}>
          {t('qrExport')}
        </button>
      </div>
      {editing && (
        <div class="editor">
          <label>
            {t('qrTitleLabel')}
            <input type="text" maxLength={120} value={editing.title} onInput={(event) => setEditing({ ...editing, title: event.currentTarget.value })} />
          </label>
          <label>
            {t('qrBodyLabel')}
            <textarea rows={8} value={editing.body} onInput={(event) => setEditing({ ...editing, body: event.currentTarget.value })} />
          </label>
          <EditorActions problem={editing.problem} save={t('qrSave')} cancel={t('qrCancel')} onSave={() => void save()} onCancel={() => setEditing(null)} />
        </div>
      )}
      {replies === null && !problem && <p class="muted">{t('qrLoading')}</p>}
      {replies?.length === 0 && <p class="muted">{t('qrNoPersonal')}</p>}
      {replies && replies.length > 0 && (
        <ol class="templates">
          {replies.map((reply) => (
            <li key={reply.id}>
              <strong>{reply.title}</strong>{' '}
              <button type="button" onClick={() => setEditing({ original: reply.id, title: reply.title, body: reply.body })} aria-label={t('qrEditNamed', reply.title)}>
                {t('qrEdit')}
              </button>{' '}
              <DeleteButton
                armed={confirmDelete === reply.id}
                labels={{ delete: t('qrDelete'), deleteNamed: t('qrDeleteNamed', reply.title), confirm: t('qrConfirmDelete', reply.title), cancel: t('qrCancel') }}
                onArm={() => setConfirmDelete(reply.id)}
                onDisarm={() => setConfirmDelete(null)}
                onDelete={() => void remove(reply.id)}
              />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
