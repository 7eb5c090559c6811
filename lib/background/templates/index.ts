// The background side of templates: the library, people for roles, applying
// (journal in Dexie, runs here), and checklists. Handlers in router.ts call these.
import { browser } from 'wxt/browser';
import { db } from '../../db';
import { clientDirectory } from '../../replies/clients';
import {
  allBuiltinTemplates,
  checkRoleMapping,
  rememberRoleMapping,
  templateChecklists,
  walkTemplate,
  type Template,
} from '../../templates';
import { describeOutcome, progressOf, type TemplateApplication } from '../../templates/journal';
import type { ApplicationView, ApplyRequest, ChecklistChoice, ProjectPeople, TemplateEntry, TemplateLibrary, TemplateSource, TemplateSummary } from '../../templates/protocol';
import type { WorksectionClient } from '../../worksection/client';
import { cached } from '../cache';
import { connectedClient, connectionStatus } from '../connection';
import { getSettings } from '../settings-store';
import { teamTemplates, templateFromTask, type SourceTask } from '../../templates/from-task';
import { ApplicationError, cancelApplication, planApplication, runApplication } from './apply';
import { freeId, savePersonal } from './personal';
import { requestSizeCheck } from './request-size';

type SourceTaskWithId = SourceTask & { id: string; child?: SourceTaskWithId[] };

export class TemplatesProblem extends Error {
  constructor(
    readonly kind: 'not-connected' | 'other-account' | 'not-found' | 'invalid' | 'busy',
    message: string,
  ) {
    super(message);
  }
}

const DIRECTORY_MAX_AGE = 10 * 60_000;

async function clientFor(origin: string): Promise<WorksectionClient> {
  const connection = await connectedClient();
  if (!connection) throw new TemplatesProblem('not-connected', 'Connect Account Desk to Worksection in its options first.');
  if (connection.origin !== origin) {
    throw new TemplatesProblem('other-account', `Account Desk is connected to ${new URL(connection.origin).host}, not to this account.`);
  }
  return connection.client;
}

function uiLanguage(): 'en' | 'ru' | 'uk' {
  const language = browser.i18n.getUILanguage().slice(0, 2).toLowerCase();
  return language === 'ru' || language === 'uk' ? language : 'en';
}

export async function personalTemplates(): Promise<Template[]> {
  return (await db().personalTemplates.orderBy('position').toArray()).map((row) => row.template);
}

const TEAM_MAX_AGE = 5 * 60_000;

/** The team library from the project chosen in options (cached a few minutes: it is a throttled API read). */
export async function teamLibrary(): Promise<{ templates: Template[]; problem?: string }> {
  const settings = await getSettings();
  const projectId = settings.templates.teamProjectId;
  if (!projectId) return { templates: [] };
  const connection = await connectedClient();
  if (!connection) return { templates: [] };
  const { client, origin } = connection;
  try {
    const [tasks, [users]] = await Promise.all([
      cached(`${origin} team templates ${projectId}`, TEAM_MAX_AGE, () => client.getTasks(projectId, { filter: 'active', extra: ['text', 'subtasks'] })),
      cached(`${origin} templates directory`, DIRECTORY_MAX_AGE, async () => [await client.getUsers(), await client.getUserGroups()] as const),
    ]);
    const { templates, problems } = teamTemplates(tasks, {
      calendar: settings.businessHours,
      roleOf: (email) => users.find((user) => user.email === email)?.title?.trim() || undefined,
    });
    return problems.length > 0 ? { templates, problem: `Skipped in the team library: ${problems.slice(0, 3).join('; ')}` } : { templates };
  } catch (error) {
    return { templates: [], problem: `The team library could not be read: ${String((error as Error).message)}` };
  }
}

/** Every template the picker offers, in full. */
async function libraryEntries(team?: Template[]): Promise<TemplateEntry[]> {
  return [
    ...(await personalTemplates()).map((template) => ({ source: 'personal' as const, template })),
    ...(team ?? (await teamLibrary()).templates).map((template) => ({ source: 'team' as const, template })),
    ...allBuiltinTemplates().map((template) => ({ source: 'builtin' as const, template })),
  ];
}

function summaryOf({ source, template }: TemplateEntry): TemplateSummary {
  const placed = walkTemplate(template);
  const summary: TemplateSummary = {
    source,
    id: template.id,
    name: template.name,
    nodes: placed.length,
    searchText: [...template.roles, ...placed.map((node) => node.node.title)].join('\n'),
  };
  if (template.description) summary.description = template.description;
  if (template.language) summary.language = template.language;
  return summary;
}

/** Summaries only: the picker opens fast with hundreds of templates and asks for the one it previews. */
export async function templateLibrary(): Promise<TemplateLibrary> {
  const team = await teamLibrary();
  const library: TemplateLibrary = { entries: (await libraryEntries(team.templates)).map(summaryOf), language: uiLanguage() };
  if (team.problem) library.teamProblem = team.problem;
  return library;
}

/** Projects to choose the team library from (options). */
export async function projectChoices(): Promise<Array<{ id: string; name: string }>> {
  const connection = await connectedClient();
  if (!connection) throw new TemplatesProblem('not-connected', 'Connect Account Desk to Worksection first.');
  const projects = await cached(`${connection.origin} templates projects`, DIRECTORY_MAX_AGE, () => connection.client.getProjects());
  return projects.map((project) => ({ id: project.id, name: project.name })).sort((a, b) => a.name.localeCompare(b.name));
}

export async function findTemplate(source: TemplateSource, templateId: string): Promise<Template> {
  const entries = await libraryEntries();
  const entry = entries.find((candidate) => candidate.source === source && candidate.template.id === templateId);
  if (!entry) throw new TemplatesProblem('not-found', 'That template no longer exists.');
  return entry.template;
}

const roleKey = (origin: string, projectId: string): string => `${origin} ${projectId}`;

export async function projectPeople(origin: string, projectId: string): Promise<ProjectPeople> {
  const client = await clientFor(origin);
  const project = await client.getProject(projectId, { extra: ['users'] });
  const [users, groups] = await cached(`${origin} templates directory`, DIRECTORY_MAX_AGE, async () => [
    await client.getUsers(),
    await client.getUserGroups(),
  ]);
  const settings = await getSettings();
  const directory = clientDirectory({ users, groups, extraEmails: settings.clients.emails, extraDomains: settings.clients.domains });
  const members = (project.users ?? [])
    .filter((user) => user.email.includes('@'))
    .map((user) => ({ email: user.email, name: user.name }));
  const remembered = (await db().roleMappings.get(roleKey(origin, projectId)))?.mapping ?? {};
  return {
    projectName: project.name,
    members,
    teamEmails: (project.users ?? []).filter((user) => user.email.includes('@') && !directory.isClient(user)).map((user) => user.email),
    remembered,
  };
}

// Which applications a runner in this worker is walking. A lock, not state: if
// the worker stops, the walk stops with it and the row says "running" with no
// live runner, which the picker offers to resume.
const live = new Set<string>();

function view(application: TemplateApplication): ApplicationView {
  const running = live.has(application.id);
  return { application, live: running, progress: progressOf(application), summary: describeOutcome(application, running) };
}

async function startRunner(id: string, origin: string): Promise<void> {
  if (live.has(id)) throw new TemplatesProblem('busy', 'This template is already being applied.');
  const client = await clientFor(origin);
  live.add(id);
  void runApplication(id, { db: db(), api: client })
    .catch(() => undefined) // the row keeps the outcome; nothing else to tell
    .finally(() => live.delete(id));
}

export async function applyTemplate(request: ApplyRequest): Promise<ApplicationView> {
  const template = await findTemplate(request.source, request.templateId);
  const people = await projectPeople(request.origin, request.projectId);
  const roles = Object.fromEntries(template.roles.map((role) => [role, Object.hasOwn(request.roles, role) ? request.roles[role] ?? '' : '']));
  const problems = checkRoleMapping(template.roles, roles, people.members);
  if (problems.length > 0) throw new TemplatesProblem('invalid', problems.join('; '));
  const settings = await getSettings();
  const key = roleKey(request.origin, request.projectId);
  const remembered = (await db().roleMappings.get(key))?.mapping ?? {};
  await db().roleMappings.put({ key, mapping: rememberRoleMapping(remembered, roles), updatedAt: Date.now() });
  let application: TemplateApplication;
  try {
    application = await planApplication(db(), {
      origin: request.origin,
      projectId: request.projectId,
      projectName: people.projectName,
      template,
      expand: {
        startDate: request.startDate,
        calendar: { workDays: settings.businessHours.workDays, holidays: settings.businessHours.holidays },
        roles,
        teamEmails: people.teamEmails,
      },
      timeZone: settings.account.timeZone,
      check: await requestSizeCheck(request.origin, request.projectId),
    });
  } catch (error) {
    throw new TemplatesProblem('invalid', String((error as Error).message));
  }
  await startRunner(application.id, request.origin);
  return view(application);
}

async function requireApplication(id: string): Promise<TemplateApplication> {
  const application = await db().templateApplications.get(id);
  if (!application) throw new TemplatesProblem('not-found', 'This template application no longer exists.');
  return application;
}

export async function applicationView(id: string): Promise<ApplicationView> {
  return view(await requireApplication(id));
}

/** The project's applications, newest first (the picker shows unfinished ones with Resume/Cancel). */
export async function projectApplications(origin: string, projectId: string): Promise<ApplicationView[]> {
  const rows = await db().templateApplications.where('[origin+projectId]').equals([origin, projectId]).toArray();
  return rows.sort((a, b) => b.startedAt - a.startedAt).slice(0, 20).map(view);
}

export async function resumeApplication(id: string): Promise<ApplicationView> {
  const application = await requireApplication(id);
  if (application.status === 'done' || application.status === 'cancelled') return view(application);
  await startRunner(id, application.origin);
  return view((await db().templateApplications.get(id)) ?? application);
}

export async function cancelTemplateApplication(id: string): Promise<ApplicationView> {
  await requireApplication(id);
  try {
    return view(await cancelApplication(db(), id));
  } catch (error) {
    if (error instanceof ApplicationError) throw new TemplatesProblem('invalid', error.message);
    throw error;
  }
}

// ---- checklists ----

const SAVED_CHECKLISTS_MAX = 200;

/** Saved checklists, most recent first, then every checklist in the templates. */
export async function checklistChoices(): Promise<ChecklistChoice[]> {
  const saved = await db().savedChecklists.orderBy('usedAt').reverse().limit(SAVED_CHECKLISTS_MAX).toArray();
  const choices: ChecklistChoice[] = saved.map((row) => ({ id: `saved:${row.id}`, title: row.title, items: row.items, usedAt: row.usedAt }));
  const seen = new Set(saved.map((row) => `${row.title}\n${row.items.join('\n')}`));
  const language = uiLanguage();
  for (const { template } of await libraryEntries()) {
    if (template.language && template.language !== language) continue;
    for (const list of templateChecklists(template)) {
      const signature = `${list.title}\n${list.items.join('\n')}`;
      if (seen.has(signature)) continue;
      seen.add(signature);
      const key = walkTemplate(template).find((placed) => placed.node.title === list.title)?.key ?? '0';
      choices.push({ id: `template:${template.id}:${key}`, title: list.title, items: list.items });
    }
  }
  return choices;
}

/** Remembers a used (or newly written) checklist so it comes first next time. */
export async function rememberChecklist(title: string, items: readonly string[], now = Date.now()): Promise<void> {
  const id = `${title}\n${items.join('\n')}`;
  await db().savedChecklists.put({ id, title, items: [...items], usedAt: now });
}

function checkChecklist(title: string, items: readonly string[]): void {
  if (!title.trim() || title.length > 250) throw new TemplatesProblem('invalid', 'A checklist needs a name of at most 250 characters.');
  if (items.length === 0 || items.length > 50) throw new TemplatesProblem('invalid', 'A checklist needs 1 to 50 items.');
  if (items.some((item) => !item.trim() || item.length > 500 || /[\r\n]/.test(item))) {
    throw new TemplatesProblem('invalid', 'Each checklist item must be one non-empty line of at most 500 characters.');
  }
}

/** Posts the checklist as a comment with todo[] items on the task. */
export async function insertChecklist(origin: string, taskId: string, title: string, items: string[]): Promise<{ commentId: string; page: string }> {
  checkChecklist(title, items);
  const client = await clientFor(origin);
  let emailUserFrom: string | undefined;
  if ((await connectionStatus())?.authKind !== 'oauth') {
    // With the admin key Worksection needs an author: the account owner (as the page's own form posts).
    const [users] = await cached(`${origin} templates directory`, DIRECTORY_MAX_AGE, async () => [
      await client.getUsers(),
      await client.getUserGroups(),
    ]);
    emailUserFrom = users.find((user) => user.role?.toLowerCase() === 'owner')?.email;
  }
  const comment = await client.postComment({ taskId, todo: items, ...(emailUserFrom ? { emailUserFrom } : {}) });
  await rememberChecklist(title, items);
  return { commentId: comment.id, page: comment.page };
}

// ---- personal templates ----

function slug(text: string): string {
  const base = text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return `my.${base || 'template'}`;
}

/** "Save this task as a template": the task, its subtasks and their checklists, read through the API. */
export async function saveTaskAsTemplate(origin: string, taskId: string): Promise<Template> {
  const client = await clientFor(origin);
  const brief = await client.getTask(taskId);
  const tasks = await client.getTasks(brief.project.id, { extra: ['text', 'subtasks'] });
  const find = (list: readonly SourceTaskWithId[]): SourceTaskWithId | undefined => {
    for (const task of list) {
      if (task.id === taskId) return task;
      const inner = task.child ? find(task.child) : undefined;
      if (inner) return inner;
    }
    return undefined;
  };
  const task = find(tasks);
  if (!task) throw new TemplatesProblem('not-found', 'Worksection did not list this task in its project.');
  const [users] = await cached(`${origin} templates directory`, DIRECTORY_MAX_AGE, async () => [await client.getUsers(), await client.getUserGroups()]);
  const settings = await getSettings();
  let template: Template;
  try {
    template = templateFromTask(task, {
      id: await freeId(db(), slug(task.name)),
      calendar: settings.businessHours,
      roleOf: (email) => users.find((user) => user.email === email)?.title?.trim() || undefined,
    });
  } catch (error) {
    throw new TemplatesProblem('invalid', String((error as Error).message));
  }
  return savePersonal(db(), template);
}
