// The template library: personal templates (Dexie), the team's (a Worksection
// project, read through the API and cached), and the built-in ones.
import { browser } from 'wxt/browser';
import { db } from '../../db';
import { allBuiltinTemplates, TEMPLATE_LANGUAGES, walkTemplate, type Template, type TemplateLanguage } from '../../templates';
import { teamTemplates } from '../../templates/from-task';
import { isTeamReplyTask } from '../../quick-replies/team';
import type { WsTask } from '../../worksection/types';
import type { TemplateEntry, TemplateLibrary, TemplateSource, TemplateSummary } from '../../templates/protocol';
import { cached } from '../cache';
import { connectedClient } from '../connection';
import { accountDirectory } from '../directory';
import { getSettings } from '../settings-store';
import { TemplatesProblem } from './account';
import { t } from '../../i18n';

export function uiLanguage(): TemplateLanguage {
  const language = browser.i18n.getUILanguage().slice(0, 2).toLowerCase();
  return TEMPLATE_LANGUAGES.find((known) => known === language) ?? 'en';
}

export async function personalTemplates(): Promise<Template[]> {
  return (await db().personalTemplates.orderBy('position').toArray()).map((row) => row.template);
}

const TEAM_MAX_AGE = 5 * 60_000;

/**
 * The top-level tasks of the team library's project (chosen in options),
 * cached a few minutes: it is a throttled API read, shared by the team's
 * templates and the team's quick replies (lib/quick-replies/team.ts), so
 * both cost one call. Null without a library project or a connection.
 */
export async function teamProjectTasks(): Promise<{ tasks: WsTask[]; origin: string } | null> {
  const settings = await getSettings();
  const projectId = settings.templates.teamProjectId;
  if (!projectId) return null;
  const connection = await connectedClient();
  if (!connection) return null;
  const { client, origin } = connection;
  const tasks = await cached(`${origin} team templates ${projectId}`, TEAM_MAX_AGE, () => client.getTasks(projectId, { filter: 'active', extra: ['text', 'subtasks'] }));
  return { tasks, origin };
}

/** The team library from the project chosen in options; its "/" tasks are quick replies, not templates. */
export async function teamLibrary(): Promise<{ templates: Template[]; problem?: string }> {
  try {
    const team = await teamProjectTasks();
    if (!team) return { templates: [] };
    const [settings, { users }] = await Promise.all([getSettings(), accountDirectory(team.origin)]);
    const { templates, problems } = teamTemplates(
      team.tasks.filter((task) => !isTeamReplyTask(task)),
      {
        calendar: settings.businessHours,
        roleOf: (email) => users.find((user) => user.email === email)?.title?.trim() || undefined,
      },
    );
    return problems.length > 0 ? { templates, problem: t('tplProblemTeamSkipped', problems.slice(0, 3).join('; ')) } : { templates };
  } catch (error) {
    return { templates: [], problem: t('tplProblemTeamUnreadable', String((error as Error).message)) };
  }
}

/** Every template the picker offers, in full. */
export async function libraryEntries(team?: Template[]): Promise<TemplateEntry[]> {
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
  if (!connection) throw new TemplatesProblem('not-connected', t('tplProblemNotConnected'));
  const { projects } = await accountDirectory(connection.origin);
  return projects.map((project) => ({ id: project.id, name: project.name })).sort((a, b) => a.name.localeCompare(b.name));
}

export async function findTemplate(source: TemplateSource, templateId: string): Promise<Template> {
  const entries = await libraryEntries();
  const entry = entries.find((candidate) => candidate.source === source && candidate.template.id === templateId);
  if (!entry) throw new TemplatesProblem('not-found', t('tplProblemTemplateGone'));
  return entry.template;
}

