// Builds the demo agency around the catalog: dates relative to the clock,
// comment threads (some waiting for a reply right now), time costs over six
// months and the event log that get_events reads. Deterministic for a seed.

import { addDays, formatDateTime, formatDay, instantAt, monthTitle } from './format.ts';
import {
  ANYONE_ID,
  NOBODY_ID,
  Store,
  type AccountEvent,
  type Comment,
  type FileRef,
  type Project,
  type ProjectOptions,
  type Task,
} from './model.ts';
import { createPrng, type Prng } from './prng.ts';
import {
  CLIENT_ACKS,
  CLIENT_ASKS,
  CLIENT_WAITING,
  COMMENT_FILES,
  COST_NOTES,
  DEMO_CATALOG,
  HOSTILE_COMMENT,
  ROLE_LABEL,
  TASK_TAGS,
  TEAM_NOTES,
  TEAM_REPLIES,
  type AccountCatalog,
  type ProjectSpec,
  type RoleKey,
  type TaskSpec,
} from './seed-catalog.ts';
import { commentText, userRef } from './api/shapes.ts';

export interface SeedOptions {
  now: Date;
  seed: number;
  timeZone: string;
  subdomain: string;
  /** Whose account it is; default the demo agency. */
  catalog?: AccountCatalog;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export const DEFAULT_OPTIONS: ProjectOptions = {
  allow_close: 1, allow_give: 1, allow_term: 1, allow_limit: 0, require_term: 0, require_tag: 0, require_limit: 0,
  require_hidden: 0, deny_comments_edit: 0, deny_task_edit: 0, deny_task_delete: 1, time_require: 0, time_today: 0, timer_only: 0,
};

interface DraftTask {
  spec: TaskSpec;
  project: Project;
  parent: DraftTask | null;
  order: number;
  added: Date;
  closed?: Date;
  authorId: string;
  assigneeId: string;
  task?: Task;
}

interface DraftComment {
  taskDraft: DraftTask;
  authorId: string;
  body: string;
  date: Date;
  files: string[];
  hiddenFor?: string[];
}

export function seedDemoAccount(options: SeedOptions): Store {
  return new Seeder(options).run();
}

class Seeder {
  private readonly rng: Prng;
  private readonly store: Store;
  private readonly nowMs: number;
  private readonly today: string;
  private readonly tz: string;
  private readonly drafts: DraftTask[] = [];
  private readonly draftComments: DraftComment[] = [];
  private readonly catalog: AccountCatalog;

  constructor(options: SeedOptions) {
    this.rng = createPrng(options.seed);
    this.tz = options.timeZone;
    this.catalog = options.catalog ?? DEMO_CATALOG;
    this.store = new Store({ subdomain: options.subdomain, name: this.catalog.name, timeZone: options.timeZone });
    this.nowMs = options.now.getTime();
    this.today = formatDay(options.now, options.timeZone);
  }

  run(): Store {
    this.people();
    for (const spec of this.catalog.projects) this.project(spec);
    this.createTasks();
    this.relations();
    for (const draft of this.drafts) this.thread(draft);
    this.createComments();
    for (const project of this.store.projects) this.costs(project);
    this.events();
    return this.store;
  }

  // ---- people and projects -------------------------------------------------

  private people(): void {
    for (const group of this.catalog.groups) this.store.groups.push({ ...group });
    for (const user of this.catalog.users) {
      this.store.users.push({ ...user, ...(user.contacts ? { contacts: { ...user.contacts } } : {}) });
    }
    for (const tag of TASK_TAGS) this.store.tags.push({ ...tag });
  }

  private clientsOf(project: Project): string[] {
    if (!project.clientGroupId) return [];
    return this.store.users.filter((user) => user.groupId === project.clientGroupId).map((user) => user.id);
  }

  private project(spec: ProjectSpec): void {
    const added = this.workTime(spec.startDaysAgo);
    const owner = this.catalog.roleUsers.owner;
    const members = [...new Set([owner, spec.managerId, ...spec.teamIds])];
    const project: Project = {
      id: spec.id,
      name: spec.name,
      status: 'active',
      company: spec.company,
      clientGroupId: spec.clientGroupId,
      authorId: owner,
      managerId: spec.managerId,
      text: spec.text,
      dateAdded: added,
      dateStart: formatDay(added, this.tz),
      dateEnd: addDays(formatDay(added, this.tz), spec.startDaysAgo + 120),
      options: { ...DEFAULT_OPTIONS, ...spec.options },
      ...(spec.maxTime !== undefined ? { maxTime: spec.maxTime } : {}),
      ...(spec.maxMoney !== undefined ? { maxMoney: spec.maxMoney } : {}),
      tagIds: [...spec.tagIds],
      memberIds: members,
    };
    project.memberIds.push(...this.clientsOf(project));
    this.store.projects.push(project);

    const dayOfMonth = Number(this.today.slice(8, 10));
    const specs = spec.tasks((k) => monthTitle(this.monthStart(k)), dayOfMonth);
    const ordinary = specs.filter((task) => task.monthsBack === undefined && task.recentMinutes === undefined);
    specs.forEach((taskSpec) => {
      let added: Date;
      if (taskSpec.recentMinutes !== undefined) {
        added = new Date(this.nowMs - taskSpec.recentMinutes * MINUTE);
      } else if (taskSpec.monthsBack !== undefined) {
        added = this.capped(instantAt(this.monthStart(taskSpec.monthsBack), 10, this.rng.int(0, 59), this.tz));
      } else {
        // Earlier catalog entries started earlier: the project's history reads in order.
        const position = ordinary.indexOf(taskSpec) / Math.max(1, ordinary.length - 1);
        const daysAgo = spec.startDaysAgo - 1 - (spec.startDaysAgo - 12) * position * (0.85 + 0.15 * this.rng.next());
        added = this.workTime(Math.max(2, Math.round(daysAgo)));
      }
      this.draft(taskSpec, project, null, added);
    });
  }

  /** First day ("YYYY-MM-01") of the month k months back (k may be -1 for next month). */
  private monthStart(monthsBack: number): string {
    const [year, month] = this.today.split('-').map(Number) as [number, number];
    return new Date(Date.UTC(year, month - 1 - monthsBack, 1)).toISOString().slice(0, 10);
  }

  /** A working-hours instant `daysAgo` days back, never in the future. */
  private workTime(daysAgo: number): Date {
    const day = addDays(this.today, -daysAgo);
    return this.capped(instantAt(day, this.rng.int(9, 17), this.rng.int(0, 59), this.tz));
  }

  /** Moves an instant outside 09:00–18:00 forward to the next working morning. */
  private duringWorkHours(ms: number): number {
    const day = formatDay(new Date(ms), this.tz);
    const hour = Number(formatDateTime(new Date(ms), this.tz).slice(11, 13));
    if (hour >= 9 && hour < 18) return ms;
    const morning = hour < 9 ? day : addDays(day, 1);
    return instantAt(morning, 9, this.rng.int(0, 59), this.tz).getTime();
  }

  private capped(instant: Date, marginMs = 30 * MINUTE): Date {
    return new Date(Math.min(instant.getTime(), this.nowMs - marginMs));
  }

  private resolve(role: RoleKey, project: Project): string {
    switch (role) {
      case 'am':
        return project.managerId ?? this.catalog.roleUsers.owner;
      case 'client': {
        const clients = this.clientsOf(project);
        return clients.length > 0 ? this.rng.pick(clients) : (project.managerId ?? this.catalog.roleUsers.owner);
      }
      case 'anyone':
        return ANYONE_ID;
      case 'nobody':
        return NOBODY_ID;
      default:
        return this.catalog.roleUsers[role];
    }
  }

  // ---- tasks ---------------------------------------------------------------

  private draft(spec: TaskSpec, project: Project, parent: DraftTask | null, added: Date): DraftTask {
    const draft: DraftTask = {
      spec,
      project,
      parent,
      order: this.drafts.length,
      added,
      authorId: this.resolve(spec.by ?? 'am', project),
      assigneeId: this.resolve(spec.to, project),
    };
    this.drafts.push(draft);
    if (spec.done || parent?.closed) draft.closed = this.closeTime(draft);
    const children = spec.sub ?? [];
    const limit = Math.min(draft.closed?.getTime() ?? this.nowMs, this.nowMs - 20 * MINUTE);
    children.forEach((childSpec, index) => {
      const span = Math.max(0, limit - added.getTime());
      const fraction = Math.min(0.9, this.rng.next() * 0.3 + index * 0.05);
      const candidate = this.duringWorkHours(added.getTime() + MINUTE + Math.floor(span * fraction));
      const childAdded = new Date(Math.max(added.getTime() + MINUTE, Math.min(candidate, limit)));
      this.draft(childSpec, project, draft, childAdded);
    });
    return draft;
  }

  private closeTime(draft: DraftTask): Date {
    const start = draft.added.getTime();
    // A subtask closes before its parent; a task closes some days after it started.
    const bound = draft.parent?.closed?.getTime() ?? this.nowMs - this.rng.int(2, 48) * HOUR;
    const typical = draft.spec.monthsBack !== undefined ? start + this.rng.int(31, 36) * DAY : start + this.rng.int(3, 25) * DAY;
    let closed = Math.min(typical, bound);
    if (closed <= start) closed = start + Math.max(MINUTE, Math.floor((Math.min(bound, this.nowMs) - start) / 2));
    return new Date(Math.min(closed, this.nowMs - MINUTE));
  }

  private createTasks(): void {
    const ordered = [...this.drafts].sort((a, b) => a.added.getTime() - b.added.getTime() || a.order - b.order);
    for (const draft of ordered) {
      const { spec, project } = draft;
      const id = this.store.ids.task.take(this.rng.int(1, 4));
      const addedDay = formatDay(draft.added, this.tz);
      const task: Task = {
        id,
        projectId: project.id,
        parentId: draft.parent?.task?.id ?? null,
        name: spec.name,
        status: draft.closed ? 'done' : 'active',
        priority: spec.priority ?? this.rng.pick([1, 1, 1, 1, 2, 3, 5]),
        authorId: draft.authorId,
        assigneeId: draft.assigneeId,
        body: spec.text ?? '',
        todo: [...(spec.todo ?? [])],
        mentions: [],
        dateAdded: draft.added,
        tagIds: this.tagsFor(draft),
        subscriberIds: this.subscribersFor(draft),
        files: (spec.files ?? []).map((name) => this.file(name)),
      };
      if (spec.monthsBack !== undefined) {
        task.dateStart = addedDay;
        task.dateEnd = addDays(this.monthStart(spec.monthsBack - 1), spec.name.startsWith('Invoice') ? 2 : 4);
      } else if (spec.rich || this.rng.chance(0.7)) {
        task.dateStart = addDays(addedDay, this.rng.int(0, 2));
        task.dateEnd = addDays(task.dateStart, this.rng.int(3, 21));
      }
      if (spec.rich) {
        task.timeStart = '09:00';
        task.timeEnd = '18:00';
        task.maxTime = this.rng.int(4, 12) * 10;
        task.maxMoney = task.maxTime * 30;
      }
      if (draft.closed) task.dateClosed = draft.closed;
      draft.task = task;
      this.store.tasks.set(id, task);
    }
  }

  private tagsFor(draft: DraftTask): number[] {
    const tags: number[] = [];
    if (!draft.closed && draft.parent === null) tags.push(this.rng.pick([72565, 72569, 72573]));
    const label = draft.spec.name.startsWith('Invoice') ? 72621 : ROLE_LABEL[draft.spec.to];
    if (label !== undefined) tags.push(label);
    if ((draft.spec.priority ?? 0) >= 8) tags.push(72625);
    return tags;
  }

  private subscribersFor(draft: DraftTask): string[] {
    const ids = [draft.authorId, draft.assigneeId, draft.project.managerId ?? this.catalog.roleUsers.owner];
    const clients = this.clientsOf(draft.project);
    if (clients.length > 0 && this.rng.chance(0.5)) ids.push(this.rng.pick(clients));
    return [...new Set(ids.filter((id) => id !== ANYONE_ID && id !== NOBODY_ID))];
  }

  private file(name: string): FileRef {
    return { id: this.store.ids.file.take(this.rng.int(1, 6)), name, size: this.rng.int(18_000, 2_400_000) };
  }

  private relations(): void {
    const chains = new Map<string, DraftTask[]>();
    for (const draft of this.drafts) {
      if (!draft.spec.chain) continue;
      const key = `${draft.project.id}:${draft.spec.chain}`;
      chains.set(key, [...(chains.get(key) ?? []), draft]);
    }
    for (const chain of chains.values()) {
      for (let index = 1; index < chain.length; index += 1) {
        const from = chain[index - 1]?.task;
        const to = chain[index]?.task;
        if (from && to) this.store.relations.push({ fromId: from.id, toId: to.id, type: 'finish-to-start' });
      }
    }
  }

  // ---- comment threads -----------------------------------------------------

  private thread(draft: DraftTask): void {
    const { spec } = draft;
    const clients = this.clientsOf(draft.project);
    const clientProject = clients.length > 0;
    const start = Math.max(draft.added.getTime() + 30 * MINUTE, this.nowMs - 60 * DAY);
    const waiting = spec.waiting ?? [];
    const oldestWaiting = waiting.length > 0 ? Math.max(...waiting) : 0;
    const end = waiting.length > 0
      ? this.nowMs - (oldestWaiting + this.rng.int(60, 600)) * MINUTE
      : Math.min(draft.closed?.getTime() ?? this.nowMs, this.nowMs) - 10 * MINUTE;
    const wanted = waiting.length > 0 || spec.thread || (!spec.quiet && this.rng.chance(clientProject ? 0.45 : 0.3));
    if (!wanted || end - start < 3 * HOUR) {
      if (waiting.length > 0) this.waitingComments(draft, clients, waiting);
      return;
    }
    const client = clientProject ? this.rng.pick(clients) : null;
    const teamVoice = draft.project.managerId ?? this.catalog.roleUsers.owner;
    const worker = this.isTeam(draft.assigneeId) ? draft.assigneeId : teamVoice;
    const comments: DraftComment[] = [];
    // History stays before the waiting comments, so they remain unanswered.
    const cap = waiting.length > 0 ? end : this.nowMs - MINUTE;
    const say = (authorId: string, body: string, at: number, extra: Partial<DraftComment> = {}): number => {
      const date = Math.min(at, cap);
      comments.push({ taskDraft: draft, authorId, body, date: new Date(date), files: [], ...extra });
      return date;
    };

    let t = this.duringWorkHours(start + this.rng.next() * (end - start) * 0.4);
    const exchanges = this.rng.int(1, 3);
    // The hostile-HTML comment must exist whatever the dates, so its exchange always runs.
    for (let exchange = 0; exchange < exchanges && (t < end || (exchange === 0 && spec.hostileComment)); exchange += 1) {
      if (client && (spec.hostileComment && exchange === 0 || this.rng.chance(0.75))) {
        const ask = spec.hostileComment && exchange === 0 ? HOSTILE_COMMENT : this.rng.pick(CLIENT_ASKS);
        say(client, ask, t);
        t = say(teamVoice, this.rng.pick(TEAM_REPLIES), t + this.rng.int(4, 150) * MINUTE);
        if (this.rng.chance(0.3) && t + HOUR < end) {
          t = say(worker, this.rng.pick(TEAM_NOTES), t + this.rng.int(30, 600) * MINUTE, this.noteExtras(draft, clientProject));
        }
      } else {
        t = say(worker, this.rng.pick(TEAM_NOTES), t, this.noteExtras(draft, clientProject));
        if (client && this.rng.chance(0.5)) {
          t = say(client, this.rng.pick(CLIENT_ACKS), t + this.rng.int(20, 400) * MINUTE);
          t = say(teamVoice, this.rng.pick(TEAM_REPLIES), t + this.rng.int(5, 90) * MINUTE);
        } else if (!client) {
          const colleague = this.rng.pick(draft.project.memberIds.filter((id) => id !== worker));
          t = say(colleague, this.rng.pick(TEAM_REPLIES), t + this.rng.int(10, 300) * MINUTE);
        }
      }
      t = this.duringWorkHours(t + this.rng.int(1, 7) * DAY);
    }
    this.draftComments.push(...comments);
    if (waiting.length > 0) this.waitingComments(draft, clients, waiting);
  }

  private noteExtras(draft: DraftTask, clientProject: boolean): Partial<DraftComment> {
    const extras: Partial<DraftComment> = {};
    if (this.rng.chance(0.3)) extras.files = [this.rng.pick(COMMENT_FILES)];
    // Internal notes in client projects are often hidden from the client (§7 "hidden").
    if (clientProject && this.rng.chance(0.3)) {
      extras.hiddenFor = draft.project.memberIds.filter((id) => this.isTeam(id));
    }
    return extras;
  }

  /** The client's latest comments, `ages` minutes old: the thread now waits for a reply. */
  private waitingComments(draft: DraftTask, clients: string[], ages: number[]): void {
    const client = clients[0] ?? null;
    if (!client) throw new Error(`waiting thread "${draft.spec.name}" is not in a client project`);
    for (const age of [...ages].sort((a, b) => b - a)) {
      this.draftComments.push({
        taskDraft: draft,
        authorId: client,
        body: this.rng.pick(CLIENT_WAITING),
        date: new Date(this.nowMs - age * MINUTE),
        files: [],
      });
    }
  }

  private isTeam(userId: string): boolean {
    const user = this.store.user(userId);
    return user !== undefined && !this.store.isClient(user);
  }

  private createComments(): void {
    this.draftComments.sort((a, b) => a.date.getTime() - b.date.getTime());
    for (const draft of this.draftComments) {
      const task = draft.taskDraft.task;
      if (!task) continue;
      // Replies that say a file is attached carry one.
      const files = draft.files.length > 0 || /^(Attached|Here is)/.test(draft.body)
        ? (draft.files.length > 0 ? draft.files : [this.rng.pick(COMMENT_FILES)]).map((name) => this.file(name))
        : [];
      const comment: Comment = {
        id: this.store.ids.comment.take(this.rng.int(2, 6)),
        taskId: task.id,
        authorId: draft.authorId,
        body: draft.body,
        todo: [],
        mentions: [],
        date: draft.date,
        files,
        ...(draft.hiddenFor ? { hiddenFor: draft.hiddenFor } : {}),
      };
      this.store.comments.push(comment);
    }
  }

  // ---- time costs ----------------------------------------------------------

  private costs(project: Project): void {
    const tasks = [...this.store.tasks.values()].filter((task) => task.projectId === project.id);
    const rows: Array<{ task: Task; userId: string; day: string; minutes: number; comment: string; isTimer: boolean }> = [];
    for (let monthsBack = 0; monthsBack < 6; monthsBack += 1) {
      const monthStart = this.monthStart(monthsBack);
      const count = this.rng.int(5, 9);
      for (let index = 0; index < count; index += 1) {
        const lastDay = monthsBack === 0 ? this.today : addDays(this.monthStart(monthsBack - 1), -1);
        const span = Math.round((Date.parse(lastDay) - Date.parse(monthStart)) / DAY);
        const day = addDays(monthStart, this.rng.int(0, Math.max(0, span)));
        const dayEnd = instantAt(day, 23, 59, this.tz).getTime();
        const dayStart = instantAt(day, 0, 0, this.tz).getTime();
        const open = tasks.filter((task) => task.dateAdded.getTime() <= dayEnd && (task.dateClosed?.getTime() ?? Infinity) >= dayStart);
        if (open.length === 0) continue;
        const task = this.rng.pick(open);
        const managerId = project.managerId ?? this.catalog.roleUsers.owner;
        const userId = this.isTeam(task.assigneeId) ? task.assigneeId : managerId;
        rows.push({ task, userId, day, minutes: this.rng.int(3, 60) * 5, comment: this.costNote(userId), isTimer: this.rng.chance(0.5) });
      }
    }
    // Account work: the manager's calls and reports on the project, every month.
    const managerId = project.managerId ?? this.catalog.roleUsers.owner;
    const communication = tasks.find((task) => /communication|status call/i.test(task.name)) ?? tasks[0];
    if (communication) {
      for (let monthsBack = 0; monthsBack < 6; monthsBack += 1) {
        const day = addDays(this.monthStart(monthsBack), this.rng.int(0, 6));
        if (day > this.today || communication.dateAdded.getTime() > instantAt(day, 23, 59, this.tz).getTime()) continue;
        rows.push({ task: communication, userId: managerId, day, minutes: this.rng.int(2, 12) * 5, comment: 'Call with the client', isTimer: false });
      }
    }
    rows.sort((a, b) => a.day.localeCompare(b.day));
    for (const row of rows) {
      const rate = this.store.user(row.userId)?.rate ?? 0;
      this.store.costs.push({
        id: this.store.ids.cost.take(this.rng.int(1, 3)),
        taskId: row.task.id,
        userId: row.userId,
        minutes: row.minutes,
        cents: Math.round((rate * row.minutes * 100) / 60),
        day: row.day,
        comment: row.comment,
        isTimer: row.isTimer,
        dateAdded: this.capped(instantAt(row.day, 18, 0, this.tz), MINUTE),
      });
    }
  }

  private costNote(userId: string): string {
    const role = (Object.entries(this.catalog.roleUsers).find(([, id]) => id === userId)?.[0] ?? 'am') as RoleKey;
    return this.rng.pick(COST_NOTES[role]);
  }

  // ---- event log -----------------------------------------------------------

  private events(): void {
    const store = this.store;
    const events: AccountEvent[] = [];
    for (const project of store.projects) {
      events.push({
        action: 'post', objectType: 'project', objectId: project.id, projectId: project.id, date: project.dateAdded,
        userId: project.authorId,
        new: { title: project.name, user_to: userRef(store, project.managerId ?? this.catalog.roleUsers.owner) },
      });
    }
    for (const draft of this.drafts) {
      const task = draft.task;
      if (!task) continue;
      const base = { objectType: 'task' as const, objectId: task.id, projectId: task.projectId };
      const settled = Math.min(task.dateClosed?.getTime() ?? this.nowMs, this.nowMs);
      const changeAt = () => new Date(task.dateAdded.getTime() + Math.floor((settled - task.dateAdded.getTime()) * this.rng.next() * 0.5));
      const reassign = task.assigneeId !== ANYONE_ID && task.assigneeId !== NOBODY_ID && this.rng.chance(0.1);
      events.push({
        ...base, action: 'post', date: task.dateAdded, userId: task.authorId,
        new: { title: task.name, user_to: userRef(store, reassign ? ANYONE_ID : task.assigneeId) },
      });
      if (reassign) {
        events.push({
          ...base, action: 'update', date: changeAt(), userId: task.authorId,
          new: { user_to: userRef(store, task.assigneeId) }, old: { user_to: userRef(store, ANYONE_ID) },
        });
      }
      if (task.priority !== 1 && this.rng.chance(0.3)) {
        events.push({
          ...base, action: 'update', date: changeAt(), userId: task.authorId,
          new: { priority: String(task.priority) }, old: { priority: '1' },
        });
      }
      if (task.dateClosed) {
        events.push({
          ...base, action: 'close', date: task.dateClosed,
          userId: this.isTeam(task.assigneeId) ? task.assigneeId : (draft.project.managerId ?? this.catalog.roleUsers.owner),
        });
      }
    }
    for (const comment of store.comments) {
      const task = store.task(comment.taskId);
      if (!task) continue;
      events.push({
        action: 'post', objectType: 'comment', objectId: comment.id, taskId: task.id, projectId: task.projectId,
        date: comment.date, userId: comment.authorId, new: { text: commentText(comment) },
      });
    }
    events.sort((a, b) => a.date.getTime() - b.date.getTime());
    store.events.push(...events);
  }
}
