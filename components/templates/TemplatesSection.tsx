// The template editor in options: personal templates in the user's order —
// create, edit (as JSON, validated with "path: problem" messages), duplicate,
// delete, reorder — and import/export of template files.
import { useEffect, useState } from 'preact/hooks';
import { t, tn } from '@/lib/i18n';
import { ask } from '@/lib/messages';
import { countNodes, type Template } from '@/lib/templates/model';
import { FeatureSwitch } from '../options/FeatureSwitch';
import { DeleteButton, EditorActions, ImportButton, ProblemLine } from '../options/library-parts';
import { Locked } from '../options/policy';

const NEW_TEMPLATE = (): Template => ({
  id: `my.template-${Date.now().toString(36)}`,
  name: t('tplNewTemplateName'),
  roles: ['Account manager'],
  tasks: [
    {
      title: t('tplNewTemplateTask'),
      role: 'Account manager',
      startOffset: 0,
      duration: 3,
      checklist: [t('tplNewTemplateItem')],
      subtasks: [],
    },
  ],
});

type Editing = { original?: string; text: string; problem?: string };

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function TemplatesSection() {
  const [templates, setTemplates] = useState<Template[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [confirmDelete, setConfirmDelete] = useState<string | null>(null);

  const refresh = () =>
    void ask('templates/personal/list', {}).then((reply) => {
      if (reply.ok) setTemplates(reply.value);
      else setProblem(reply.problem.message);
    });
  useEffect(refresh, []);

  const run = async <T,>(action: () => Promise<{ ok: true; value: T } | { ok: false; problem: { message: string } }>, done?: (value: T) => void) => {
    setProblem(null);
    setNotice(null);
    const reply = await action();
    if (!reply.ok) {
      setProblem(reply.problem.message);
      return;
    }
    done?.(reply.value);
    refresh();
  };

  const save = async () => {
    if (!editing) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(editing.text);
    } catch (error) {
      setEditing({ ...editing, problem: t('tplEditorNotJson', String((error as Error).message)) });
      return;
    }
    const reply = await ask('templates/personal/save', { template: parsed });
    if (!reply.ok) {
      setEditing({ ...editing, problem: reply.problem.message });
      return;
    }
    if (editing.original && editing.original !== reply.value.id) await ask('templates/personal/delete', { id: editing.original });
    setEditing(null);
    setNotice(t('tplSaved', reply.value.name));
    refresh();
  };

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    const text = await file.text();
    await run(() => ask('templates/personal/import', { text }), ({ added, replaced }) => setNotice(t('tplImported', [added, replaced])));
  };

  return (
    <section id="templates" aria-labelledby="templates-heading">
      <h2 id="templates-heading">{t('tplSectionHeading')}</h2>
      <p class="hint">{t('tplSectionIntro')}</p>
      <FeatureSwitch feature="templates" label="settingsTemplatesLabel" hint="settingsTemplatesHint" />
      {problem && <ProblemLine>{problem}</ProblemLine>}
      {notice && <p role="status">{notice}</p>}
      <TeamLibraryChoice />
      <div class="row">
        <button type="button" onClick={() => setEditing({ text: JSON.stringify(NEW_TEMPLATE(), null, 2) })}>
          {t('tplNewTemplate')}
        </button>
        <ImportButton label={t('tplImport')} onFile={(file) => void importFile(file)} />
        <button
          type="button"
          disabled={!templates || templates.length === 0}
          onClick={() => void run(() => ask('templates/personal/export', {}), (text) => download('account-desk-templates.json', text))}
        >
          {t('tplExport')}
        </button>
      </div>
      {editing && (
        <div class="editor">
          <label>
            {t('tplEditorLabel')}
            <textarea rows={18} spellcheck={false} value={editing.text} onInput={(event) => setEditing({ ...editing, text: event.currentTarget.value })} />
          </label>
          <EditorActions problem={editing.problem} save={t('tplSave')} cancel={t('tplCancel')} onSave={() => void save()} onCancel={() => setEditing(null)} />
        </div>
      )}
      {templates === null && !problem && <p class="muted">{t('tplLoading')}</p>}
      {templates?.length === 0 && <p class="muted">{t('tplNoPersonal')}</p>}
      {templates && templates.length > 0 && (
        <ol class="templates">
          {templates.map((template, position) => (
            <li key={template.id}>
              <strong>{template.name}</strong> <span class="muted">· {tn('tplItems', countNodes(template))}</span>{' '}
              <button type="button" onClick={() => setEditing({ original: template.id, text: JSON.stringify(template, null, 2) })} aria-label={t('tplEditNamed', template.name)}>
                {t('tplEdit')}
              </button>{' '}
              <button type="button" onClick={() => void run(() => ask('templates/personal/duplicate', { id: template.id }))} aria-label={t('tplDuplicateNamed', template.name)}>
                {t('tplDuplicate')}
              </button>{' '}
              <button type="button" disabled={position === 0} onClick={() => void run(() => ask('templates/personal/move', { id: template.id, by: -1 }))} aria-label={t('tplMoveUpNamed', template.name)}>
                ↑
              </button>{' '}
              <button
                type="button"
                disabled={position === templates.length - 1}
                onClick={() => void run(() => ask('templates/personal/move', { id: template.id, by: 1 }))}
                aria-label={t('tplMoveDownNamed', template.name)}
              >
                ↓
              </button>{' '}
              <DeleteButton
                armed={confirmDelete === template.id}
                labels={{ delete: t('tplDelete'), deleteNamed: t('tplDeleteNamed', template.name), confirm: t('tplConfirmDelete', template.name), cancel: t('tplCancel') }}
                onArm={() => setConfirmDelete(template.id)}
                onDisarm={() => setConfirmDelete(null)}
                onDelete={() => {
                  setConfirmDelete(null);
                  void run(() => ask('templates/personal/delete', { id: template.id }));
                }}
              />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** Which Worksection project holds the team's templates (each top-level task a template). */
function TeamLibraryChoice() {
  const [projects, setProjects] = useState<Array<{ id: string; name: string }> | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const [message, setMessage] = useState<{ text: string; failed: boolean } | null>(null);
  const [unavailable, setUnavailable] = useState<string | null>(null);

  useEffect(() => {
    void ask('settings/get', {}).then((reply) => {
      if (reply.ok) setChosen(reply.value.templates.teamProjectId);
      // Without the current choice the select stays disabled: say why, rather than look stuck.
      else setMessage({ text: t('tplTeamSettingsFailed', reply.problem.message), failed: true });
    });
    void ask('templates/projects', {}).then((reply) => {
      // Not connected yet: the choice simply waits (no alert: connecting is the connection section's business).
      if (reply.ok) setProjects(reply.value);
      else setUnavailable(reply.problem.message);
    });
  }, []);

  const choose = async (teamProjectId: string) => {
    setChosen(teamProjectId);
    const reply = await ask('settings/save', { patch: { templates: { teamProjectId } } });
    setMessage(reply.ok ? { text: t('tplTeamSaved'), failed: false } : { text: reply.problem.message, failed: true });
  };

  return (
    <Locked path="templates.teamProjectId">
      <p>
        <label>
          {t('tplTeamProject')}{' '}
          <select value={chosen ?? ''} disabled={projects === null || chosen === null} onChange={(event) => void choose(event.currentTarget.value)}>
            <option value="">{t('tplTeamNone')}</option>
            {projects?.map((project) => (
              <option key={project.id} value={project.id}>
                {project.name}
              </option>
            ))}
          </select>
        </label>{' '}
        <span class="muted">{unavailable ?? t('tplTeamHint')}</span>
        {message && (
          <span class={message.failed ? 'error' : ''} role={message.failed ? 'alert' : 'status'}>
            {' '}
            {message.text}
          </span>
        )}
      </p>
    </Locked>
  );
}
