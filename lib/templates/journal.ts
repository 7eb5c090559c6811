// The journal of one template application (DESIGN §7: every multi-call write is
// resumable and idempotent). Each planned task is a row entry that moves
// planned → attempting → created; "attempting" is written *before* the API
// call, so after a crash or a lost answer we know the outcome is unknown and
// look for the task before creating it again. Pure types and transitions; the
// background stores the rows in Dexie.
import { t, tn } from '../i18n';
import type { PlannedTask } from './expand';
import type { Template } from './model';

export type JournalNodeState = 'planned' | 'attempting' | 'created';

export interface JournalNode {
  planned: PlannedTask;
  state: JournalNodeState;
  /** Worksection id once created (or adopted). */
  taskId?: string;
  /** Task page path, e.g. /project/P/T/S/. */
  page?: string;
  /** True when found after a lost answer instead of created by the answered call. */
  adopted?: boolean;
}

/** running: a runner is (or was, if the worker died) walking it; stopped: a call failed; cancelled: the user gave up on the rest. */
export type ApplicationStatus = 'running' | 'stopped' | 'done' | 'cancelled';

export interface TemplateApplication {
  id: string;
  origin: string;
  projectId: string;
  projectName?: string;
  templateId: string;
  templateName: string;
  startDate: string;
  startedAt: number;
  updatedAt: number;
  status: ApplicationStatus;
  nodes: JournalNode[];
  /** Why it stopped (shown with "Resume"). */
  problem?: string;
  finishedAt?: number;
  /** The account's time zone (kept for reading the API's dates). */
  timeZone: string;
  /**
   * Ids of tasks in the project that carried one of the planned titles before
   * anything was created: a task whose answer was lost is looked for among
   * the others. Ids, not timestamps, so no clock skew can confuse the two.
   */
  preexisting?: string[];
}

export interface ApplicationProgress {
  created: number;
  total: number;
}

export function progressOf(application: Pick<TemplateApplication, 'nodes'>): ApplicationProgress {
  return { created: application.nodes.filter((node) => node.state === 'created').length, total: application.nodes.length };
}

export function newApplication(input: {
  id: string;
  origin: string;
  projectId: string;
  projectName?: string;
  template: Pick<Template, 'id' | 'name'>;
  startDate: string;
  planned: readonly PlannedTask[];
  now: number;
  timeZone: string;
}): TemplateApplication {
  const application: TemplateApplication = {
    id: input.id,
    origin: input.origin,
    projectId: input.projectId,
    templateId: input.template.id,
    templateName: input.template.name,
    startDate: input.startDate,
    startedAt: input.now,
    updatedAt: input.now,
    status: 'running',
    nodes: input.planned.map((planned) => ({ planned, state: 'planned' })),
    timeZone: input.timeZone,
  };
  if (input.projectName !== undefined) application.projectName = input.projectName;
  return application;
}

/** The next node to work on, with its parent's Worksection id (parents are always earlier). */
export function nextNode(application: TemplateApplication): { index: number; node: JournalNode; parentId?: string } | undefined {
  const index = application.nodes.findIndex((node) => node.state !== 'created');
  if (index < 0) return undefined;
  const node = application.nodes[index]!;
  const parentKey = node.planned.parentKey;
  if (parentKey === undefined) return { index, node };
  const parent = application.nodes.find((candidate) => candidate.planned.key === parentKey);
  if (!parent?.taskId) throw new Error(`Journal ${application.id}: "${node.planned.title}" comes before its parent was created`);
  return { index, node, parentId: parent.taskId };
}

/**
 * Sentence for where an application stands. `live` is whether a runner is
 * walking it now: a "running" row without one was interrupted (the browser or
 * its worker stopped) and waits for Resume.
 */
export function describeOutcome(application: TemplateApplication, live = false): string {
  const { created, total } = progressOf(application);
  if (application.status === 'running' && !live) return tn('tplOutcomeInterrupted', total, [total, created]);
  switch (application.status) {
    case 'done':
      return tn('tplOutcomeDone', total, [total, application.templateName]);
    case 'cancelled': {
      const unknown = application.nodes.find((node) => node.state === 'attempting');
      return unknown
        ? tn('tplOutcomeCancelledUnknown', total, [total, created, total - created - 1, unknown.planned.title])
        : tn('tplOutcomeCancelled', total, [total, created, total - created]);
    }
    case 'stopped':
      return tn('tplOutcomeStopped', total, [total, created, application.problem ?? t('tplOutcomeCallFailed')]);
    default:
      return tn('tplOutcomeCreating', total, [total, created]);
  }
}
