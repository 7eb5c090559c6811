// Applying templates: plan the journal, run it here (apply.ts), resume or
// cancel it, and the views the picker polls.
import { db } from '../../db';
import { checkRoleMapping, rememberedChoices, rememberRoleMapping } from '../../templates';
import { describeOutcome, progressOf, type TemplateApplication } from '../../templates/journal';
import type { ApplicationView, ApplyRequest } from '../../templates/protocol';
import { getSettings } from '../settings-store';
import { clientFor, TemplatesProblem } from './account';
import { ApplicationError, cancelApplication, planApplication, runApplication } from './apply';
import { findTemplate } from './library';
import { projectPeople, roleKey } from './people';
import { requestSizeCheck } from './request-size';
import { t } from '../../i18n';

// Which applications a runner in this worker is walking. A lock, not state: if
// the worker stops, the walk stops with it and the row says "running" with no
// live runner, which the picker offers to resume.
const live = new Set<string>();

function view(application: TemplateApplication): ApplicationView {
  const running = live.has(application.id);
  return { application, live: running, progress: progressOf(application), summary: describeOutcome(application, running) };
}

async function startRunner(id: string, origin: string): Promise<void> {
  if (live.has(id)) throw new TemplatesProblem('busy', t('tplProblemBusy'));
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
  const remembered = rememberedChoices(await db().roleMappings.get(key));
  await db().roleMappings.put({ key, mapping: rememberRoleMapping(remembered, roles), updatedAt: Date.now(), nobodyIsAChoice: true });
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
  if (!application) throw new TemplatesProblem('not-found', t('tplProblemApplicationGone'));
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

