// The template picker on a project page: choose a template (search, preview of
// the tree with dates and people), map its roles to the project's people, pick
// a start date, Create; then progress, and a summary with links. An
// interrupted application of this project is offered for Resume or Cancel.
import { Fragment } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { formatDateTime } from '@/lib/format';
import { t, tn } from '@/lib/i18n';
import { ask, type Problem, type Result } from '@/lib/messages';
import type { Settings } from '@/lib/settings';
import { expandTemplate, type PlannedTask } from '@/lib/templates/expand';
import { suggestRoleMapping, type RoleMapping } from '@/lib/templates/roles';
import type { Template } from '@/lib/templates/model';
import type { ApplicationView, ProjectPeople, TemplateLibrary, TemplateSummary } from '@/lib/templates/protocol';
import { useAsk, type Asked } from '../use-ask';
import { todayIso, trapFocus, useEscape } from './dialog';
import { buildSearchIndex, orderEntries, searchTemplates } from './search';

interface Props {
  origin: string;
  projectId: string;
  /** The page's settings read (FeatureContext.settings): one for every feature, not another message. */
  settings: () => Promise<Result<Settings>>;
  onClose: () => void;
}

interface Loaded {
  library: TemplateLibrary;
  settings: Settings;
  applications: ApplicationView[];
}

type People = Asked<ProjectPeople>;
const NO_PEOPLE: ProjectPeople = { projectName: '', members: [], teamEmails: [], remembered: {} };

const entryKey = (entry: TemplateSummary): string => `${entry.source}:${entry.id}`;
const POLL_MS = 600;

/**
 * What the picker last showed for each project on this page: opened again, it
 * lists at once (a library of hundreds of templates is read from the
 * background's database each time) and takes the fresh answer when it comes.
 */
const lastShown = new Map<string, Loaded>();
const lastPeople = new Map<string, ProjectPeople>();

export function Picker({ origin, projectId, settings: readSettings, onClose }: Props) {
  const dialog = useRef<HTMLDivElement>(null);
  const [attempt, setAttempt] = useState(0);
  const shownKey = `${origin}|${projectId}`;
  // The people come from the API (throttled, cached at connect): the library shows without waiting for them.
  const { asked: people } = useAsk(() => ask('templates/people', { origin, projectId }), [shownKey, attempt], { answers: lastPeople, key: shownKey });
  const { asked: load } = useAsk(
    async (): Promise<Result<Loaded>> => {
      const [library, settings, applications] = await Promise.all([ask('templates/library', {}), readSettings(), ask('templates/applications', { origin, projectId })]);
      if (!library.ok) return library;
      if (!settings.ok) return settings;
      if (!applications.ok) return applications;
      return { ok: true, value: { library: library.value, settings: settings.value, applications: applications.value } };
    },
    [shownKey, attempt],
    { answers: lastShown, key: shownKey },
  );

  useEffect(() => {
    // The search field when there is one (typing is what most people do first), else the first button.
    (dialog.current?.querySelector<HTMLElement>('input[type=search]') ?? dialog.current?.querySelector<HTMLElement>('button'))?.focus();
  }, [load.state]);

  useEscape(onClose);
  const onKeyDown = (event: KeyboardEvent) => {
    if (dialog.current) trapFocus(dialog.current, onClose)(event);
  };

  return (
    <div class="backdrop" onMouseDown={(event) => event.target === event.currentTarget && onClose()}>
      <div class="dialog" role="dialog" aria-modal="true" aria-labelledby="tpl-title" ref={dialog} onKeyDown={onKeyDown}>
        <header>
          <h2 id="tpl-title">{t('tplPickerTitle')}</h2>
          <button type="button" onClick={onClose} aria-label={t('tplClose')}>
            ✕
          </button>
        </header>
        {load.state === 'loading' && (
          <p class="single muted" role="status">
            {t('tplLoading')}
          </p>
        )}
        {load.state === 'error' && (
          <div class="single">
            <p class="error" role="alert">
              {t('tplLoadFailed', load.problem.message)}
            </p>
            <button type="button" onClick={() => setAttempt(attempt + 1)}>
              {t('tplRetry')}
            </button>
          </div>
        )}
        {load.state === 'ready' && <Ready origin={origin} projectId={projectId} data={load.value} people={people} />}
      </div>
    </div>
  );
}

export function Ready({ origin, projectId, data, people: peopleLoad }: { origin: string; projectId: string; data: Loaded; people: People }) {
  const people = peopleLoad.state === 'ready' ? peopleLoad.value : NO_PEOPLE;
  const entries = useMemo(() => orderEntries(data.library.entries, data.library.language), [data.library]);
  const index = useMemo(() => buildSearchIndex(entries), [entries]);
  const [query, setQuery] = useState('');
  const found = useMemo(() => searchTemplates(index, query), [index, query]);
  const [selectedKey, setSelectedKey] = useState<string | undefined>(entries[0] && entryKey(entries[0]));
  const selectedSummary = entries.find((entry) => entryKey(entry) === selectedKey);
  // The full tree of the selected template, fetched on selection (the list carries summaries).
  const [trees, setTrees] = useState<ReadonlyMap<string, Template | Problem>>(new Map());
  const tree = selectedKey === undefined ? undefined : trees.get(selectedKey);
  const selected = selectedSummary && tree && 'tasks' in tree ? { source: selectedSummary.source, template: tree } : undefined;
  const [roles, setRoles] = useState<RoleMapping>({});
  const [startDate, setStartDate] = useState(() => todayIso(data.settings.account.timeZone));
  const interrupted = data.applications.find((view) => view.application.status === 'stopped' || (view.application.status === 'running' && !view.live));
  const [running, setRunning] = useState<ApplicationView | undefined>(data.applications.find((view) => view.live));
  const [problem, setProblem] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  // Asked before creating a template with roles and nobody for any of them.
  const [confirmingNobody, setConfirmingNobody] = useState(false);

  useEffect(() => {
    if (!selectedSummary || trees.has(entryKey(selectedSummary))) return;
    const key = entryKey(selectedSummary);
    void ask('templates/template', { source: selectedSummary.source, id: selectedSummary.id }).then((reply) =>
      setTrees((known) => new Map(known).set(key, reply.ok ? reply.value : reply.problem)),
    );
  }, [selectedKey]);

  useEffect(() => {
    if (selected) setRoles(suggestRoleMapping(selected.template.roles, people.members, people.remembered, people.teamEmails));
  }, [selectedKey, selected !== undefined, peopleLoad.state]);

  // Progress: the background keeps it in the journal; we read it back.
  useEffect(() => {
    if (!running || !running.live) return;
    const timer = setInterval(() => {
      void ask('templates/application', { id: running.application.id }).then((reply) => {
        if (reply.ok) setRunning(reply.value);
      });
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [running?.application.id, running?.live]);

  const preview = useMemo<PlannedTask[] | { error: string } | undefined>(() => {
    if (!selected) return undefined;
    try {
      return expandTemplate(selected.template, {
        startDate,
        calendar: data.settings.businessHours,
        roles,
        teamEmails: people.teamEmails,
      });
    } catch (error) {
      return { error: String((error as Error).message) };
    }
  }, [selected, startDate, roles, people]);

  const act = async (run: () => Promise<{ ok: true; value: ApplicationView } | { ok: false; problem: Problem }>) => {
    setBusy(true);
    setProblem(undefined);
    const reply = await run();
    setBusy(false);
    if (reply.ok) setRunning(reply.value);
    else setProblem(reply.problem.message);
  };

  const allRolesEmpty = selected !== undefined && selected.template.roles.length > 0 && selected.template.roles.every((role) => !roles[role]);
  useEffect(() => setConfirmingNobody(false), [selectedKey, roles]);
  // The question takes the focus (keyboard and screen reader users hear it); its safe answer is first.
  const backButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirmingNobody) backButton.current?.focus();
  }, [confirmingNobody]);

  const create = () =>
    selected &&
    act(() =>
      ask('templates/apply', { origin, projectId, source: selected.source, templateId: selected.template.id, startDate, roles }),
    );

  const selectedShown = found.some((entry) => entryKey(entry) === selectedKey);

  if (running) return <Progress origin={origin} view={running} busy={busy} problem={problem} act={act} />;

  const nameOf = (email: string) => people.members.find((member) => member.email === email)?.name ?? email;

  return (
    <>
      <div class="body">
        <div>
          {interrupted && (
            <div class="notice" role="status">
              <p style="margin:0 0 6px">{interrupted.summary}</p>
              <button type="button" class="primary" disabled={busy} onClick={() => void act(() => ask('templates/resume', { id: interrupted.application.id }))}>
                {t('tplResume')}
              </button>{' '}
              <button type="button" disabled={busy} onClick={() => void act(() => ask('templates/cancel', { id: interrupted.application.id }))}>
                {t('tplCancel')}
              </button>
            </div>
          )}
          {data.library.teamProblem && (
            <p class="error" role="alert">
              {data.library.teamProblem}
            </p>
          )}
          <label>
            <span class="muted">{t('tplSearch')}</span>
            <input type="search" value={query} onInput={(event) => setQuery(event.currentTarget.value)} aria-controls="tpl-list" />
          </label>
          {found.length === 0 ? (
            <p class="muted">{entries.length === 0 ? t('tplEmptyLibrary') : t('tplNoMatch')}</p>
          ) : (
            <ul
              class="list"
              id="tpl-list"
              role="listbox"
              aria-label={t('tplListLabel')}
              onKeyDown={(event) => {
                // Enter or Space chooses the option that has the focus (after a search, the first one shown, not yet chosen).
                const option = (event.target as HTMLElement).closest<HTMLElement>('[role=option]');
                if ((event.key === 'Enter' || event.key === ' ') && option?.dataset.key) {
                  event.preventDefault();
                  setSelectedKey(option.dataset.key);
                  return;
                }
                // One tab stop for the whole list; arrows move the selection (and focus) through it.
                const step = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0;
                if (step === 0) return;
                event.preventDefault();
                const at = found.findIndex((entry) => entryKey(entry) === selectedKey);
                const next = found[Math.min(found.length - 1, Math.max(0, at + step))];
                if (!next) return;
                setSelectedKey(entryKey(next));
                const list = event.currentTarget;
                requestAnimationFrame(() => list.querySelector<HTMLElement>('[aria-selected="true"]')?.focus());
              }}
            >
              {found.map((entry, position) => {
                const key = entryKey(entry);
                const focusable = key === selectedKey || (position === 0 && !selectedShown);
                return (
                  <li
                    key={key}
                    role="option"
                    tabIndex={focusable ? 0 : -1}
                    aria-selected={key === selectedKey}
                    data-key={key}
                    onClick={() => setSelectedKey(key)}
                  >
                    {entry.name}
                    <div class="source">
                      {entry.source === 'personal' ? t('tplSourcePersonal') : entry.source === 'team' ? t('tplSourceTeam') : t('tplSourceBuiltin')}
                      {entry.language ? ` · ${entry.language.toUpperCase()}` : ''} · {tn('tplWillCreate', entry.nodes)}
                    </div>
                  </li>
                );
              })}
            </ul>
          )}
        </div>
        <div>
          {selected ? (
            <>
              <h3>{selected.template.name}</h3>
              {selected.template.description && <p class="muted">{selected.template.description}</p>}
              {peopleLoad.state === 'loading' && selected.template.roles.length > 0 && (
                <p class="muted" role="status">
                  {t('tplLoadingPeople')}
                </p>
              )}
              {peopleLoad.state === 'ready' && peopleLoad.value.stale && selected.template.roles.length > 0 && (
                <p class="muted" role="status">
                  {t('tplPeopleStale', [formatDateTime(peopleLoad.value.stale.since), peopleLoad.value.stale.problem])}
                </p>
              )}
              {peopleLoad.state === 'error' && (
                <p class="error" role="alert">
                  {t('tplLoadFailed', peopleLoad.problem.message)}
                </p>
              )}
              {selected.template.roles.length > 0 && (
                <div class="roles">
                  {selected.template.roles.map((role) => (
                    <Fragment key={role}>
                      <span aria-hidden="true">{role}</span>
                      <select aria-label={role} value={roles[role] ?? ''} onChange={(event) => setRoles({ ...roles, [role]: event.currentTarget.value })}>
                        <option value="">{t('tplNobody')}</option>
                        {people.members.map((member) => (
                          <option key={member.email} value={member.email}>
                            {member.name}
                          </option>
                        ))}
                      </select>
                    </Fragment>
                  ))}
                </div>
              )}
              <label>
                <span class="muted">{t('tplStartDate')}</span>
                <input type="date" value={startDate} required onInput={(event) => setStartDate(event.currentTarget.value)} />
              </label>
              <h3>{t('tplPreview')}</h3>
              {preview && 'error' in preview ? (
                <p class="error">{preview.error}</p>
              ) : (
                preview && <PreviewTree planned={preview} nameOf={nameOf} />
              )}
            </>
          ) : tree && !('tasks' in tree) ? (
            <p class="error" role="alert">
              {t('tplLoadFailed', tree.message)}
            </p>
          ) : selectedSummary ? (
            <p class="muted" role="status">
              {t('tplLoading')}
            </p>
          ) : (
            <p class="muted">{t('tplChoose')}</p>
          )}
        </div>
      </div>
      <div class="footer">
        {problem && (
          <span class="error" role="alert">
            {problem}
          </span>
        )}
        {confirmingNobody && preview && !('error' in preview) ? (
          <div class="confirm" role="alertdialog" aria-labelledby="tpl-nobody" aria-modal="false">
            <span id="tpl-nobody">{tn('tplNobodyConfirm', preview.length)}</span>{' '}
            <button type="button" disabled={busy} onClick={() => setConfirmingNobody(false)} ref={backButton}>
              {t('tplNobodyBack')}
            </button>{' '}
            <button type="button" class="primary" disabled={busy} onClick={() => void create()}>
              {t('tplNobodyCreate')}
            </button>
          </div>
        ) : (
          <>
            <span class="muted">{preview && !('error' in preview) ? tn('tplWillCreate', preview.length) : ''}</span>
            <button
              type="button"
              class="primary"
              disabled={!selected || busy || peopleLoad.state !== 'ready' || !preview || 'error' in preview}
              onClick={() => (allRolesEmpty ? setConfirmingNobody(true) : void create())}
            >
              {t('tplCreate')}
            </button>
          </>
        )}
      </div>
    </>
  );
}

function PreviewTree({ planned, nameOf }: { planned: PlannedTask[]; nameOf: (email: string) => string }) {
  const children = (parentKey: string | undefined) => planned.filter((task) => task.parentKey === parentKey);
  const render = (parentKey: string | undefined) => {
    const level = children(parentKey);
    if (level.length === 0) return null;
    return (
      <ul class={parentKey === undefined ? 'tree' : undefined}>
        {level.map((task) => (
          <li key={task.key}>
            <strong>{task.title}</strong>{' '}
            <span class="meta">
              {task.emailUserTo === 'NOONE' ? t('tplNobody') : nameOf(task.emailUserTo)} · {task.dateStart} → {task.dateEnd}
              {task.hidden ? ` · ${t('tplHiddenFromClient')}` : ''}
            </span>
            {task.todo.length > 0 && (
              <ul class="todo">
                {task.todo.map((item, position) => (
                  <li key={position}>☐ {item}</li>
                ))}
              </ul>
            )}
            {render(task.key)}
          </li>
        ))}
      </ul>
    );
  };
  return render(undefined);
}

function Progress({
  origin,
  view,
  busy,
  problem,
  act,
}: {
  origin: string;
  view: ApplicationView;
  busy: boolean;
  problem: string | undefined;
  act: (run: () => Promise<{ ok: true; value: ApplicationView } | { ok: false; problem: Problem }>) => Promise<void>;
}) {
  const { application, progress } = view;
  const unfinished = application.status === 'stopped' || (application.status === 'running' && !view.live);
  // Only links that stay on this account (a stored page is data: the backup import checks it too).
  const created = application.nodes.filter((node) => node.state === 'created' && node.page && new URL(node.page, origin).origin === origin);
  return (
    <>
      <div class="single">
        <h3>{application.templateName}</h3>
        <progress max={progress.total} value={progress.created} aria-label={t('tplProgressLabel')} />
        <p role="status" aria-live="polite">
          {view.live ? t('tplCreating', [progress.created, progress.total]) : view.summary}
        </p>
        {problem && (
          <p class="error" role="alert">
            {problem}
          </p>
        )}
        {created.length > 0 && !view.live && (
          <ul class="created">
            {created.map((node) => (
              <li key={node.planned.key} style={`margin-left:${(node.planned.key.split('.').length - 1) * 16}px`}>
                <a href={new URL(node.page!, origin).href} target="_top">
                  {node.planned.title}
                </a>
              </li>
            ))}
          </ul>
        )}
      </div>
      <div class="footer">
        {unfinished && (
          <button type="button" class="primary" disabled={busy} onClick={() => void act(() => ask('templates/resume', { id: application.id }))}>
            {t('tplResume')}
          </button>
        )}
        {(unfinished || view.live) && (
          <button type="button" disabled={busy} onClick={() => void act(() => ask('templates/cancel', { id: application.id }))}>
            {t('tplCancel')}
          </button>
        )}
      </div>
    </>
  );
}
