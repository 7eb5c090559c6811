// The simulated account's data: plain records with ids as Worksection sends
// them (strings), plus the few relations every view needs (task tree, pages).

export type Role = 'Owner' | 'Account admin' | 'User' | 'Guest';

export interface User {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  title: string;
  /** Hourly rate in account currency. */
  rate: number;
  groupId: string;
  department: string;
  role: Role;
  /** Only some users filled in their contacts (as in the official examples). */
  contacts?: {
    phone: string;
    phone2?: string;
    phone3?: string;
    phone4?: string;
    address?: string;
    address2?: string;
  };
}

export interface Group {
  id: string;
  title: string;
  /** 1 = external client team (api-reference §4.7). */
  client: 0 | 1;
}

export interface ProjectOptions {
  allow_close: number;
  allow_give: number;
  allow_term: number;
  allow_limit: number;
  require_term: number;
  require_tag: number;
  require_limit: number;
  require_hidden: number;
  deny_comments_edit: number;
  deny_task_edit: number;
  deny_task_delete: number;
  time_require: number;
  time_today: number;
  timer_only: number;
}

export interface Project {
  id: string;
  name: string;
  status: 'active' | 'pending' | 'archive';
  /** Company (client) or folder the project sits in. */
  company: string;
  /** Client team of the project, null for internal projects. */
  clientGroupId: string | null;
  authorId: string;
  /** Project manager, null when not assigned. */
  managerId: string | null;
  text: string;
  dateAdded: Date;
  dateStart?: string;
  dateEnd?: string;
  options: ProjectOptions;
  maxTime?: number;
  maxMoney?: number;
  tagIds: number[];
  memberIds: string[];
}

export interface FileRef {
  id: string;
  name: string;
  size: number;
}

/** Executive sentinels (api-reference §2): "1" nobody, "2" anyone. */
export const NOBODY_ID = '1';
export const ANYONE_ID = '2';
/** Project manager sentinel. */
export const NO_MANAGER_ID = '0';

export interface Task {
  id: string;
  projectId: string;
  parentId: string | null;
  name: string;
  status: 'active' | 'done';
  priority: number;
  authorId: string;
  /** A user id, or NOBODY_ID / ANYONE_ID. */
  assigneeId: string;
  /** The description as typed, without the checklist. */
  body: string;
  /** Checklist items (todo[]), rendered into `text` as "\r\n• item". */
  todo: string[];
  /** Names of mentioned users, appended to `text`. */
  mentions: string[];
  dateAdded: Date;
  dateStart?: string;
  dateEnd?: string;
  timeStart?: string;
  timeEnd?: string;
  dateClosed?: Date;
  maxTime?: number;
  maxMoney?: number;
  tagIds: number[];
  subscriberIds: string[];
  /** When set, only these users (plus author) see the task. */
  hiddenFor?: string[];
  files: FileRef[];
}

export interface Comment {
  id: string;
  taskId: string;
  authorId: string;
  body: string;
  todo: string[];
  mentions: string[];
  date: Date;
  files: FileRef[];
  hiddenFor?: string[];
}

export interface Relation {
  /** The task that must happen first. */
  fromId: string;
  toId: string;
  type: 'finish-to-start' | 'start-to-start';
}

export interface Cost {
  id: string;
  taskId: string;
  userId: string;
  minutes: number;
  cents: number;
  /** "YYYY-MM-DD". */
  day: string;
  comment: string;
  isTimer: boolean;
  dateAdded: Date;
}

export type EventAction = 'post' | 'update' | 'close' | 'reopen' | 'delete';

export interface AccountEvent {
  action: EventAction;
  objectType: 'project' | 'task' | 'comment';
  objectId: string;
  /** The task whose page a comment event points at. */
  taskId?: string;
  projectId: string;
  date: Date;
  userId: string;
  /** Wire values ({text}, {priority, user_to…}); rendered as is. */
  new?: Record<string, unknown>;
  old?: Record<string, unknown>;
  /** An event the real feed may carry and the documented one does not: how its wire form differs (control.addOddEvent). */
  odd?: { action?: string; objectType?: string; extraFields?: Record<string, unknown>; drop?: string[] };
}

export interface Tag {
  id: number;
  title: string;
  group: string;
  type: 'status' | 'label';
  /**
   * The group's access (api-reference §3.5): "public – available to all teams
   * (including external client teams); private – available only for your
   * company teams". Absent = public.
   */
  access?: 'public' | 'private';
}

export interface Account {
  /** Subdomain: https://<name>.worksection.com */
  subdomain: string;
  /** Workspace name shown in #header_print. */
  name: string;
  timeZone: string;
}

/** Allocates realistic-looking ids that keep growing, like a live account. */
export class IdSequence {
  constructor(private next: number) {}
  take(step = 1): string {
    const id = this.next;
    this.next += Math.max(1, step);
    return String(id);
  }
}

export class Store {
  readonly users: User[] = [];
  readonly groups: Group[] = [];
  readonly projects: Project[] = [];
  readonly tasks = new Map<string, Task>();
  readonly comments: Comment[] = [];
  readonly relations: Relation[] = [];
  readonly costs: Cost[] = [];
  readonly events: AccountEvent[] = [];
  readonly tags: Tag[] = [];
  readonly ids = {
    task: new IdSequence(330090),
    comment: new IdSequence(19006),
    cost: new IdSequence(3602),
    file: new IdSequence(17300),
  };

  constructor(readonly account: Account) {}

  user(id: string): User | undefined {
    return this.users.find((user) => user.id === id);
  }

  userByEmail(email: string): User | undefined {
    const wanted = email.trim().toLowerCase();
    return this.users.find((user) => user.email.toLowerCase() === wanted);
  }

  group(id: string): Group | undefined {
    return this.groups.find((group) => group.id === id);
  }

  isClient(user: User): boolean {
    return this.group(user.groupId)?.client === 1;
  }

  owner(): User {
    const owner = this.users.find((user) => user.role === 'Owner');
    if (!owner) throw new Error('the account has no owner');
    return owner;
  }

  project(id: string): Project | undefined {
    return this.projects.find((project) => project.id === id);
  }

  task(id: string): Task | undefined {
    return this.tasks.get(id);
  }

  children(taskId: string): Task[] {
    return [...this.tasks.values()].filter((task) => task.parentId === taskId);
  }

  topLevelTasks(projectId: string): Task[] {
    return [...this.tasks.values()].filter((task) => task.projectId === projectId && task.parentId === null);
  }

  /** 0 for a task, 1 for a subtask, 2 for a sub-subtask. */
  level(task: Task): number {
    let level = 0;
    let current = task;
    while (current.parentId !== null) {
      const parent = this.tasks.get(current.parentId);
      if (!parent) break;
      current = parent;
      level += 1;
    }
    return level;
  }

  topAncestor(task: Task): Task {
    let current = task;
    while (current.parentId !== null) {
      const parent = this.tasks.get(current.parentId);
      if (!parent) break;
      current = parent;
    }
    return current;
  }

  /** /project/P/T/ or /project/P/TOP/ID/ (a level-2 subtask also uses its top task, §6.1). */
  taskPage(task: Task): string {
    const top = this.topAncestor(task);
    return top.id === task.id
      ? `/project/${task.projectId}/${task.id}/`
      : `/project/${task.projectId}/${top.id}/${task.id}/`;
  }

  projectPage(project: Project): string {
    return `/project/${project.id}/`;
  }

  commentsOf(taskId: string): Comment[] {
    return this.comments.filter((comment) => comment.taskId === taskId).sort(byDateThenId);
  }

  tag(id: number): Tag | undefined {
    return this.tags.find((tag) => tag.id === id);
  }
}

/** Oldest first; ids break ties so the order is stable. */
export function byDateThenId(a: { date: Date; id: string }, b: { date: Date; id: string }): number {
  return a.date.getTime() - b.date.getTime() || Number(a.id) - Number(b.id);
}

/** "Need info\r\n• a\r\n• b Frank Harper": how the API returns a description or comment (§4.2, §4.3). */
export function renderText(body: string, todo: readonly string[], mentions: readonly string[]): string {
  const lines = [body, ...todo.map((item) => `• ${item}`)].filter((line, index) => index > 0 || line !== '');
  const text = lines.join('\r\n');
  return mentions.length === 0 ? text : [text, ...mentions].filter(Boolean).join(' ');
}

export function fullName(user: User): string {
  return `${user.firstName} ${user.lastName}`.trim();
}
