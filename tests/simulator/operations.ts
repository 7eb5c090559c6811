// Changes to the account, shared by the API, the web pages and the control
// endpoint, so each one also writes the event get_events reports.

import { commentText, userRef } from './api/shapes.ts';
import type { Comment, Cost, FileRef, Store, Task } from './model.ts';

export interface NewComment {
  taskId: string;
  authorId: string;
  body: string;
  todo: string[];
  mentions: string[];
  hiddenFor?: string[];
  files?: FileRef[];
  at: Date;
}

export function addComment(store: Store, input: NewComment): Comment {
  const task = store.task(input.taskId);
  if (!task) throw new Error(`no task ${input.taskId}`);
  const comment: Comment = {
    id: store.ids.comment.take(2),
    taskId: task.id,
    authorId: input.authorId,
    body: input.body,
    todo: [...input.todo],
    mentions: [...input.mentions],
    date: input.at,
    files: input.files ?? [],
    ...(input.hiddenFor && input.hiddenFor.length > 0 ? { hiddenFor: [...input.hiddenFor] } : {}),
  };
  store.comments.push(comment);
  store.events.push({
    action: 'post', objectType: 'comment', objectId: comment.id, taskId: task.id, projectId: task.projectId,
    date: input.at, userId: input.authorId, new: { text: commentText(comment) },
  });
  return comment;
}

export type NewTask = Omit<Task, 'id' | 'status' | 'dateClosed' | 'files'>;

export function createTask(store: Store, input: NewTask): Task {
  const task: Task = { ...input, id: store.ids.task.take(2), status: 'active', files: [] };
  store.tasks.set(task.id, task);
  store.events.push({
    action: 'post', objectType: 'task', objectId: task.id, projectId: task.projectId, date: task.dateAdded,
    userId: task.authorId, new: { title: task.name, user_to: userRef(store, task.assigneeId) },
  });
  return task;
}

/** Field changes as the event log shows them: wire names and wire values. */
export interface TaskChange {
  name?: string;
  assigneeId?: string;
  priority?: number;
  dateStart?: string;
  dateEnd?: string;
  dateClosed?: Date;
  maxTime?: number;
  maxMoney?: number;
}

export function updateTask(store: Store, task: Task, change: TaskChange, userId: string, at: Date): void {
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  const record = (wire: string, old: unknown, next: unknown): void => {
    if (JSON.stringify(old) === JSON.stringify(next)) return;
    before[wire] = old;
    after[wire] = next;
  };
  if (change.name !== undefined) record('title', task.name, change.name);
  if (change.assigneeId !== undefined) record('user_to', userRef(store, task.assigneeId), userRef(store, change.assigneeId));
  if (change.priority !== undefined) record('priority', String(task.priority), String(change.priority));
  if (change.dateStart !== undefined) record('date_start', task.dateStart ?? '', change.dateStart);
  if (change.dateEnd !== undefined) record('date_end', task.dateEnd ?? '', change.dateEnd);
  if (change.maxTime !== undefined) record('max_time', task.maxTime ?? 0, change.maxTime);
  if (change.maxMoney !== undefined) record('max_money', task.maxMoney ?? 0, change.maxMoney);

  if (change.name !== undefined) task.name = change.name;
  if (change.assigneeId !== undefined) task.assigneeId = change.assigneeId;
  if (change.priority !== undefined) task.priority = change.priority;
  if (change.dateStart !== undefined) task.dateStart = change.dateStart;
  if (change.dateEnd !== undefined) task.dateEnd = change.dateEnd;
  if (change.maxTime !== undefined) task.maxTime = change.maxTime;
  if (change.maxMoney !== undefined) task.maxMoney = change.maxMoney;
  if (change.dateClosed !== undefined) task.dateClosed = change.dateClosed;
  if (Object.keys(after).length > 0) {
    store.events.push({
      action: 'update', objectType: 'task', objectId: task.id, projectId: task.projectId, date: at, userId, new: after, old: before,
    });
  }
}

export function completeTask(store: Store, task: Task, userId: string, at: Date): void {
  task.status = 'done';
  task.dateClosed = at;
  store.events.push({ action: 'close', objectType: 'task', objectId: task.id, projectId: task.projectId, date: at, userId });
}

export function reopenTask(store: Store, task: Task, userId: string, at: Date): void {
  task.status = 'active';
  delete task.dateClosed;
  store.events.push({ action: 'reopen', objectType: 'task', objectId: task.id, projectId: task.projectId, date: at, userId });
}

export function addCost(store: Store, input: Omit<Cost, 'id'>): Cost {
  const cost: Cost = { ...input, id: store.ids.cost.take(1) };
  store.costs.push(cost);
  return cost;
}

/** Open subtasks block closing a task (error 13). */
export function hasOpenChildren(store: Store, task: Task): boolean {
  return store.children(task.id).some((child) => child.status === 'active');
}
