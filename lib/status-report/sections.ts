/**
 * A client status report's sections from plain data: the project's tasks (one
 * get_tasks), its time entries (one get_costs), the comments the reply sync
 * holds and who the client users are. Pure: no browser API, no API calls.
 *
 * Every open task lands in at most one section, in this order: waiting on the
 * client, overdue, planned (due or starting within PLANNED_DAYS), in progress
 * (started, or with no start date). Internal tasks — labelled with a tag of a
 * private tag group, which Worksection shows only to the company's own teams
 * (api-reference §3.5) — and their subtasks never appear, nor does their time.
 * Comment texts are never quoted, so internal comments never reach the report.
 */
import type { AccountShare } from '../account-time/share';
import type { PersonKey } from '../replies/clients';
import { tryParseWsDateTime, wsTimeToMinutes } from '../worksection/dates';
import type { WsCost, WsSubtask, WsTask, WsUserRef } from '../worksection/types';

export const PLANNED_DAYS = 14;

export interface ReportTask {
  id: string;
  name: string;
  /** Absolute link to the task in Worksection. */
  url: string;
  /** The executive's name; absent when nobody is assigned. */
  assignee?: string;
  /** "YYYY-MM-DD" */
  due?: string;
  start?: string;
  /** When it was closed (ms). */
  closedAt?: number;
}

export interface WaitingTask extends ReportTask {
  /** Assigned to a client user, or the team wrote last in a thread the client takes part in. */
  reason: 'client-assigned' | 'awaiting-reply';
  /** The team's last comment (awaiting-reply). */
  since?: number;
}

export interface HoursRow {
  task: ReportTask;
  periodMinutes: number;
  totalMinutes: number;
  /** max_time in minutes, when the task has an estimate. */
  estimateMinutes?: number;
}

export interface ReportSections {
  done: ReportTask[];
  inProgress: ReportTask[];
  planned: ReportTask[];
  overdue: ReportTask[];
  waiting: WaitingTask[];
  hours: {
    /** Logged on the report's (non-internal) tasks on the period's days. */
    loggedMinutes: number;
    rows: HoursRow[];
    /** As the account-time widget computes it for the same days; null when unknown. */
    accountShare: AccountShare | null;
  };
}

export interface KnownComment {
  id: string;
  at: number;
  author: PersonKey;
  text: string;
}

export interface ReportPeriod {
  /** Instants [from, to). */
  from: number;
  to: number;
  /** Calendar days of the account, inclusive, for time entries (dated by day). */
  firstDay: string;
  lastDay: string;
}

export interface SectionInput {
  origin: string;
  /** get_tasks with extra=subtasks,tags (and comments: the five latest of each). */
  tasks: readonly WsTask[];
  /** Ids of tags in private groups (get_task_tags&access=private). */
  privateTagIds: ReadonlySet<string>;
  /** get_costs of the project (all of it: totals against estimates need every entry). */
  costs: readonly WsCost[];
  /** Comments known per task (the reply sync's, merged with get_tasks' latest), any order. */
  comments: ReadonlyMap<string, readonly KnownComment[]>;
  isClient(person: PersonKey): boolean;
  period: ReportPeriod;
  /** The account's today, "YYYY-MM-DD". */
  today: string;
  timeZone: string;
  accountShare: AccountShare | null;
  /** Comments that are status reports themselves: never "the team wrote last". */
  isReport(text: string): boolean;
}

type AnyTask = WsTask | WsSubtask;

/** Sentinel executives (nobody / anyone) are no one's name (api-reference §2). */
const assigneeOf = (ref: WsUserRef | undefined): WsUserRef | undefined => (ref && !['0', '1', '2'].includes(ref.id) ? ref : undefined);

/** "YYYY-MM-DD" `days` after `day`. */
export function addDays(day: string, days: number): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, date + days)).toISOString().slice(0, 10);
}

/** Every task and subtask with whether it is internal (its own private tag, or an internal ancestor's). */
export function flattenReportTasks(tasks: readonly AnyTask[], privateTagIds: ReadonlySet<string>): Array<{ task: AnyTask; internal: boolean }> {
  const out: Array<{ task: AnyTask; internal: boolean }> = [];
  const walk = (list: readonly AnyTask[], internalAbove: boolean) => {
    for (const task of list) {
      const internal = internalAbove || Object.keys(task.tags ?? {}).some((id) => privateTagIds.has(id));
      out.push({ task, internal });
      if (task.child) walk(task.child, internal);
    }
  };
  walk(tasks, false);
  return out;
}

function reportTask(task: AnyTask, origin: string, timeZone: string): ReportTask {
  const assignee = assigneeOf(task.user_to);
  const closedAt = tryParseWsDateTime(task.date_closed, timeZone)?.getTime();
  return {
    id: task.id,
    name: task.name,
    url: new URL(task.page, origin).href,
    ...(assignee ? { assignee: assignee.name } : {}),
    ...(task.date_end ? { due: task.date_end } : {}),
    ...(task.date_start ? { start: task.date_start } : {}),
    ...(closedAt !== undefined ? { closedAt } : {}),
  };
}

const byDue = (a: ReportTask, b: ReportTask) => (a.due ?? '9999').localeCompare(b.due ?? '9999') || a.name.localeCompare(b.name);

export function buildSections(input: SectionInput): ReportSections {
  const { origin, timeZone, today, period } = input;
  const plannedUntil = addDays(today, PLANNED_DAYS);
  const flat = flattenReportTasks(input.tasks, input.privateTagIds);
  const visible = flat.filter((entry) => !entry.internal).map((entry) => entry.task);
  const visibleIds = new Set(visible.map((task) => task.id));

  const sections: ReportSections = { done: [], inProgress: [], planned: [], overdue: [], waiting: [], hours: { loggedMinutes: 0, rows: [], accountShare: input.accountShare } };
  const shown = new Map<string, ReportTask>();
  for (const task of visible) {
    const item = reportTask(task, origin, timeZone);
    shown.set(task.id, item);
    if (task.status === 'done') {
      if (item.closedAt !== undefined && item.closedAt >= period.from && item.closedAt < period.to) sections.done.push(item);
      continue;
    }
    const waiting = waitingOnClient(task, input);
    if (waiting) {
      sections.waiting.push({ ...item, ...waiting });
    } else if (item.due !== undefined && item.due < today) {
      sections.overdue.push(item);
    } else if ((item.due !== undefined && item.due <= plannedUntil) || (item.start !== undefined && item.start > today && item.start <= plannedUntil)) {
      sections.planned.push(item);
    } else if (item.start === undefined || item.start <= today) {
      sections.inProgress.push(item);
    }
  }
  sections.done.sort((a, b) => (a.closedAt ?? 0) - (b.closedAt ?? 0) || a.name.localeCompare(b.name));
  sections.overdue.sort(byDue);
  sections.planned.sort(byDue);
  sections.inProgress.sort(byDue);
  sections.waiting.sort((a, b) => (a.since ?? 0) - (b.since ?? 0) || a.name.localeCompare(b.name));

  // Hours: every entry counts towards its task's total; those on the period's days make the period's.
  const perTask = new Map<string, { period: number; total: number }>();
  for (const cost of input.costs) {
    if (!visibleIds.has(cost.task.id)) continue; // internal, or not a task of this project we can show
    const minutes = wsTimeToMinutes(cost.time);
    if (minutes === undefined) continue;
    const row = perTask.get(cost.task.id) ?? { period: 0, total: 0 };
    row.total += minutes;
    if (cost.date >= period.firstDay && cost.date <= period.lastDay) {
      row.period += minutes;
      sections.hours.loggedMinutes += minutes;
    }
    perTask.set(cost.task.id, row);
  }
  const estimates = new Map(visible.map((task) => [task.id, task.max_time]));
  for (const [taskId, minutes] of perTask) {
    if (minutes.period <= 0) continue;
    const estimate = estimates.get(taskId);
    sections.hours.rows.push({
      task: shown.get(taskId)!,
      periodMinutes: minutes.period,
      totalMinutes: minutes.total,
      ...(typeof estimate === 'number' && estimate > 0 ? { estimateMinutes: Math.round(estimate * 60) } : {}),
    });
  }
  sections.hours.rows.sort((a, b) => b.periodMinutes - a.periodMinutes || a.task.name.localeCompare(b.task.name));
  return sections;
}

function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

/** Why an open task waits on the client, if it does. */
function waitingOnClient(task: AnyTask, input: SectionInput): Pick<WaitingTask, 'reason' | 'since'> | undefined {
  const assignee = assigneeOf(task.user_to);
  if (assignee && input.isClient(assignee)) return { reason: 'client-assigned' };
  // A comment's date has minutes only: within a minute, ids (which grow) give the order.
  const comments = [...(input.comments.get(task.id) ?? [])].filter((comment) => !input.isReport(comment.text)).sort((a, b) => a.at - b.at || compareIds(a.id, b.id));
  const last = comments.at(-1);
  // The client takes part in the thread, and the team had the last word.
  if (!last || input.isClient(last.author) || !comments.some((comment) => input.isClient(comment.author))) return undefined;
  return { reason: 'awaiting-reply', since: last.at };
}

/** The comments a task carries in get_tasks&extra=comments (its five latest), as known comments. */
export function taskComments(task: AnyTask, timeZone: string): KnownComment[] {
  return (task.comments ?? []).flatMap((comment) => {
    const at = tryParseWsDateTime(comment.date_added, timeZone)?.getTime();
    return at === undefined ? [] : [{ id: comment.id, at, author: { id: comment.user_from.id, email: comment.user_from.email }, text: comment.text }];
  });
}
