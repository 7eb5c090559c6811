// Shapes of Worksection API v2 objects (api-reference §3, §4.12), as the
// validators in parse.ts return them. Ids are strings (§2); times the API
// returns are account-local "YYYY-MM-DD HH:MM" / "YYYY-MM-DD" text (see dates.ts).

export type WsId = string;

/** A person as embedded in other objects. Sentinels: id "0"/"1"/"2" with email NOONE/ANY (§2). */
export interface WsUserRef {
  id: WsId;
  email: string;
  name: string;
}

/** Compare sentinels by id/email, never by (localised) name. */
export type WsSentinelEmail = 'NOONE' | 'ANY';

export interface WsUser extends WsUserRef {
  first_name?: string;
  last_name?: string;
  title?: string;
  /** Hourly rate; absent from `me`. */
  rate?: number;
  avatar?: string;
  /** Team (user group) *name*; join to WsUserGroup.title to tell client users. */
  group?: string;
  department?: string;
  /** "Owner", "Account admin", "User", "guest"… — compare case-insensitively. */
  role?: string;
  phone?: string;
  phone2?: string;
  phone3?: string;
  phone4?: string;
  address?: string;
  address2?: string;
}

/** `me` (OAuth only) returns a user without `rate`. */
export type WsMe = Omit<WsUser, 'rate'>;

/** A team; `client: 1` marks an external client team. */
export interface WsUserGroup {
  id: WsId;
  title: string;
  type: string;
  client: 0 | 1;
}

/**
 * A task tag (`get_task_tags`, §3.5): ids are numbers on the wire. A tag of a
 * `private` group is "available only for your company teams": client teams
 * never see it.
 */
export interface WsTaskTag {
  id: string;
  title: string;
  group?: { id: string; title: string; type: 'status' | 'label'; access: 'public' | 'private' };
}

export type WsProjectStatus = 'active' | 'pending' | 'archive';

export interface WsProjectRef {
  id: WsId;
  name: string;
  page: string;
}

export interface WsProject extends WsProjectRef {
  status: WsProjectStatus;
  /** Folder or company name. */
  company?: string;
  user_from?: WsUserRef;
  /** Manager. */
  user_to?: WsUserRef;
  text?: string;
  date_added?: string;
  date_start?: string;
  date_end?: string;
  /** `options.allow_close` … `options.timer_only`, each 0 or 1 (with extra=options). */
  options?: Record<string, number>;
  max_time?: number;
  max_money?: number;
  /** Tag id → tag name. */
  tags?: Record<string, string>;
  /** Members (with extra=users). */
  users?: WsUserRef[];
}

export type WsTaskStatus = 'active' | 'done';

/** How a task appears inside another object (parent, relation, cost). */
export interface WsTaskBrief {
  id: WsId;
  name: string;
  page: string;
  status: WsTaskStatus;
  /** "0".."10" */
  priority: string;
}

export interface WsFile {
  id: WsId;
  page: string;
  name: string;
  /** Bytes, as a decimal string. */
  size: string;
}

export interface WsRelation {
  type: string; // 'finish-to-start' | 'start-to-start'
  task: WsTaskBrief;
}

export interface WsComment {
  id: WsId;
  /** "/project/P/T/#comID" */
  page: string;
  text: string;
  date_added: string;
  user_from: WsUserRef;
  files?: WsFile[];
}

interface WsTaskDetails {
  user_from: WsUserRef;
  /** Executive; sentinel ids "1" (NOONE) / "2" (ANY) when unassigned. */
  user_to: WsUserRef;
  project: WsProjectRef;
  date_added: string;
  parent?: WsTaskBrief;
  text?: string;
  date_start?: string;
  date_end?: string;
  date_closed?: string;
  time_start?: string;
  time_end?: string;
  max_time?: number;
  max_money?: number;
  /** Tag id → name; status and label tags mixed (§3.5). */
  tags?: Record<string, string>;
  files?: WsFile[];
  has_comments?: 0 | 1;
  /** With extra=comments: the five most recent. */
  comments?: WsComment[];
  subscribers?: WsUserRef[];
  relations?: { from?: WsRelation[]; to?: WsRelation[] };
}

/**
 * A subtask inside `child`. `get_tasks`/`get_all_tasks` send full task objects
 * there, `get_task` only {id,name,page,status,priority,child} (§4.1), so the
 * details are optional — but checked whenever they are present.
 */
export interface WsSubtask extends WsTaskBrief, Partial<WsTaskDetails> {
  child?: WsSubtask[];
}

export interface WsTask extends WsTaskBrief, WsTaskDetails {
  /** Subtasks (with extra=subtasks); at most two levels below a top task. */
  child?: WsSubtask[];
}

/** The task a time entry belongs to. */
export interface WsCostTask extends WsTaskBrief {
  project: WsProjectRef;
  parent?: WsTaskBrief;
  date_added?: string;
  date_closed?: string;
}

/** One time/money entry (`get_costs`). */
export interface WsCost {
  id: WsId;
  comment: string;
  /** "H:MM", e.g. "6:50". */
  time: string;
  /** Decimal text, e.g. "75.17". */
  money: string;
  /** "YYYY-MM-DD" */
  date: string;
  is_timer: boolean;
  user_from: WsUserRef;
  task: WsCostTask;
}

export interface WsTimeMoney {
  /** "H:MM" (hours may exceed 24, e.g. "103:39"). */
  time: string;
  money: string;
}

export interface WsCosts {
  costs: WsCost[];
  total?: WsTimeMoney;
}

export interface WsCostsTask extends WsTimeMoney {
  id: WsId;
  name?: string;
  page?: string;
}

export interface WsCostsProject extends WsTimeMoney {
  id: WsId;
  name?: string;
  page?: string;
  /** "YYYY-MM" → totals for that month. */
  monthly?: Record<string, WsTimeMoney>;
  /** With extra=tasks / tasks_top_level, keyed by task id. */
  tasks?: Record<string, WsCostsTask>;
}

/** `get_costs_total`: totals are top-level `total`, not `data`. */
export interface WsCostsTotal {
  total: WsTimeMoney;
  /** With extra=projects, keyed by project id. */
  projects?: Record<string, WsCostsProject>;
}

export type WsEventAction = 'post' | 'update' | 'delete' | 'close' | 'reopen';
export type WsEventObjectType = 'project' | 'task' | 'comment';

/** Changed fields in an event; `text` for comments, `title`, `priority`, `user_to`… */
export interface WsEventValues {
  text?: string;
  title?: string;
  priority?: string;
  user_to?: WsUserRef;
  [field: string]: unknown;
}

export interface WsEvent {
  action: WsEventAction;
  object: {
    type: WsEventObjectType;
    id: WsId;
    /** For comments this is the task page, without the #com anchor. */
    page: string;
  };
  date_added: string;
  user_from: WsUserRef;
  new?: WsEventValues;
  old?: WsEventValues;
}

/** Every successful reply: `status: "ok"` and the action's payload fields. */
export interface WsOkEnvelope {
  status: 'ok';
  [field: string]: unknown;
}
