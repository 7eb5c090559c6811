// Applying a template: walk its journal in order, one post_task per node (the
// client throttles), recording each new id before moving on. Any failure stops
// the walk with the journal intact; Resume walks it again and creates nothing
// twice: a node whose last attempt has an unknown outcome (crash, timeout, lost
// answer) is first looked for under its parent and adopted if it exists.
import type { AccountDeskDb } from '../../db';
import { expandTemplate, type ExpandOptions, type PlannedTask, type Template } from '../../templates';
import { newApplication, nextNode, type JournalNode, type TemplateApplication } from '../../templates/journal';
import { WorksectionError } from '../../worksection/errors';
import type { PostTaskInput, WsTaskExtra } from '../../worksection/client';
import type { WsSubtask, WsTask } from '../../worksection/types';
import { ProblemError } from '../../problem';
import { t } from '../../i18n';

/** The part of WorksectionClient applying needs (a test can pass the real one against the simulator). */
export interface TemplateApi {
  postTask(input: PostTaskInput, options?: { signal?: AbortSignal }): Promise<WsTask>;
  getTasks(projectId: string, options?: { extra?: readonly WsTaskExtra[]; signal?: AbortSignal }): Promise<WsTask[]>;
}

export interface ApplyDeps {
  db: AccountDeskDb;
  api: TemplateApi;
  now?: () => number;
  signal?: AbortSignal;
}

export class ApplicationError extends ProblemError {
  override readonly name = 'ApplicationError';
  constructor(
    readonly kind: 'not-found' | 'finished' | 'busy',
    message: string,
  ) {
    super(message);
  }
}

/** Answers we get back only when Worksection refused the call before creating anything. */
function certainlyNotCreated(error: unknown): boolean {
  return error instanceof WorksectionError && (error.kind === 'api' || error.kind === 'auth' || error.kind === 'rate-limited' || (error.kind === 'http' && error.httpStatus !== undefined && error.httpStatus < 500));
}

/** Plans and stores a new application (status running; nothing sent yet). */
export async function planApplication(
  db: AccountDeskDb,
  input: {
    origin: string;
    projectId: string;
    projectName?: string;
    template: Template;
    expand: ExpandOptions;
    timeZone: string;
    now?: number;
    id?: string;
    /** Refuses a plan (by throwing) before anything is written, e.g. a node too long to send (request-size.ts). */
    check?: (planned: PlannedTask[]) => void;
  },
): Promise<TemplateApplication> {
  const now = input.now ?? Date.now();
  const planned = expandTemplate(input.template, input.expand);
  input.check?.(planned);
  const application = newApplication({
    id: input.id ?? `${now.toString(36)}-${Math.random().toString(36).slice(2, 10)}`,
    origin: input.origin,
    projectId: input.projectId,
    ...(input.projectName === undefined ? {} : { projectName: input.projectName }),
    template: input.template,
    startDate: input.expand.startDate,
    planned,
    now,
    timeZone: input.timeZone,
  });
  await db.templateApplications.add(application);
  return application;
}

async function update(db: AccountDeskDb, id: string, change: (application: TemplateApplication) => void, now: number): Promise<TemplateApplication> {
  return db.transaction('rw', db.templateApplications, async () => {
    const application = await db.templateApplications.get(id);
    if (!application) throw new ApplicationError('not-found', t('tplProblemApplicationGone'));
    change(application);
    application.updatedAt = now;
    await db.templateApplications.put(application);
    return application;
  });
}

function* walkTasks(tasks: readonly (WsTask | WsSubtask)[]): Generator<WsTask | WsSubtask> {
  for (const task of tasks) {
    yield task;
    if (task.child) yield* walkTasks(task.child);
  }
}

/** Ids of the tasks in the project whose title is one of the planned ones (before anything is created). */
async function sameTitledTasks(api: TemplateApi, application: TemplateApplication, signal?: AbortSignal): Promise<string[]> {
  const titles = new Set(application.nodes.map((node) => node.planned.title));
  const tasks = await api.getTasks(application.projectId, { extra: ['subtasks'], ...(signal ? { signal } : {}) });
  return [...walkTasks(tasks)].filter((task) => titles.has(task.name)).map((task) => task.id);
}

/**
 * A task that an earlier attempt may have created: same title, same parent,
 * not there before the application started, and not already in the journal.
 */
async function findLostTask(api: TemplateApi, application: TemplateApplication, node: JournalNode, parentId: string | undefined, signal?: AbortSignal): Promise<WsTask | WsSubtask | undefined> {
  const tasks = await api.getTasks(application.projectId, { extra: ['subtasks'], ...(signal ? { signal } : {}) });
  let siblings: readonly (WsTask | WsSubtask)[] = tasks;
  if (parentId !== undefined) {
    const parent = [...walkTasks(tasks)].find((task) => task.id === parentId);
    siblings = parent?.child ?? [];
  }
  const known = new Set([...(application.preexisting ?? []), ...application.nodes.map((entry) => entry.taskId).filter(Boolean)]);
  return siblings.find((task) => task.name === node.planned.title && !known.has(task.id));
}

function postInput(application: TemplateApplication, node: JournalNode, parentId: string | undefined): PostTaskInput {
  return plannedPostInput(application.projectId, node.planned, parentId);
}

/** The post_task a planned node becomes (also measured before anything is created: request-size.ts). */
export function plannedPostInput(projectId: string, planned: PlannedTask, parentId: string | undefined): PostTaskInput {
  const input: PostTaskInput = {
    projectId,
    title: planned.title,
    emailUserTo: planned.emailUserTo,
    dateStart: planned.dateStart,
    dateEnd: planned.dateEnd,
    todo: planned.todo,
  };
  if (parentId !== undefined) input.parentId = parentId;
  if (planned.text !== undefined) input.text = planned.text;
  if (planned.priority !== undefined) input.priority = planned.priority;
  if (planned.tags) input.tags = planned.tags;
  if (planned.hidden) input.hidden = planned.hidden;
  return input;
}

/**
 * Walks the journal until every node exists, a call fails (status stopped,
 * journal intact) or the user cancels. Answers the row as it was left.
 */
export async function runApplication(id: string, deps: ApplyDeps): Promise<TemplateApplication> {
  const { db, api, signal } = deps;
  const now = deps.now ?? Date.now;
  let application = await update(
    db,
    id,
    (row) => {
      if (row.status === 'done' || row.status === 'cancelled') {
        throw new ApplicationError('finished', t(row.status === 'done' ? 'tplProblemApplicationFinished' : 'tplProblemApplicationCancelled'));
      }
      row.status = 'running';
      delete row.problem;
    },
    now(),
  );
  for (;;) {
    const current = await db.templateApplications.get(id);
    if (!current) throw new ApplicationError('not-found', t('tplProblemApplicationGone'));
    if (current.status === 'cancelled') return current;
    application = current;
    const next = nextNode(application);
    if (!next) {
      return update(db, id, (row) => {
        row.status = 'done';
        row.finishedAt = now();
      }, now());
    }
    const { index, node, parentId } = next;
    // Only a refused post_task proves the task was not created; a failed lookup proves nothing.
    let posting = false;
    try {
      if (application.preexisting === undefined) {
        // Once, before the first creation: what already exists cannot be mistaken for ours later.
        const preexisting = await sameTitledTasks(api, application, signal);
        application = await update(db, id, (row) => {
          row.preexisting = preexisting;
        }, now());
      }
      if (node.state === 'attempting') {
        const lost = await findLostTask(api, application, node, parentId, signal);
        if (lost) {
          await update(db, id, (row) => {
            Object.assign(row.nodes[index]!, { state: 'created', taskId: lost.id, page: lost.page, adopted: true });
          }, now());
          continue;
        }
      } else {
        await update(db, id, (row) => {
          row.nodes[index]!.state = 'attempting';
        }, now());
      }
      posting = true;
      const created = await api.postTask(postInput(application, node, parentId), signal ? { signal } : {});
      posting = false;
      await update(db, id, (row) => {
        Object.assign(row.nodes[index]!, { state: 'created', taskId: created.id, page: created.page });
      }, now());
    } catch (error) {
      if (error instanceof ApplicationError) throw error;
      return update(db, id, (row) => {
        if (posting && certainlyNotCreated(error)) row.nodes[index]!.state = 'planned';
        if (row.status === 'running') row.status = 'stopped';
        row.problem = String((error as Error)?.message ?? error);
      }, now());
    }
  }
}

/** Cancel: keeps what was created, creates nothing more. A node whose outcome is unknown is reported as such. */
export async function cancelApplication(db: AccountDeskDb, id: string, now = Date.now()): Promise<TemplateApplication> {
  return update(db, id, (row) => {
    if (row.status === 'done') throw new ApplicationError('finished', t('tplProblemApplicationFinished'));
    row.status = 'cancelled';
    row.finishedAt = now;
  }, now);
}
