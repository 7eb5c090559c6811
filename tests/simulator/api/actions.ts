// The API v2 actions the simulator answers (api-reference §3), each a small
// function from (caller, params) to the documented answer. Validation order
// follows the official examples: the object first, then the fields.

import {
  formatDateTime,
  formatDay,
  instantAt,
  parseCostTime,
  parseInputDay,
  parseMoney,
} from '../format.ts';
import {
  ANYONE_ID,
  NOBODY_ID,
  fullName,
  type AccountEvent,
  type Cost,
  type Project,
  type Store,
  type Task,
  type User,
} from '../model.ts';
import { addComment, addCost, completeTask, createTask, hasOpenChildren, reopenTask, updateTask, type TaskChange } from '../operations.ts';
import type { Caller } from './auth.ts';
import { ApiFailure, CODE, fail } from './errors.ts';
import { commaList, type Params } from './params.ts';
import {
  commentShape,
  costShape,
  groupShape,
  projectRef,
  projectShape,
  taskShape,
  totalShape,
  userRef,
  userShape,
  type TaskExtras,
  type TaskShapeOptions,
} from './shapes.ts';

export interface ActionContext {
  store: Store;
  caller: Caller;
  now: Date;
}

type Answer = Record<string, unknown>;
type Action = (context: ActionContext, params: Params) => Answer;

const ok = (data: unknown): Answer => ({ status: 'ok', data });

// ---- who sees what --------------------------------------------------------

function callerUser(context: ActionContext): User | null {
  return context.caller.mode === 'user' ? (context.store.user(context.caller.userId) ?? null) : null;
}

/** The admin key, the owner and account admins see the whole account. */
function seesAll(context: ActionContext): boolean {
  const user = callerUser(context);
  return user === null || user.role === 'Owner' || user.role === 'Account admin';
}

function canSeeProject(context: ActionContext, project: Project): boolean {
  const user = callerUser(context);
  return seesAll(context) || (user !== null && project.memberIds.includes(user.id));
}

/** `hidden` restricts a task or comment to the listed users (and its author). */
function visibility(context: ActionContext): TaskShapeOptions['canSee'] {
  const user = callerUser(context);
  return (hiddenFor, authorId) => user === null || !hiddenFor || hiddenFor.includes(user.id) || authorId === user.id;
}

/** Private tag groups are "available only for your company teams" (§3.5): not for a client team's member. */
function seesPrivateTags(context: ActionContext): boolean {
  const user = callerUser(context);
  return user === null || !context.store.isClient(user);
}

function canSeeTask(context: ActionContext, task: Task): boolean {
  const project = context.store.project(task.projectId);
  return project !== undefined && canSeeProject(context, project) && visibility(context)(task.hiddenFor, task.authorId);
}

// ---- parameters -----------------------------------------------------------

function requireProject(context: ActionContext, params: Params): Project {
  const id = params.filled('id_project');
  if (id === undefined) throw fail.required('id_project');
  const project = context.store.project(id.trim());
  if (!project || !canSeeProject(context, project)) throw fail.project();
  return project;
}

function requireTask(context: ActionContext, params: Params, field = 'id_task'): Task {
  const id = params.filled(field);
  if (id === undefined) throw fail.required(field);
  const task = context.store.task(id.trim());
  if (!task || !canSeeTask(context, task)) throw fail.task();
  return task;
}

function taskExtras(params: Params): TaskExtras {
  const extras = params.extras();
  return {
    text: extras.has('text'),
    html: extras.has('html'),
    files: extras.has('files'),
    comments: extras.has('comments'),
    relations: extras.has('relations'),
    subtasks: extras.has('subtasks'),
    subscribers: extras.has('subscribers'),
    tags: extras.has('tags'),
  };
}

/** `filter=active` keeps open tasks; no filter keeps all. */
function statusFilter(params: Params): ((task: Task) => boolean) | null {
  const filter = params.filled('filter');
  if (filter === undefined) return null;
  if (filter.trim() !== 'active') throw fail.invalid('filter');
  return (task) => task.status === 'active';
}

function dayParam(params: Params, name: string): string | undefined {
  const value = params.filled(name);
  if (value === undefined) return undefined;
  const day = parseInputDay(value);
  if (day === null) throw fail.invalid(name);
  return day;
}

function integerParam(params: Params, name: string, min: number, max: number): number | undefined {
  const value = params.filled(name);
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value.trim()) || Number(value) < min || Number(value) > max) throw fail.invalid(name);
  return Number(value);
}

function userByEmailParam(context: ActionContext, email: string, field: string): User {
  const user = context.store.userByEmail(email);
  if (!user) throw fail.email(field);
  return user;
}

/** Writes are made by the token's user; with the admin key by `email_user_from`. */
function actingUserId(context: ActionContext, params: Params, requiredWithAdminKey: boolean): string {
  if (context.caller.mode === 'user') return context.caller.userId;
  const email = params.filled('email_user_from');
  if (email === undefined) {
    if (requiredWithAdminKey) throw fail.required('email_user_from');
    return context.store.owner().id;
  }
  return userByEmailParam(context, email, 'email_user_from').id;
}

/** email | ANY | NOONE → a user id or a sentinel. */
function executiveId(context: ActionContext, value: string, field: string): string {
  const trimmed = value.trim();
  if (trimmed === '' || trimmed.toUpperCase() === 'NOONE') return NOBODY_ID;
  if (trimmed.toUpperCase() === 'ANY') return ANYONE_ID;
  return userByEmailParam(context, trimmed, field).id;
}

/** Comma lists of emails where unknown addresses are skipped (the official example passes one). */
function knownUsers(context: ActionContext, text: string | undefined): User[] {
  return commaList(text ?? '').map((email) => context.store.userByEmail(email)).filter((user): user is User => user !== undefined);
}

function tagIds(context: ActionContext, text: string | undefined): number[] {
  return commaList(text ?? '').map((name) => {
    const tag = context.store.tags.find((candidate) => String(candidate.id) === name || candidate.title.toLowerCase() === name.toLowerCase());
    if (!tag) throw fail.tag(name);
    return tag.id;
  });
}

function shapeOptions(context: ActionContext, params: Params, overrides: Partial<TaskShapeOptions>): TaskShapeOptions {
  const filter = statusFilter(params);
  const canSee = visibility(context);
  return {
    extras: taskExtras(params),
    withParent: false,
    withHasComments: true,
    childFilter: (task) => (filter?.(task) ?? true) && canSee(task.hiddenFor, task.authorId),
    reducedChildren: false,
    canSee,
    seesPrivateTags: seesPrivateTags(context),
    ...overrides,
  };
}

// ---- members and projects -------------------------------------------------

const me: Action = (context) => {
  const user = callerUser(context);
  if (!user) throw new ApiFailure(CODE.actionInvalid, 'Action is invalid', 'me is a user method: call it with an OAuth2 access token');
  return ok(userShape(context.store, user, false));
};

const getUsers: Action = (context) => ok(context.store.users.map((user) => userShape(context.store, user, true)));

const getUserGroups: Action = (context) => ok(groupShape(context.store));

function projectExtras(params: Params) {
  const extras = params.extras();
  return { text: extras.has('text') || extras.has('html'), options: extras.has('options'), users: extras.has('users') };
}

const getProjects: Action = (context, params) => {
  const filter = params.filled('filter');
  if (filter !== undefined && !['active', 'pending', 'archive'].includes(filter.trim())) throw fail.invalid('filter');
  const projects = context.store.projects
    .filter((project) => canSeeProject(context, project))
    .filter((project) => filter === undefined || project.status === filter.trim());
  return ok(projects.map((project) => projectShape(context.store, project, projectExtras(params))));
};

const getProject: Action = (context, params) =>
  ok(projectShape(context.store, requireProject(context, params), projectExtras(params)));

// ---- events ---------------------------------------------------------------

const PERIOD_LIMITS: Record<string, [number, number]> = { m: [60_000, 360], h: [3_600_000, 72], d: [86_400_000, 30] };

/** period = 1m..360m | 1h..72h | 1d..30d (§3.2); anything else is refused like the official 60d example. */
function periodMs(text: string | undefined): number {
  const match = /^(\d+)([mhd])$/.exec((text ?? '').trim());
  const limits = match ? PERIOD_LIMITS[match[2] ?? ''] : undefined;
  const count = Number(match?.[1]);
  if (!match || !limits || count < 1 || count > limits[1]) throw fail.required('period');
  return count * limits[0];
}

function eventShape(store: Store, event: AccountEvent): Answer {
  let page = `/project/${event.projectId}/`;
  const task = store.task(event.taskId ?? event.objectId);
  if (event.objectType !== 'project' && task) page = store.taskPage(task);
  return {
    action: event.action,
    object: { type: event.objectType, id: event.objectId, page },
    date_added: formatDateTime(event.date, store.account.timeZone),
    user_from: userRef(store, event.userId),
    ...(event.new ? { new: event.new } : {}),
    ...(event.old ? { old: event.old } : {}),
  };
}

/** The documented shape bent the way `odd` says: another action or object type, extra fields, fields left out. */
function oddEventShape(store: Store, event: AccountEvent): Answer {
  const odd = event.odd ?? {};
  const shaped = eventShape(store, event) as Record<string, unknown>;
  const object: Record<string, unknown> = { ...(shaped.object as Record<string, unknown>), ...(odd.objectType ? { type: odd.objectType } : {}) };
  const wire: Record<string, unknown> = { ...shaped, ...(odd.action ? { action: odd.action } : {}), object, ...(odd.extraFields ?? {}) };
  for (const key of odd.drop ?? []) {
    if (key.startsWith('object.')) delete object[key.slice('object.'.length)];
    else delete wire[key];
  }
  return wire;
}

const getEvents: Action = (context, params) => {
  const span = periodMs(params.get('period'));
  const project = params.filled('id_project') !== undefined ? requireProject(context, params) : null;
  const { store } = context;
  const to = context.now.getTime();
  const from = to - span;
  const canSee = visibility(context);
  const events = store.events
    .filter((event) => event.date.getTime() > from && event.date.getTime() <= to)
    .filter((event) => project === null || event.projectId === project.id)
    .filter((event) => {
      const eventProject = store.project(event.projectId);
      if (!eventProject || !canSeeProject(context, eventProject)) return false;
      if (event.objectType === 'comment') {
        const comment = store.comments.find((candidate) => candidate.id === event.objectId);
        return comment === undefined || canSee(comment.hiddenFor, comment.authorId);
      }
      return true;
    })
    .sort((a, b) => a.date.getTime() - b.date.getTime());
  return ok(events.map((event) => (event.odd ? oddEventShape(store, event) : eventShape(store, event))));
};

// ---- tasks ----------------------------------------------------------------

function listTasks(context: ActionContext, params: Params, projects: Project[]): Answer {
  const options = shapeOptions(context, params, {});
  const filter = statusFilter(params);
  const tasks = projects
    .flatMap((project) => context.store.topLevelTasks(project.id))
    .filter((task) => (filter?.(task) ?? true) && canSeeTask(context, task))
    .sort((a, b) => Number(a.id) - Number(b.id));
  return ok(tasks.map((task) => taskShape(context.store, task, options)));
}

const getAllTasks: Action = (context, params) => {
  const withArchive = params.extras().has('archive');
  const projects = context.store.projects.filter(
    (project) => canSeeProject(context, project) && (withArchive || project.status !== 'archive'));
  return listTasks(context, params, projects);
};

const getTasks: Action = (context, params) => listTasks(context, params, [requireProject(context, params)]);

const getTask: Action = (context, params) => {
  const task = requireTask(context, params);
  return ok(taskShape(context.store, task, shapeOptions(context, params, { withParent: true, reducedChildren: true })));
};

function writeAnswer(context: ActionContext, params: Params, task: Task): Answer {
  return ok(taskShape(context.store, task, shapeOptions(context, params, { withParent: true, withHasComments: false })));
}

function numberParam(params: Params, name: string): number | undefined {
  const value = params.filled(name);
  if (value === undefined) return undefined;
  const normalized = value.trim().replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(normalized)) throw fail.invalid(name);
  return Number(normalized);
}

const postTask: Action = (context, params) => {
  const { store } = context;
  const project = requireProject(context, params);
  const title = params.filled('title');
  if (title === undefined) throw fail.required('title');
  let parent: Task | null = null;
  if (params.filled('id_parent') !== undefined) {
    parent = requireTask(context, params, 'id_parent');
    if (parent.projectId !== project.id) throw fail.invalid('id_parent');
    if (parent.status === 'done') throw new ApiFailure(CODE.taskClosed, 'Task is closed');
    // Two subtask levels at most (§7): a sub-subtask cannot have children.
    if (store.level(parent) >= 2) throw fail.invalid('id_parent');
  }
  const authorId = actingUserId(context, params, false);
  const assigneeId = executiveId(context, params.get('email_user_to') ?? '', 'email_user_to');
  const priority = integerParam(params, 'priority', 0, 10) ?? 1;
  const dateStart = dayParam(params, 'datestart');
  const dateEnd = dayParam(params, 'dateend');
  if (dateStart && dateEnd && dateEnd < dateStart) throw fail.invalid('dateend');
  const maxTime = numberParam(params, 'max_time');
  const maxMoney = numberParam(params, 'max_money');
  const tags = tagIds(context, params.get('tags'));
  const mentions = knownUsers(context, params.get('mention')).map(fullName);
  const hidden = knownUsers(context, params.get('hidden')).map((user) => user.id);
  const subscribers = [authorId, assigneeId, ...knownUsers(context, params.get('subscribe')).map((user) => user.id)]
    .filter((id) => id !== ANYONE_ID && id !== NOBODY_ID);

  const task = createTask(store, {
    projectId: project.id,
    parentId: parent?.id ?? null,
    name: title,
    priority,
    authorId,
    assigneeId,
    body: params.get('text') ?? '',
    todo: params.list('todo'),
    mentions,
    dateAdded: context.now,
    ...(dateStart ? { dateStart } : {}),
    ...(dateEnd ? { dateEnd } : {}),
    ...(maxTime !== undefined ? { maxTime } : {}),
    ...(maxMoney !== undefined ? { maxMoney } : {}),
    tagIds: tags,
    subscriberIds: [...new Set(subscribers)],
    ...(hidden.length > 0 ? { hiddenFor: [...new Set([authorId, ...hidden])] } : {}),
  });
  return writeAnswer(context, params, task);
};

const updateTaskAction: Action = (context, params) => {
  const task = requireTask(context, params);
  const change: TaskChange = {};
  const title = params.get('title');
  if (title !== undefined) {
    if (title.trim() === '') throw fail.required('title');
    change.name = title;
  }
  const executive = params.get('email_user_to');
  if (executive !== undefined) change.assigneeId = executiveId(context, executive, 'email_user_to');
  const priority = integerParam(params, 'priority', 0, 10);
  if (priority !== undefined) change.priority = priority;
  const dateStart = dayParam(params, 'datestart');
  if (dateStart) change.dateStart = dateStart;
  const dateEnd = dayParam(params, 'dateend');
  if (dateEnd) change.dateEnd = dateEnd;
  if ((change.dateEnd ?? task.dateEnd ?? '9') < (change.dateStart ?? task.dateStart ?? '0')) throw fail.invalid('dateend');
  const dateClosed = dayParam(params, 'dateclosed');
  if (dateClosed) {
    if (task.status !== 'done') throw fail.invalid('dateclosed');
    const time = formatDateTime(task.dateClosed ?? context.now, context.store.account.timeZone).slice(11);
    const [hour, minute] = time.split(':').map(Number) as [number, number];
    change.dateClosed = instantAt(dateClosed, hour, minute, context.store.account.timeZone);
  }
  const maxTime = numberParam(params, 'max_time');
  if (maxTime !== undefined) change.maxTime = maxTime;
  const maxMoney = numberParam(params, 'max_money');
  if (maxMoney !== undefined) change.maxMoney = maxMoney;
  if (Object.keys(change).length === 0) {
    throw fail.oneOfRequired('email_user_to, priority, title, datestart, dateend, dateclosed, max_time, max_money');
  }
  updateTask(context.store, task, change, actingUserId(context, params, false), context.now);
  return writeAnswer(context, params, task);
};

const completeTaskAction: Action = (context, params) => {
  const task = requireTask(context, params);
  if (task.status === 'done') throw new ApiFailure(CODE.alreadyInState, 'Task is already closed');
  if (hasOpenChildren(context.store, task)) throw new ApiFailure(CODE.taskHasChildren, 'Task has children');
  completeTask(context.store, task, actingUserId(context, params, false), context.now);
  return writeAnswer(context, params, task);
};

const reopenTaskAction: Action = (context, params) => {
  const task = requireTask(context, params);
  if (task.status === 'active') throw new ApiFailure(CODE.alreadyInState, 'Task is already active');
  const parent = task.parentId ? context.store.task(task.parentId) : undefined;
  if (parent?.status === 'done') throw new ApiFailure(CODE.parentDone, 'Parent task is done');
  reopenTask(context.store, task, actingUserId(context, params, false), context.now);
  // The official example answers a reopen with the bare envelope.
  return { status: 'ok' };
};

// ---- comments -------------------------------------------------------------

/**
 * Task tags with their groups (§3.5): `{title, id, group: {title, id, id_group,
 * type, access}}`, ids as numbers; filtered by `group` (name or id), `type`
 * and `access`. A client team's member never gets a private group's tags.
 */
const getTaskTags: Action = (context, params) => {
  const type = params.filled('type')?.trim();
  if (type !== undefined && type !== 'status' && type !== 'label') throw fail.invalid('type');
  const access = params.filled('access')?.trim();
  if (access !== undefined && access !== 'public' && access !== 'private') throw fail.invalid('access');
  const groupNames = [...new Set(context.store.tags.map((tag) => tag.group))];
  const groupId = (name: string) => 100 + groupNames.indexOf(name);
  const group = params.filled('group')?.trim().toLowerCase();
  const privateToo = seesPrivateTags(context);
  const rows = context.store.tags.filter((tag) => {
    const tagAccess = tag.access ?? 'public';
    if (tagAccess === 'private' && !privateToo) return false;
    if (type !== undefined && tag.type !== type) return false;
    if (access !== undefined && tagAccess !== access) return false;
    return group === undefined || tag.group.toLowerCase() === group || String(groupId(tag.group)) === group;
  });
  return ok(
    rows.map((tag) => ({
      title: tag.title,
      id: tag.id,
      group: { title: tag.group, id: groupId(tag.group), id_group: String(groupNames.indexOf(tag.group) + 1), type: tag.type, access: tag.access ?? 'public' },
    })),
  );
};

const getComments: Action = (context, params) => {
  const task = requireTask(context, params);
  const withFiles = params.extras().has('files');
  const canSee = visibility(context);
  const comments = context.store.commentsOf(task.id).filter((comment) => canSee(comment.hiddenFor, comment.authorId)).reverse();
  return ok(comments.map((comment) => commentShape(context.store, comment, withFiles)));
};

const postComment: Action = (context, params) => {
  const task = requireTask(context, params);
  const body = params.get('text') ?? '';
  const todo = params.list('todo');
  if (body.trim() === '' && todo.length === 0) throw fail.oneOfRequired('text, todo[]');
  // Required with the admin key per the FAQ (§3.4); a client that always sends it works everywhere.
  const authorId = actingUserId(context, params, true);
  const hidden = knownUsers(context, params.get('hidden')).map((user) => user.id);
  const comment = addComment(context.store, {
    taskId: task.id,
    authorId,
    body,
    todo,
    mentions: knownUsers(context, params.get('mention')).map(fullName),
    ...(hidden.length > 0 ? { hiddenFor: [...new Set([authorId, ...hidden])] } : {}),
    at: context.now,
  });
  return ok(commentShape(context.store, comment, false));
};

// ---- costs ----------------------------------------------------------------

function selectCosts(context: ActionContext, params: Params): Cost[] {
  const { store } = context;
  if (params.filled('filter') !== undefined) throw fail.invalid('filter (not supported by the simulator)');
  const project = params.filled('id_project') !== undefined ? requireProject(context, params) : null;
  const task = params.filled('id_task') !== undefined ? requireTask(context, params) : null;
  const from = dayParam(params, 'datestart');
  const to = dayParam(params, 'dateend');
  const timer = params.filled('is_timer');
  if (timer !== undefined && timer !== '0' && timer !== '1') throw fail.invalid('is_timer');
  return store.costs
    .filter((cost) => {
      const costTask = store.task(cost.taskId);
      if (!costTask) return false;
      const costProject = store.project(costTask.projectId);
      if (!costProject || !canSeeProject(context, costProject)) return false;
      if (project && costTask.projectId !== project.id) return false;
      if (task && cost.taskId !== task.id) return false;
      if (from && cost.day < from) return false;
      if (to && cost.day > to) return false;
      if (timer !== undefined && cost.isTimer !== (timer === '1')) return false;
      return true;
    })
    .sort((a, b) => a.day.localeCompare(b.day) || Number(a.id) - Number(b.id));
}

const getCosts: Action = (context, params) => {
  const costs = selectCosts(context, params);
  return { status: 'ok', data: costs.map((cost) => costShape(context.store, cost)), total: totalShape(costs) };
};

const getCostsTotal: Action = (context, params) => {
  const { store } = context;
  const costs = selectCosts(context, params);
  const answer: Answer = { status: 'ok', total: totalShape(costs) };
  if (params.extras().has('projects')) {
    const projects: Record<string, unknown> = {};
    for (const project of store.projects) {
      const own = costs.filter((cost) => store.task(cost.taskId)?.projectId === project.id);
      if (own.length === 0) continue;
      const months = [...new Set(own.map((cost) => cost.day.slice(0, 7)))].sort();
      const monthly: Record<string, unknown> = {};
      for (const month of months) monthly[month] = totalShape(own.filter((cost) => cost.day.startsWith(month)));
      projects[project.id] = { ...projectRef(project), ...totalShape(own), monthly };
    }
    answer.projects = projects;
  }
  return answer;
};

const addCosts: Action = (context, params) => {
  const task = requireTask(context, params);
  const timeText = params.filled('time');
  const moneyText = params.filled('money');
  if (timeText === undefined && moneyText === undefined) throw fail.required('time or money');
  const minutes = timeText === undefined ? 0 : parseCostTime(timeText);
  if (minutes === null || (timeText !== undefined && minutes <= 0)) throw fail.invalid('time');
  const userId = actingUserId(context, params, true);
  let cents = 0;
  if (params.get('is_rate') === '1') {
    cents = Math.round(((context.store.user(userId)?.rate ?? 0) * minutes * 100) / 60);
  } else if (moneyText !== undefined) {
    const parsed = parseMoney(moneyText);
    if (parsed === null) throw fail.invalid('money');
    cents = parsed;
  }
  const day = dayParam(params, 'date') ?? formatDay(context.now, context.store.account.timeZone);
  // Project time rules (get_project extra=options). The real wording is not
  // documented; the code (11, like the other option errors in §2) is what matters.
  const options = context.store.project(task.projectId)?.options;
  if (options?.timer_only === 1) throw new ApiFailure(CODE.fieldInvalid, 'Time can be logged only with the timer in this project', 'time');
  if (options?.time_today === 1 && day !== formatDay(context.now, context.store.account.timeZone)) {
    throw new ApiFailure(CODE.fieldInvalid, 'Time can be logged only for today in this project', 'date');
  }
  const cost = addCost(context.store, {
    taskId: task.id,
    userId,
    minutes,
    cents,
    day,
    comment: params.get('comment') ?? '',
    isTimer: false,
    dateAdded: context.now,
  });
  return { status: 'ok', id: Number(cost.id) };
};

export const ACTIONS: Readonly<Record<string, Action>> = {
  me,
  get_users: getUsers,
  get_user_groups: getUserGroups,
  get_projects: getProjects,
  get_project: getProject,
  get_events: getEvents,
  get_all_tasks: getAllTasks,
  get_tasks: getTasks,
  get_task: getTask,
  post_task: postTask,
  update_task: updateTaskAction,
  complete_task: completeTaskAction,
  reopen_task: reopenTaskAction,
  get_task_tags: getTaskTags,
  get_comments: getComments,
  post_comment: postComment,
  get_costs: getCosts,
  get_costs_total: getCostsTotal,
  add_costs: addCosts,
};

// Documented actions the simulator does not answer (api-reference §3): they
// get the unknown-action error, with a hint that says so.
const NOT_SIMULATED = new Set([
  'add_user', 'add_user_group', 'get_contacts', 'add_contact', 'get_contact_groups', 'add_contact_group', 'subscribe',
  'unsubscribe', 'post_project', 'update_project', 'close_project', 'activate_project', 'add_project_members',
  'delete_project_members', 'get_project_groups', 'add_project_group', 'search_tasks', 'add_task_tags',
  'update_task_tags', 'get_task_tag_groups', 'add_task_tag_groups', 'get_project_tags', 'add_project_tags',
  'update_project_tags', 'get_project_tag_groups', 'add_project_tag_groups', 'update_costs', 'delete_costs', 'get_timers',
  'stop_timer', 'get_my_timer', 'start_my_timer', 'stop_my_timer', 'delete_my_timer', 'get_files', 'download',
  'get_webhooks', 'add_webhook', 'delete_webhook', 'get_users_schedule', 'update_users_schedule',
]);

/** Runs one action; unknown actions get code 1 "Action is invalid". */
export function runAction(context: ActionContext, action: string | undefined, params: Params): Answer {
  // hasOwn: "constructor" or "toString" are not actions.
  const handler = action !== undefined && Object.hasOwn(ACTIONS, action) ? ACTIONS[action] : undefined;
  if (!handler) {
    const hint = action === undefined ? 'action' : NOT_SIMULATED.has(action) ? `${action} is not simulated` : undefined;
    throw new ApiFailure(CODE.actionInvalid, 'Action is invalid', hint);
  }
  return handler(context, params);
}
