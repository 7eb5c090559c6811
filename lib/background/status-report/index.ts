/**
 * The status report in the background: drafting from few API calls (one
 * get_tasks with subtasks, tags and the latest comments; one get_costs; the
 * private tag list, cached; people from the account directory, cached; the
 * comments the reply sync holds), and posting the report as one comment.
 * The project's report language and the task reports go to are remembered in
 * storage.local (small per-project choices, no table of their own).
 */
import { browser } from 'wxt/browser';
import { db, type AccountDeskDb } from '../../db';
import type { CallerPolicy, Handlers } from '../../messages';
import { t, activeLanguage } from '../../i18n';
import { LANGUAGES, type Language } from '../../locale';
import { localeCatalog } from '../../language';
import { ProblemError } from '../../problem';
import { accountShare } from '../../account-time/share';
import { dayOf, type Period } from '../../account-time/periods';
import { clientDirectory } from '../../replies/clients';
import { buildSections, flattenReportTasks, taskComments, type KnownComment } from '../../status-report/sections';
import { HEALTHS, isStatusReport, lastReport, reportBody, reportTitle, healthWord, type Health, type ReportWords } from '../../status-report/text';
import { reportMarkers, reportWords } from '../../status-report/words';
import { REPORT_PERIODS, type DraftRequest, type PostRequest, type ReportPeriodChoice, type StatusReportDraft, type StatusReportMessages } from '../../status-report/protocol';
import type { WorksectionClient } from '../../worksection/client';
import { wsTimeToMinutes } from '../../worksection/dates';
import type { WsCost, WsTask } from '../../worksection/types';
import { connectedClient, connectionStatus } from '../connection';
import { accountDirectory, type AccountDirectory } from '../directory';
import { chosenPerson } from '../acting-as';
import { getSettings } from '../settings-store';
import type { Settings } from '../../settings';
import { projectAccountTime, writtenBackMinutes } from '../account-time/queries';

export class StatusReportProblem extends ProblemError {
  constructor(
    readonly kind: 'not-connected' | 'other-account' | 'invalid' | 'off',
    message: string,
  ) {
    super(message);
  }
}

const PREFS_KEY = 'statusReport.projects';
/** What a dialog's first draft read is reused this long by its later drafts (another period or language costs no call). */
export const DRAFT_DATA_MAX_AGE_MS = 10 * 60_000;
/** The private tag list changes rarely. */
const PRIVATE_TAGS_MAX_AGE_MS = 10 * 60_000;
const DAY_MS = 86_400_000;
const WEEKS: Record<Exclude<ReportPeriodChoice, 'last-report'>, number> = { '1w': 1, '2w': 2, '4w': 4 };
/** Without an earlier report, "since the last report" means the last two weeks. */
const NO_REPORT_WEEKS = 2;

interface ProjectPrefs {
  language?: Language;
  taskId?: string;
}

const prefsKey = (origin: string, projectId: string) => `${origin} ${projectId}`;

async function readPrefs(origin: string, projectId: string): Promise<ProjectPrefs> {
  const { [PREFS_KEY]: stored } = await browser.storage.local.get(PREFS_KEY);
  const entry = (stored as Record<string, unknown> | undefined)?.[prefsKey(origin, projectId)] as ProjectPrefs | undefined;
  if (!entry || typeof entry !== 'object') return {};
  return {
    ...((LANGUAGES as readonly unknown[]).includes(entry.language) ? { language: entry.language } : {}),
    ...(typeof entry.taskId === 'string' && /^\d+$/.test(entry.taskId) ? { taskId: entry.taskId } : {}),
  };
}

async function savePrefs(origin: string, projectId: string, patch: ProjectPrefs): Promise<void> {
  const { [PREFS_KEY]: stored } = await browser.storage.local.get(PREFS_KEY);
  const all = stored && typeof stored === 'object' ? { ...(stored as Record<string, ProjectPrefs>) } : {};
  all[prefsKey(origin, projectId)] = { ...(await readPrefs(origin, projectId)), ...patch };
  await browser.storage.local.set({ [PREFS_KEY]: all });
}

async function clientFor(origin: string): Promise<WorksectionClient> {
  const connection = await connectedClient({ priority: 'interactive' });
  if (!connection) throw new StatusReportProblem('not-connected', t('srProblemNotConnected'));
  if (connection.origin !== origin) throw new StatusReportProblem('other-account', t('srProblemOtherAccount', new URL(connection.origin).host));
  return connection.client;
}

interface ProjectData {
  tasks: WsTask[];
  costs: WsCost[];
  privateTagIds: string[];
}

const dataKey = (origin: string, projectId: string) => `${origin} status-report ${projectId}`;
const privateTagsKey = (origin: string) => `${origin} private-tags`;

/** The project's tasks and time entries (and the private tags): from the cache when fresh, else 2–3 calls. */
async function projectData(client: WorksectionClient, database: AccountDeskDb, origin: string, projectId: string, now: number, reuse: boolean): Promise<{ data: ProjectData; calls: number }> {
  const cache = database.cache;
  const row = reuse ? await cache.get(dataKey(origin, projectId)) : undefined;
  if (row && now - row.fetchedAt < DRAFT_DATA_MAX_AGE_MS) return { data: row.value as ProjectData, calls: 0 };
  let calls = 0;
  let privateTagIds: string[];
  const tagsRow = await cache.get(privateTagsKey(origin));
  if (tagsRow && now - tagsRow.fetchedAt < PRIVATE_TAGS_MAX_AGE_MS) {
    privateTagIds = tagsRow.value as string[];
  } else {
    privateTagIds = (await client.getTaskTags({ access: 'private' })).filter((tag) => (tag.group?.access ?? 'private') === 'private').map((tag) => tag.id);
    calls++;
    await cache.put({ key: privateTagsKey(origin), value: privateTagIds, fetchedAt: now });
  }
  const tasks = await client.getTasks(projectId, { extra: ['subtasks', 'tags', 'comments'] });
  const { costs } = await client.getCosts({ projectId });
  calls += 2;
  const data: ProjectData = { tasks, costs, privateTagIds };
  await cache.put({ key: dataKey(origin, projectId), value: data, fetchedAt: now });
  return { data, calls };
}

/** Every language's marker: a report posted in any of them counts. */
async function allMarkers(): Promise<string[]> {
  return reportMarkers(await Promise.all(LANGUAGES.map((language) => localeCatalog(language))));
}

/** The comments the reply sync holds for these tasks, merged with get_tasks' latest. */
async function knownComments(database: AccountDeskDb, tasks: readonly WsTask[], timeZone: string): Promise<Map<string, KnownComment[]>> {
  const flat = flattenReportTasks(tasks, new Set());
  const byTask = new Map<string, Map<string, KnownComment>>();
  await database.transaction('r', database.comments, async () => {
    for (const { task } of flat) {
      const rows = await database.comments.where('[taskId+at]').between([task.id, -Infinity], [task.id, Infinity]).toArray();
      byTask.set(task.id, new Map(rows.map((row) => [row.id, { id: row.id, at: row.at, author: { id: row.author.id, email: row.author.email }, text: row.text }])));
    }
  });
  for (const { task } of flat) {
    const comments = byTask.get(task.id) ?? new Map<string, KnownComment>();
    for (const comment of taskComments(task, timeZone)) comments.set(comment.id, comment);
    byTask.set(task.id, comments);
  }
  return new Map([...byTask].map(([taskId, comments]) => [taskId, [...comments.values()]]));
}

export async function draftReport(request: DraftRequest, now = Date.now()): Promise<StatusReportDraft> {
  const { origin, projectId } = request;
  // From a page: checked, not trusted.
  if (typeof projectId !== 'string' || !/^\d+$/.test(projectId)) throw new StatusReportProblem('invalid', t('srProblemInvalid'));
  if (!REPORT_PERIODS.includes(request.period)) throw new StatusReportProblem('invalid', t('srProblemInvalid'));
  if (request.language !== undefined && !(LANGUAGES as readonly string[]).includes(request.language)) throw new StatusReportProblem('invalid', t('srProblemInvalid'));
  const settings = await getSettings();
  if (settings.features.statusReport === false) throw new StatusReportProblem('off', t('srProblemOff'));
  const client = await clientFor(origin);
  const prefs = await readPrefs(origin, projectId);
  if (request.language && request.language !== prefs.language) await savePrefs(origin, projectId, { language: request.language });
  const language = request.language ?? prefs.language ?? activeLanguage();
  return composeDraft(
    {
      client,
      db: db(),
      settings,
      origin,
      directory: await accountDirectory(origin, now),
      words: reportWords(await localeCatalog(language), language),
      markers: await allMarkers(),
      now,
    },
    request,
    prefs.taskId,
  );
}

export interface DraftDeps {
  client: WorksectionClient;
  db: AccountDeskDb;
  settings: Settings;
  origin: string;
  /** Users and teams (who is a client), projects (the name when the project has no task). */
  directory: Pick<AccountDirectory, 'users' | 'groups' | 'projects'>;
  /** The report language's words. */
  words: ReportWords;
  /** Every language's report marker. */
  markers: readonly string[];
  now: number;
}

/** The draft from its parts: what the background wires up, and what the bench runs against the simulator. */
export async function composeDraft(deps: DraftDeps, request: DraftRequest, rememberedTaskId?: string): Promise<StatusReportDraft> {
  const { client, settings, origin, directory, words, markers, now } = deps;
  const { projectId } = request;
  const timeZone = settings.account.timeZone;
  const { data, calls } = await projectData(client, deps.db, origin, projectId, now, request.reuse === true);
  const clients = clientDirectory({ users: directory.users, groups: directory.groups, extraEmails: settings.clients.emails, extraDomains: settings.clients.domains });
  const comments = await knownComments(deps.db, data.tasks, timeZone);

  // The period: from the last report on the project (anyone's), or N weeks back; up to now.
  const found = lastReport(
    [...comments].flatMap(([taskId, list]) => list.map((comment) => ({ ...comment, taskId }))),
    markers,
  );
  const weeks = request.period === 'last-report' ? NO_REPORT_WEEKS : WEEKS[request.period];
  const from = request.period === 'last-report' && found ? found.at : now - weeks * 7 * DAY_MS;
  const period = { from, to: now, firstDay: dayOf(from, timeZone), lastDay: dayOf(now, timeZone) };

  // The account share as the widget computes it, for the same days: all hours logged on the project.
  const account = await projectAccountTime(deps.db, projectId, { kind: 'day', ...period } satisfies Period, origin);
  const accountMinutes = account.ms / 60_000;
  const loggedMinutes = data.costs
    .filter((cost) => cost.date >= period.firstDay && cost.date <= period.lastDay)
    .reduce((sum, cost) => sum + (wsTimeToMinutes(cost.time) ?? 0), 0);
  const { writeBack, shareThresholds } = settings.accountTime;
  const written = writeBack ? await writtenBackMinutes(deps.db, projectId, { kind: 'day', ...period }, origin) : 0;
  const share = accountMinutes > 0 || loggedMinutes > 0 ? accountShare({ accountMinutes, loggedMinutes, unwrittenMinutes: Math.max(0, accountMinutes - written), writeBack }, shareThresholds) : null;

  const sections = buildSections({
    origin,
    tasks: data.tasks,
    privateTagIds: new Set(data.privateTagIds),
    costs: data.costs,
    comments,
    isClient: (person) => clients.isClient(person),
    period,
    today: period.lastDay,
    timeZone,
    accountShare: share,
    isReport: (text) => isStatusReport(text, markers),
  });

  const projectName = data.tasks[0]?.project.name ?? directory.projects.find((project) => project.id === projectId)?.name ?? '';
  const targets = flattenReportTasks(data.tasks, new Set(data.privateTagIds))
    .filter(({ task, internal }) => !internal && task.status === 'active')
    .map(({ task }) => ({ id: task.id, name: task.name }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const reportTask = found && flattenReportTasks(data.tasks, new Set()).find(({ task }) => task.id === found.taskId)?.task;
  return {
    projectName,
    language: words.language,
    period: {
      choice: request.period,
      ...period,
      ...(found && request.period === 'last-report'
        ? { lastReport: { at: found.at, taskId: found.taskId, commentId: found.commentId, url: new URL(`${reportTask?.page ?? `/project/${projectId}/${found.taskId}/`}#com${found.commentId}`, origin).href } }
        : {}),
      ...(!found && request.period === 'last-report' ? { noEarlierReport: true } : {}),
    },
    title: reportTitle(words, projectName, period.firstDay, period.lastDay),
    healthLabel: words.word('srHealthLabel'),
    healthWords: Object.fromEntries(HEALTHS.map((health) => [health, healthWord(words, health)])) as Record<Health, string>,
    body: reportBody(words, { sections, today: period.lastDay, timeZone }),
    counts: { done: sections.done.length, inProgress: sections.inProgress.length, planned: sections.planned.length, overdue: sections.overdue.length, waiting: sections.waiting.length },
    targets,
    ...(rememberedTaskId && targets.some((target) => target.id === rememberedTaskId) ? { targetTaskId: rememberedTaskId } : {}),
    apiCalls: calls,
  };
}

/** Posts the report as one comment on the chosen task, and remembers the task for the project. */
export async function postReport(request: PostRequest): Promise<{ commentId: string; page: string; url: string }> {
  const { origin, projectId, taskId, text } = request;
  if (typeof projectId !== 'string' || !/^\d+$/.test(projectId) || typeof text !== 'string') throw new StatusReportProblem('invalid', t('srProblemInvalid'));
  if (typeof taskId !== 'string' || !/^\d+$/.test(taskId)) throw new StatusReportProblem('invalid', t('srProblemNoTask'));
  if (!isStatusReport(text, await allMarkers())) throw new StatusReportProblem('invalid', t('srProblemNotAReport'));
  if (text.length > 60_000) throw new StatusReportProblem('invalid', t('srProblemTooLong'));
  const client = await clientFor(origin);
  // A report goes where the client reads it: on a task of this project, never an internal one.
  const cached = (await db().cache.get(dataKey(origin, projectId)))?.value as ProjectData | undefined;
  if (cached) {
    const entry = flattenReportTasks(cached.tasks, new Set(cached.privateTagIds)).find(({ task }) => task.id === taskId);
    if (!entry) throw new StatusReportProblem('invalid', t('srProblemNoTask'));
    if (entry.internal) throw new StatusReportProblem('invalid', t('srProblemInternalTask'));
  } else {
    // The dialog's read is gone (an old dialog): the task itself, one call (its parent's tags are not in it).
    const task = await client.getTask(taskId, { extra: ['tags'] });
    if (task.project.id !== projectId) throw new StatusReportProblem('invalid', t('srProblemNoTask'));
    const privateIds = ((await db().cache.get(privateTagsKey(origin)))?.value as string[] | undefined) ?? (await client.getTaskTags({ access: 'private' })).map((tag) => tag.id);
    if (Object.keys(task.tags ?? {}).some((id) => privateIds.includes(id))) throw new StatusReportProblem('invalid', t('srProblemInternalTask'));
  }
  let emailUserFrom: string | undefined;
  if ((await connectionStatus())?.authKind !== 'oauth' && !(await chosenPerson(origin))) {
    // With the admin key Worksection needs an author: the person chosen in "Who are you", else the owner.
    const { users } = await accountDirectory(origin);
    emailUserFrom = users.find((user) => user.role?.toLowerCase() === 'owner')?.email;
  }
  const comment = await client.postComment({ taskId, text, ...(emailUserFrom ? { emailUserFrom } : {}) });
  await savePrefs(origin, projectId, { taskId });
  // The next draft reads the project again, and finds this report.
  await db().cache.delete(dataKey(origin, projectId));
  return { commentId: comment.id, page: comment.page, url: new URL(comment.page, origin).href };
}

export const statusReportHandlers: Handlers<StatusReportMessages> = {
  'status-report/draft': (request) => draftReport(request),
  'status-report/post': (request) => postReport(request),
};

/** Both run from the report dialog on Worksection project pages. */
export const statusReportCallers: CallerPolicy<StatusReportMessages> = {
  'status-report/draft': 'worksection-tabs',
  'status-report/post': 'worksection-tabs',
};
