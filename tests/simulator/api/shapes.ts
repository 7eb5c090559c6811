// Model → the JSON Worksection sends: field names, order, string ids, numeric
// limits, "YYYY-MM-DD HH:MM" dates (api-reference §2, §4 and the Postman
// examples). Optional fields are left out when empty, as in the examples.

import { formatDateTime, formatDuration, formatMoney } from '../format.ts';
import {
  ANYONE_ID,
  NOBODY_ID,
  NO_MANAGER_ID,
  fullName,
  renderText,
  type Comment,
  type Cost,
  type FileRef,
  type Project,
  type Store,
  type Task,
  type User,
} from '../model.ts';

export interface UserRef {
  id: string;
  email: string;
  name: string;
}

const SENTINELS: Record<string, UserRef> = {
  [NOBODY_ID]: { id: NOBODY_ID, email: 'NOONE', name: "Executive isn't assigned" },
  [ANYONE_ID]: { id: ANYONE_ID, email: 'ANY', name: 'Anyone' },
};
const NO_MANAGER: UserRef = { id: NO_MANAGER_ID, email: 'NOONE', name: "Manager isn't assigned" };

export function userRef(store: Store, id: string): UserRef {
  const sentinel = SENTINELS[id];
  if (sentinel) return { ...sentinel };
  const user = store.user(id);
  if (!user) throw new Error(`unknown user ${id}`);
  return { id: user.id, email: user.email, name: fullName(user) };
}

export function avatarUrl(store: Store, user: User): string {
  return user.contacts
    ? `https://${store.account.subdomain}.worksection.com/images/user/246965/${user.id}_2001.jpg`
    : `https://${store.account.subdomain}.worksection.com/images/user/0m.gif`;
}

/** get_users item; `me` leaves out `rate` (§3.1). */
export function userShape(store: Store, user: User, withRate: boolean): Record<string, unknown> {
  return {
    id: user.id,
    first_name: user.firstName,
    last_name: user.lastName,
    name: fullName(user),
    title: user.title,
    ...(withRate ? { rate: user.rate } : {}),
    avatar: avatarUrl(store, user),
    group: store.group(user.groupId)?.title ?? '',
    department: user.department,
    role: user.role,
    email: user.email,
    ...(user.contacts ?? {}),
  };
}

export function groupShape(store: Store): Array<Record<string, unknown>> {
  return store.groups.map((group) => ({ id: group.id, title: group.title, type: 'company', client: group.client }));
}

export interface ProjectExtras {
  text: boolean;
  options: boolean;
  users: boolean;
}

export function projectRef(project: Project): { id: string; name: string; page: string } {
  return { id: project.id, name: project.name, page: `/project/${project.id}/` };
}

export function projectShape(store: Store, project: Project, extras: ProjectExtras): Record<string, unknown> {
  const tz = store.account.timeZone;
  const shape: Record<string, unknown> = {
    ...projectRef(project),
    status: project.status,
    company: project.company,
    user_from: userRef(store, project.authorId),
    user_to: project.managerId ? userRef(store, project.managerId) : { ...NO_MANAGER },
  };
  if (extras.text) shape.text = project.text;
  shape.date_added = formatDateTime(project.dateAdded, tz);
  if (project.dateStart) shape.date_start = project.dateStart;
  if (project.dateEnd) shape.date_end = project.dateEnd;
  if (extras.options) shape.options = { ...project.options };
  if (project.maxTime !== undefined) shape.max_time = project.maxTime;
  if (project.maxMoney !== undefined) shape.max_money = project.maxMoney;
  if (project.tagIds.length > 0) shape.tags = tagsShape(store, project.tagIds);
  if (extras.users) shape.users = project.memberIds.map((id) => userRef(store, id));
  return shape;
}

function tagsShape(store: Store, ids: readonly number[], seesPrivate = true): Record<string, string> {
  const tags: Record<string, string> = {};
  for (const id of ids) {
    const tag = store.tag(id);
    // A private group's tags are for the company's teams only: a client never sees them.
    if (!seesPrivate && tag?.access === 'private') continue;
    tags[String(id)] = tag?.title ?? '';
  }
  return tags;
}

export function fileShape(file: FileRef): { id: string; page: string; name: string; size: string } {
  return { id: file.id, page: `/download/${file.id}/`, name: file.name, size: String(file.size) };
}

export function taskText(task: Task): string {
  return renderText(task.body, task.todo, task.mentions);
}

export function commentText(comment: Comment): string {
  return renderText(comment.body, comment.todo, comment.mentions);
}

/** {id,name,page,status,priority}: relations, parent, get_task's child (§4.1). */
export function taskRef(store: Store, task: Task): Record<string, unknown> {
  return { id: task.id, name: task.name, page: store.taskPage(task), status: task.status, priority: String(task.priority) };
}

export interface TaskExtras {
  text: boolean;
  html: boolean;
  files: boolean;
  comments: boolean;
  relations: boolean;
  subtasks: boolean;
  subscribers: boolean;
  tags: boolean;
}

export const NO_TASK_EXTRAS: TaskExtras = {
  text: false, html: false, files: false, comments: false, relations: false, subtasks: false, subscribers: false, tags: false,
};

export interface TaskShapeOptions {
  extras: TaskExtras;
  /** `parent` object: single-task answers (get_task, post_task, update_task…) only. */
  withParent: boolean;
  /** has_comments: the read actions only (absent in write answers, §4.2). */
  withHasComments: boolean;
  /** Subtask filter; `null` keeps every subtask. */
  childFilter: ((task: Task) => boolean) | null;
  /** get_task's reduced children (§4.1) instead of full task objects. */
  reducedChildren: boolean;
  /** Visibility of comments (hidden comments) for the caller. */
  canSee: (hiddenFor: readonly string[] | undefined, authorId: string) => boolean;
  /** False for a client team's member: tags of private groups are left out. */
  seesPrivateTags?: boolean;
}

export function taskShape(store: Store, task: Task, options: TaskShapeOptions): Record<string, unknown> {
  const tz = store.account.timeZone;
  const project = store.project(task.projectId);
  if (!project) throw new Error(`task ${task.id} has no project`);
  const { extras } = options;
  const shape: Record<string, unknown> = {
    ...taskRef(store, task),
    user_from: userRef(store, task.authorId),
    user_to: userRef(store, task.assigneeId),
    project: projectRef(project),
  };
  if (options.withParent && task.parentId) {
    const parent = store.task(task.parentId);
    if (parent) shape.parent = taskRef(store, parent);
  }
  if (extras.text || extras.html) shape.text = extras.html ? textToHtml(taskText(task)) : taskText(task);
  shape.date_added = formatDateTime(task.dateAdded, tz);
  if (task.dateStart) shape.date_start = task.dateStart;
  if (task.dateEnd) shape.date_end = task.dateEnd;
  if (task.dateClosed) shape.date_closed = formatDateTime(task.dateClosed, tz);
  if (task.timeStart) shape.time_start = task.timeStart;
  if (task.timeEnd) shape.time_end = task.timeEnd;
  if (task.maxTime !== undefined) shape.max_time = task.maxTime;
  if (task.maxMoney !== undefined) shape.max_money = task.maxMoney;
  if (extras.tags && task.tagIds.length > 0) {
    const tags = tagsShape(store, task.tagIds, options.seesPrivateTags ?? true);
    if (Object.keys(tags).length > 0) shape.tags = tags;
  }
  if (extras.subscribers) shape.subscribers = task.subscriberIds.map((id) => userRef(store, id));
  if (extras.files && task.files.length > 0) shape.files = task.files.map(fileShape);
  const comments = store.commentsOf(task.id).filter((comment) => options.canSee(comment.hiddenFor, comment.authorId));
  if (options.withHasComments) shape.has_comments = comments.length > 0 ? 1 : 0;
  if (extras.comments && comments.length > 0) {
    // The five last, newest first (§3.4).
    shape.comments = comments.slice(-5).reverse().map((comment) => commentShape(store, comment, false));
  }
  if (extras.relations) {
    const from = store.relations.filter((relation) => relation.toId === task.id);
    const to = store.relations.filter((relation) => relation.fromId === task.id);
    if (from.length + to.length > 0) {
      const relations: Record<string, unknown> = {};
      const entry = (type: string, otherId: string) => {
        const other = store.task(otherId);
        return other ? { type, task: taskRef(store, other) } : null;
      };
      if (from.length > 0) relations.from = from.map((r) => entry(r.type, r.fromId)).filter(Boolean);
      if (to.length > 0) relations.to = to.map((r) => entry(r.type, r.toId)).filter(Boolean);
      shape.relations = relations;
    }
  }
  if (extras.subtasks) {
    const children = store.children(task.id).filter((child) => options.childFilter?.(child) ?? true);
    if (children.length > 0) {
      shape.child = children.map((child) =>
        options.reducedChildren ? reducedChild(store, child, options) : taskShape(store, child, { ...options, withParent: false }));
    }
  }
  return shape;
}

function reducedChild(store: Store, task: Task, options: TaskShapeOptions): Record<string, unknown> {
  const shape = taskRef(store, task);
  const children = store.children(task.id).filter((child) => options.childFilter?.(child) ?? true);
  if (children.length > 0) shape.child = children.map((child) => reducedChild(store, child, options));
  return shape;
}

export function commentShape(store: Store, comment: Comment, withFiles: boolean): Record<string, unknown> {
  const task = store.task(comment.taskId);
  if (!task) throw new Error(`comment ${comment.id} has no task`);
  const shape: Record<string, unknown> = {
    id: comment.id,
    page: `${store.taskPage(task)}#com${comment.id}`,
    text: commentText(comment),
    date_added: formatDateTime(comment.date, store.account.timeZone),
    user_from: userRef(store, comment.authorId),
  };
  if (withFiles && comment.files.length > 0) shape.files = comment.files.map((file) => ({ id: file.id, size: String(file.size), name: file.name, page: `/download/${file.id}/` }));
  return shape;
}

/** get_costs row (§4.5): its task carries the short task form plus project and dates. */
export function costShape(store: Store, cost: Cost): Record<string, unknown> {
  const task = store.task(cost.taskId);
  if (!task) throw new Error(`cost ${cost.id} has no task`);
  const project = store.project(task.projectId);
  if (!project) throw new Error(`task ${task.id} has no project`);
  const tz = store.account.timeZone;
  return {
    id: cost.id,
    comment: cost.comment,
    time: formatDuration(cost.minutes),
    money: formatMoney(cost.cents),
    date: cost.day,
    is_timer: cost.isTimer,
    user_from: userRef(store, cost.userId),
    task: {
      ...taskRef(store, task),
      project: projectRef(project),
      date_added: formatDateTime(task.dateAdded, tz),
      ...(task.dateClosed ? { date_closed: formatDateTime(task.dateClosed, tz) } : {}),
    },
  };
}

export function totalShape(costs: readonly Cost[]): { time: string; money: string } {
  const minutes = costs.reduce((sum, cost) => sum + cost.minutes, 0);
  const cents = costs.reduce((sum, cost) => sum + cost.cents, 0);
  return { time: formatDuration(minutes), money: formatMoney(cents) };
}

/** extra=html: the description as Worksection's HTML (escaped text, line breaks). */
export function textToHtml(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;'))
    .join('<br>');
}

