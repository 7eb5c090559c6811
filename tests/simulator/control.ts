// Test-only control of a running simulator: reset, clock, client comments,
// faults, call statistics and full views of the data for assertions. The same
// operations are served as JSON under /__sim/ (control-http.ts).

import type { ApiGateway, ApiStats, WriteRecord } from './api/gateway.ts';
import { issueToken } from './api/auth.ts';
import { AUTH_MODES, type AuthMode } from './api/wire.ts';
import { commentShape, commentText, taskText } from './api/shapes.ts';
import type { ClockState, SimClock } from './clock.ts';
import { SimulatorInputError, validateFault, type FaultSpec, type FaultState } from './faults.ts';
import { formatDateTime, formatDuration, formatMoney } from './format.ts';
import { ANYONE_ID, NOBODY_ID, fullName, type Store, type Task } from './model.ts';
import { addComment, completeTask, createTask } from './operations.ts';
import type { OAuthLifetimes, OAuthServer, OAuthStats } from './oauth.ts';

export interface PersonView {
  id: string;
  email: string;
  name: string;
  /** Member of a client team (client: 1). */
  client: boolean;
}

export interface TaskTreeView {
  id: string;
  projectId: string;
  parentId: string | null;
  /** 0 task, 1 subtask, 2 sub-subtask. */
  level: number;
  name: string;
  page: string;
  status: 'active' | 'done';
  priority: number;
  author: PersonView;
  assignee: PersonView;
  /** Description as typed, without the checklist. */
  body: string;
  todo: string[];
  /** The API's `text`: body, "\r\n• item" lines, mentions. */
  text: string;
  /** "YYYY-MM-DD HH:MM" in the account time zone. */
  dateAdded: string;
  dateStart: string | null;
  dateEnd: string | null;
  dateClosed: string | null;
  tags: string[];
  subscribers: string[];
  commentCount: number;
  children: TaskTreeView[];
}

export interface CommentView {
  id: string;
  taskId: string;
  projectId: string;
  page: string;
  author: PersonView;
  body: string;
  todo: string[];
  text: string;
  /** "YYYY-MM-DD HH:MM" in the account time zone. */
  date: string;
  /** ISO instant. */
  at: string;
  hiddenFor: string[];
  files: string[];
}

export interface CostView {
  id: string;
  taskId: string;
  projectId: string;
  user: PersonView;
  minutes: number;
  time: string;
  money: string;
  date: string;
  comment: string;
  isTimer: boolean;
}

export interface WaitingThreadView {
  taskId: string;
  projectId: string;
  name: string;
  page: string;
  /** The oldest client comment after the last team comment. */
  waitingSince: string;
  minutes: number;
  clientCommentIds: string[];
}

export interface DataView {
  account: { subdomain: string; name: string; timeZone: string; origin: string };
  users: Array<PersonView & { title: string; role: string; group: string; rate: number }>;
  groups: Array<{ id: string; title: string; client: 0 | 1 }>;
  projects: Array<{
    id: string;
    name: string;
    page: string;
    company: string;
    clientGroup: string | null;
    manager: PersonView | null;
    members: string[];
    taskCount: number;
    openTaskCount: number;
    commentCount: number;
    costCount: number;
  }>;
  /** Threads whose latest comments are by client users with no team comment after them. */
  waiting: WaitingThreadView[];
}

export interface ClockView extends ClockState {
  /** The account's wall clock, "YYYY-MM-DD HH:MM". */
  accountTime: string;
  timeZone: string;
}

export interface NewTaskInput {
  projectId: string | number;
  parentId?: string | number;
  name: string;
  authorEmail?: string;
  assigneeEmail?: string;
  /** "YYYY-MM-DD" */
  dateStart?: string;
  dateEnd?: string;
  maxTime?: number;
  tags?: string[];
  hiddenFor?: string[];
  closedMinutesAgo?: number;
}

export interface SimulatorControl {
  /** Re-seeds the data and clears faults and statistics; `now` restarts the clock there (frozen if asked). */
  reset(options?: { now?: Date | string; frozen?: boolean }): ClockView;
  clock(): ClockView;
  setClock(change: { advanceMinutes?: number; now?: Date | string; frozen?: boolean }): ClockView;
  /** A comment by any user (client or team), posted now; returns it as get_comments shows it. */
  addComment(input: { taskId: string | number; userEmail: string; text: string; todo?: string[] }): Record<string, unknown>;
  /**
   * A task (or subtask, with parentId) made now as post_task would make it, optionally closed
   * `closedMinutesAgo` minutes ago; `tags` are tag titles, `hiddenFor` emails (only they and the
   * author see it). Answers its id and page.
   */
  addTask(input: NewTaskInput): { id: string; page: string };
  /**
   * An event in the get_events feed, now, about a task, in a form the documented
   * feed does not have: another `action` or `object.type` (default "start" /
   * "timer"), `extraFields` added at the top level, and keys to `drop`
   * ("user_from", "object.id", …). The rest is a normal event shape.
   */
  addOddEvent(input: { taskId: string | number; action?: string; objectType?: string; extraFields?: Record<string, unknown>; drop?: string[] }): void;
  /** Deletes a task (and its subtasks, comments and costs), as a user can in the web app; the API then answers "Task is invalid". */
  deleteTask(taskId: string | number): void;
  /** Sets project options such as `timer_only` or `time_today` (0 or 1), as the project's settings page does. */
  setProjectOptions(projectId: string | number, options: Record<string, 0 | 1>): void;
  addFault(fault: FaultSpec): FaultState;
  clearFaults(): void;
  faults(): FaultState[];
  stats(): ApiStats;
  resetStats(): void;
  /** Changes `rateLimitPerSecond` (0 = off). */
  setRateLimit(perSecond: number): void;
  /**
   * Which admin wire schemes the API accepts (api/wire.ts): 'header' only,
   * 'md5' over PHP's rebuilt query only, or 'both' (also md5 over the raw
   * query). `clockToleranceSeconds` makes the header scheme refuse a `t` that
   * far from the simulator clock (null: no check).
   */
  setAuthMode(mode: AuthMode, options?: { clockToleranceSeconds?: number | null }): void;
  /** How each accepted admin request was signed, oldest first: 'header', 'md5-rebuilt' or 'md5-raw'. */
  schemesSeen(): string[];
  /** Writes carried out since the last reset (or stats reset), oldest first: action, `email_user_from` as sent, the id made. */
  writes(filter?: { action?: string }): WriteRecord[];
  tasks(projectId?: string | number): TaskTreeView[];
  comments(taskId: string | number): CommentView[];
  costs(filter?: { taskId?: string | number; projectId?: string | number }): CostView[];
  data(): DataView;
  /** Who is logged in to Worksection in the browser, so the OAuth consent page is theirs (default: the owner). */
  oauthSignInAs(email: string): void;
  /** Lifetimes of tokens issued from now on (default 24 h access, 1 month refresh, as Worksection's). */
  setOAuthLifetimes(change: Partial<OAuthLifetimes>): OAuthLifetimes;
  /** As when the person removes the app's access in Worksection: every issued token and refresh token stops working. */
  revokeOAuthGrants(): void;
  /** What the OAuth server did: consent pages, codes, exchanges, refreshes, refusals, and who called the API with a token. */
  oauthStats(): OAuthStats;
  /** An OAuth2 access token for any user of the account. */
  tokenFor(email: string, options?: { expiresInMinutes?: number }): string;
}

/** What the control needs from the running simulator. */
export interface ControlledState {
  store(): Store;
  /** New data around `now`; the clock restarts at `now` once the data exists. */
  reseed(now: Date, frozen: boolean): void;
  readonly clock: SimClock;
  readonly gateway: ApiGateway;
  readonly oauth: OAuthServer;
  origin: string;
}

function parseInstant(value: Date | string, field: string): Date {
  const instant = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(instant.getTime())) throw new SimulatorInputError(`${field} must be an ISO date-time; got ${JSON.stringify(value)}`);
  return instant;
}

export function createControl(state: ControlledState, defaultNow: () => Date): SimulatorControl {
  const person = (store: Store, id: string): PersonView => {
    if (id === NOBODY_ID) return { id, email: 'NOONE', name: "Executive isn't assigned", client: false };
    if (id === ANYONE_ID) return { id, email: 'ANY', name: 'Anyone', client: false };
    const user = store.user(id);
    if (!user) throw new Error(`unknown user ${id}`);
    return { id, email: user.email, name: fullName(user), client: store.isClient(user) };
  };
  const clockView = (): ClockView => {
    const store = state.store();
    return { ...state.clock.state(), accountTime: formatDateTime(state.clock.now(), store.account.timeZone), timeZone: store.account.timeZone };
  };
  const requireTask = (store: Store, taskId: string | number): Task => {
    const task = store.task(String(taskId));
    if (!task) throw new SimulatorInputError(`no task ${JSON.stringify(taskId)} in the account`);
    return task;
  };
  const tree = (store: Store, task: Task): TaskTreeView => {
    const tz = store.account.timeZone;
    return {
      id: task.id,
      projectId: task.projectId,
      parentId: task.parentId,
      level: store.level(task),
      name: task.name,
      page: store.taskPage(task),
      status: task.status,
      priority: task.priority,
      author: person(store, task.authorId),
      assignee: person(store, task.assigneeId),
      body: task.body,
      todo: [...task.todo],
      text: taskText(task),
      dateAdded: formatDateTime(task.dateAdded, tz),
      dateStart: task.dateStart ?? null,
      dateEnd: task.dateEnd ?? null,
      dateClosed: task.dateClosed ? formatDateTime(task.dateClosed, tz) : null,
      tags: task.tagIds.map((id) => store.tag(id)?.title ?? String(id)),
      subscribers: task.subscriberIds.map((id) => person(store, id).email),
      commentCount: store.commentsOf(task.id).length,
      children: store.children(task.id).sort((a, b) => Number(a.id) - Number(b.id)).map((child) => tree(store, child)),
    };
  };
  const waiting = (store: Store): WaitingThreadView[] => {
    const now = state.clock.nowMs();
    const byTask = new Map<string, typeof store.comments>();
    for (const comment of store.comments) byTask.set(comment.taskId, [...(byTask.get(comment.taskId) ?? []), comment]);
    const threads: WaitingThreadView[] = [];
    for (const [taskId, comments] of byTask) {
      const ordered = comments.filter((comment) => comment.date.getTime() <= now).sort((a, b) => a.date.getTime() - b.date.getTime());
      const unanswered: typeof ordered = [];
      for (const comment of ordered) {
        const author = store.user(comment.authorId);
        if (author && store.isClient(author)) unanswered.push(comment);
        else unanswered.length = 0;
      }
      const first = unanswered[0];
      const task = store.task(taskId);
      if (!first || !task) continue;
      threads.push({
        taskId,
        projectId: task.projectId,
        name: task.name,
        page: store.taskPage(task),
        waitingSince: first.date.toISOString(),
        minutes: Math.floor((now - first.date.getTime()) / 60_000),
        clientCommentIds: unanswered.map((comment) => comment.id),
      });
    }
    return threads.sort((a, b) => b.minutes - a.minutes);
  };

  return {
    reset(options = {}) {
      const now = options.now === undefined ? defaultNow() : parseInstant(options.now, 'now');
      if (options.frozen !== undefined && typeof options.frozen !== 'boolean') throw new SimulatorInputError('frozen must be true or false');
      state.reseed(now, options.frozen ?? false);
      state.gateway.faults.clear();
      state.gateway.resetStats();
      state.oauth.reset();
      return clockView();
    },
    clock: clockView,
    setClock(change) {
      if (change.now === undefined && change.advanceMinutes === undefined && change.frozen === undefined) {
        throw new SimulatorInputError('clock change needs now, advanceMinutes or frozen');
      }
      const now = change.now === undefined ? undefined : parseInstant(change.now, 'now');
      if (change.advanceMinutes !== undefined && (typeof change.advanceMinutes !== 'number' || !Number.isFinite(change.advanceMinutes))) {
        throw new SimulatorInputError(`advanceMinutes must be a number; got ${JSON.stringify(change.advanceMinutes)}`);
      }
      if (change.frozen !== undefined && typeof change.frozen !== 'boolean') throw new SimulatorInputError('frozen must be true or false');
      // Freeze first, so a `now` set in the same change is exact.
      if (change.frozen !== undefined) state.clock.freeze(change.frozen);
      if (now) state.clock.set(now);
      if (change.advanceMinutes !== undefined) state.clock.advance(change.advanceMinutes);
      return clockView();
    },
    addTask(input) {
      const store = state.store();
      if (input === null || typeof input !== 'object' || typeof input.name !== 'string' || input.name.trim() === '') throw new SimulatorInputError('a task needs a name');
      const project = store.project(String(input.projectId));
      if (!project) throw new SimulatorInputError(`no project ${JSON.stringify(input.projectId)}`);
      const parent = input.parentId === undefined ? null : requireTask(store, input.parentId);
      const userId = (email: string | undefined, fallback: string) => {
        if (email === undefined) return fallback;
        const user = store.userByEmail(email);
        if (!user) throw new SimulatorInputError(`no user with email ${JSON.stringify(email)}`);
        return user.id;
      };
      const day = (value: string | undefined, field: string) => {
        if (value !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new SimulatorInputError(`${field} must be YYYY-MM-DD`);
        return value;
      };
      const tagIds = (input.tags ?? []).map((title) => {
        const tag = store.tags.find((candidate) => candidate.title === title);
        if (!tag) throw new SimulatorInputError(`no tag ${JSON.stringify(title)}`);
        return tag.id;
      });
      const authorId = userId(input.authorEmail, store.owner().id);
      const hiddenFor = (input.hiddenFor ?? []).map((email) => userId(email, ''));
      const now = state.clock.now();
      const task = createTask(store, {
        projectId: project.id, parentId: parent?.id ?? null, name: input.name, priority: 1, authorId,
        assigneeId: userId(input.assigneeEmail, NOBODY_ID), body: '', todo: [], mentions: [], dateAdded: now,
        ...(day(input.dateStart, 'dateStart') ? { dateStart: input.dateStart } : {}),
        ...(day(input.dateEnd, 'dateEnd') ? { dateEnd: input.dateEnd } : {}),
        ...(input.maxTime !== undefined ? { maxTime: input.maxTime } : {}),
        tagIds, subscriberIds: [authorId],
        ...(hiddenFor.length > 0 ? { hiddenFor: [...new Set([authorId, ...hiddenFor])] } : {}),
      });
      if (input.closedMinutesAgo !== undefined) completeTask(store, task, authorId, new Date(now.getTime() - input.closedMinutesAgo * 60_000));
      return { id: task.id, page: store.taskPage(task) };
    },
    addComment(input) {
      const store = state.store();
      if (input === null || typeof input !== 'object') throw new SimulatorInputError('comment must be an object');
      const task = requireTask(store, input.taskId);
      if (typeof input.userEmail !== 'string') throw new SimulatorInputError('userEmail is required');
      const user = store.userByEmail(input.userEmail);
      if (!user) throw new SimulatorInputError(`no user with email ${JSON.stringify(input.userEmail)}`);
      const todo = input.todo ?? [];
      if (!Array.isArray(todo) || todo.some((item) => typeof item !== 'string')) throw new SimulatorInputError('todo must be a list of strings');
      const text = typeof input.text === 'string' ? input.text : '';
      if (text.trim() === '' && todo.length === 0) throw new SimulatorInputError('a comment needs text or todo items');
      const comment = addComment(store, { taskId: task.id, authorId: user.id, body: text, todo, mentions: [], at: state.clock.now() });
      return commentShape(store, comment, true);
    },
    deleteTask(taskId) {
      const store = state.store();
      const task = requireTask(store, taskId);
      const doomed = new Set<string>();
      const collect = (id: string): void => {
        doomed.add(id);
        for (const child of store.children(id)) collect(child.id);
      };
      collect(task.id);
      for (const id of doomed) store.tasks.delete(id);
      for (let index = store.comments.length - 1; index >= 0; index--) if (doomed.has(store.comments[index]!.taskId)) store.comments.splice(index, 1);
      for (let index = store.costs.length - 1; index >= 0; index--) if (doomed.has(store.costs[index]!.taskId)) store.costs.splice(index, 1);
    },
    setProjectOptions(projectId, options) {
      const project = state.store().project(String(projectId));
      if (!project) throw new SimulatorInputError(`no project ${JSON.stringify(projectId)}`);
      for (const [key, value] of Object.entries(options)) {
        if (!(key in project.options) || (value !== 0 && value !== 1)) throw new SimulatorInputError(`not a project option: ${key}=${JSON.stringify(value)}`);
        (project.options as unknown as Record<string, number>)[key] = value;
      }
    },
    addOddEvent(input) {
      const store = state.store();
      const task = requireTask(store, input.taskId);
      const author = store.owner();
      store.events.push({
        action: 'post',
        objectType: 'task',
        objectId: task.id,
        taskId: task.id,
        projectId: task.projectId,
        date: state.clock.now(),
        userId: author.id,
        odd: {
          action: input.action ?? 'start',
          objectType: input.objectType ?? 'timer',
          ...(input.extraFields ? { extraFields: input.extraFields } : {}),
          ...(input.drop ? { drop: input.drop } : {}),
        },
      });
    },
    addFault: (fault) => state.gateway.faults.add(validateFault(fault)),
    clearFaults: () => state.gateway.faults.clear(),
    faults: () => state.gateway.faults.list(),
    stats: () => state.gateway.stats(),
    resetStats: () => state.gateway.resetStats(),
    setRateLimit(perSecond) {
      if (typeof perSecond !== 'number' || !Number.isInteger(perSecond) || perSecond < 0) {
        throw new SimulatorInputError(`perSecond must be an integer ≥ 0; got ${JSON.stringify(perSecond)}`);
      }
      state.gateway.rateLimitPerSecond = perSecond;
    },
    setAuthMode(mode, options = {}) {
      if (!AUTH_MODES.includes(mode)) throw new SimulatorInputError(`mode must be one of ${AUTH_MODES.join(', ')}; got ${JSON.stringify(mode)}`);
      const tolerance = options.clockToleranceSeconds;
      if (tolerance !== undefined && tolerance !== null && (typeof tolerance !== 'number' || !(tolerance >= 0))) {
        throw new SimulatorInputError(`clockToleranceSeconds must be a number ≥ 0 or null; got ${JSON.stringify(tolerance)}`);
      }
      state.gateway.authMode = mode;
      if (tolerance !== undefined) state.gateway.clockToleranceSeconds = tolerance ?? undefined;
    },
    schemesSeen: () => [...state.gateway.schemesSeen],
    writes(filter = {}) {
      if (filter.action !== undefined && typeof filter.action !== 'string') throw new SimulatorInputError('action must be a string');
      return state.gateway.writes.filter((write) => filter.action === undefined || write.action === filter.action).map((write) => ({ ...write }));
    },
    tasks(projectId) {
      const store = state.store();
      if (projectId !== undefined && !store.project(String(projectId))) throw new SimulatorInputError(`no project ${JSON.stringify(projectId)}`);
      return [...store.tasks.values()]
        .filter((task) => task.parentId === null && (projectId === undefined || task.projectId === String(projectId)))
        .sort((a, b) => Number(a.id) - Number(b.id))
        .map((task) => tree(store, task));
    },
    comments(taskId) {
      const store = state.store();
      const task = requireTask(store, taskId);
      return store.commentsOf(task.id).map((comment) => ({
        id: comment.id,
        taskId: task.id,
        projectId: task.projectId,
        page: `${store.taskPage(task)}#com${comment.id}`,
        author: person(store, comment.authorId),
        body: comment.body,
        todo: [...comment.todo],
        text: commentText(comment),
        date: formatDateTime(comment.date, store.account.timeZone),
        at: comment.date.toISOString(),
        hiddenFor: (comment.hiddenFor ?? []).map((id) => person(store, id).email),
        files: comment.files.map((file) => file.name),
      }));
    },
    costs(filter = {}) {
      const store = state.store();
      if (filter.taskId !== undefined) requireTask(store, filter.taskId);
      return store.costs
        .filter((cost) => filter.taskId === undefined || cost.taskId === String(filter.taskId))
        .filter((cost) => filter.projectId === undefined || store.task(cost.taskId)?.projectId === String(filter.projectId))
        .map((cost) => ({
          id: cost.id,
          taskId: cost.taskId,
          projectId: store.task(cost.taskId)?.projectId ?? '',
          user: person(store, cost.userId),
          minutes: cost.minutes,
          time: formatDuration(cost.minutes),
          money: formatMoney(cost.cents),
          date: cost.day,
          comment: cost.comment,
          isTimer: cost.isTimer,
        }));
    },
    data() {
      const store = state.store();
      const tasks = [...store.tasks.values()];
      return {
        account: { ...store.account, origin: state.origin },
        users: store.users.map((user) => ({
          ...person(store, user.id), title: user.title, role: user.role, group: store.group(user.groupId)?.title ?? '', rate: user.rate,
        })),
        groups: store.groups.map((group) => ({ ...group })),
        projects: store.projects.map((project) => {
          const own = tasks.filter((task) => task.projectId === project.id);
          const ownIds = new Set(own.map((task) => task.id));
          return {
            id: project.id,
            name: project.name,
            page: `/project/${project.id}/`,
            company: project.company,
            clientGroup: project.clientGroupId ? (store.group(project.clientGroupId)?.title ?? null) : null,
            manager: project.managerId ? person(store, project.managerId) : null,
            members: project.memberIds.map((id) => person(store, id).email),
            taskCount: own.length,
            openTaskCount: own.filter((task) => task.status === 'active').length,
            commentCount: store.comments.filter((comment) => ownIds.has(comment.taskId)).length,
            costCount: store.costs.filter((cost) => ownIds.has(cost.taskId)).length,
          };
        }),
        waiting: waiting(store),
      };
    },
    oauthSignInAs: (email) => state.oauth.signInAs(email),
    setOAuthLifetimes: (change) => state.oauth.setLifetimes(change),
    revokeOAuthGrants: () => state.oauth.revokeAll(),
    oauthStats: () => state.oauth.stats(),
    tokenFor(email, options = {}) {
      const user = state.store().userByEmail(email);
      if (!user) throw new SimulatorInputError(`no user with email ${JSON.stringify(email)}`);
      // Worksection's access tokens live 24 hours (api-reference §1.3); the default never expires.
      if (options.expiresInMinutes !== undefined) return issueToken(user.id, Math.floor(state.clock.nowMs() / 1000) + Math.round(options.expiresInMinutes * 60));
      return issueToken(user.id);
    },
  };
}
