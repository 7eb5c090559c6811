// Hand-written runtime checks for Worksection replies. Every reply the client
// returns went through one of these, so a reply that doesn't match the
// documented shape fails here with the path at fault (`data[3].id: expected
// string`) instead of as a crash somewhere far away.
//
// Tolerant where the docs are loose: extra fields are ignored, optional fields
// may be missing or null, numbers may arrive as numeric strings, and PHP's `[]`
// for an empty map is read as an empty map. Strict on what callers rely on:
// ids, names, pages, statuses and date_added are strings.
import { malformedReply, type WorksectionError } from './errors';
import { shapeOf, type FeedFinding } from './feed-report';
import type {
  WsComment,
  WsCost,
  WsCostTask,
  WsCosts,
  WsCostsProject,
  WsCostsTask,
  WsCostsTotal,
  WsEvent,
  WsEventAction,
  WsEventObjectType,
  WsEventValues,
  WsFile,
  WsMe,
  WsProject,
  WsProjectRef,
  WsProjectStatus,
  WsRelation,
  WsSubtask,
  WsTask,
  WsTaskBrief,
  WsTaskStatus,
  WsTaskTag,
  WsTimeMoney,
  WsUser,
  WsUserGroup,
  WsUserRef,
} from './types';

/** A value that doesn't have the expected shape, at `path`. */
export class ReplyShapeError extends Error {
  override readonly name = 'ReplyShapeError';
  constructor(
    readonly path: string,
    readonly expected: string,
    readonly actual: unknown,
  ) {
    super(`${path}: expected ${expected}, got ${describe(actual)}`);
  }
}

export type Parser<T> = (value: unknown, path: string) => T;
type Fields = Readonly<Record<string, unknown>>;

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return value.length > 40 ? 'a long string' : `"${value}"`;
  if (typeof value === 'number' || typeof value === 'boolean') return `${typeof value} ${String(value)}`;
  return typeof value;
}

// ---- primitives ----

function fields(value: unknown, path: string): Fields {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ReplyShapeError(path, 'object', value);
  return value as Fields;
}

function text(value: unknown, path: string): string {
  if (typeof value !== 'string') throw new ReplyShapeError(path, 'string', value);
  return value;
}

function id(value: unknown, path: string): string {
  if (typeof value !== 'string' || value === '') throw new ReplyShapeError(path, 'string', value);
  return value;
}

/** Text the API sometimes sends as a number ("priority", "money", "size"). */
function textOrNumber(value: unknown, path: string): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  throw new ReplyShapeError(path, 'string', value);
}

function numeric(value: unknown, path: string): number {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^-?\d+(?:\.\d+)?$/.test(value.trim())) return Number(value);
  throw new ReplyShapeError(path, 'number', value);
}

function flag(value: unknown, path: string): 0 | 1 {
  if (value === 0 || value === '0' || value === false) return 0;
  if (value === 1 || value === '1' || value === true) return 1;
  throw new ReplyShapeError(path, '0 or 1', value);
}

function boolean(value: unknown, path: string): boolean {
  if (typeof value === 'boolean') return value;
  return flag(value, path) === 1;
}

function oneOf<T extends string>(allowed: readonly T[]): Parser<T> {
  return (value, path) => {
    if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
    throw new ReplyShapeError(path, allowed.map((option) => `"${option}"`).join(' | '), value);
  };
}

function list<T>(item: Parser<T>): Parser<T[]> {
  return (value, path) => {
    if (!Array.isArray(value)) throw new ReplyShapeError(path, 'array', value);
    return value.map((entry, index) => item(entry, `${path}[${index}]`));
  };
}

/** A map keyed by id. PHP encodes an empty one as `[]`. */
function map<T>(item: Parser<T>): Parser<Record<string, T>> {
  return (value, path) => {
    if (Array.isArray(value) && value.length === 0) return {};
    const source = fields(value, path);
    const out: Record<string, T> = {};
    for (const [key, entry] of Object.entries(source)) out[key] = item(entry, `${path}.${key}`);
    return out;
  };
}

/** Copies `source[key]` through `parse` into `target` when it is present (not undefined/null). */
function optional<T, K extends keyof T & string>(target: T, source: Fields, key: K, path: string, parse: Parser<T[K]>): void {
  const value = source[key];
  if (value === undefined || value === null) return;
  target[key] = parse(value, `${path}.${key}`);
}

// ---- objects ----

export const parseWsUserRef: Parser<WsUserRef> = (value, path) => {
  const source = fields(value, path);
  return { id: id(source.id, `${path}.id`), email: text(source.email, `${path}.email`), name: text(source.name, `${path}.name`) };
};

const USER_TEXT_FIELDS = [
  'first_name',
  'last_name',
  'title',
  'avatar',
  'group',
  'department',
  'role',
  'phone',
  'phone2',
  'phone3',
  'phone4',
  'address',
  'address2',
] as const;

export const parseWsUser: Parser<WsUser> = (value, path) => {
  const source = fields(value, path);
  const user: WsUser = parseWsUserRef(value, path);
  for (const key of USER_TEXT_FIELDS) optional(user, source, key, path, textOrNumber);
  optional(user, source, 'rate', path, numeric);
  return user;
};

export const parseWsMe: Parser<WsMe> = (value, path) => {
  const { rate: _rate, ...me } = parseWsUser(value, path);
  return me;
};

export const parseWsUserGroup: Parser<WsUserGroup> = (value, path) => {
  const source = fields(value, path);
  return {
    id: id(source.id, `${path}.id`),
    title: text(source.title, `${path}.title`),
    type: text(source.type, `${path}.type`),
    client: flag(source.client, `${path}.client`),
  };
};

const parseTagType = oneOf<'status' | 'label'>(['status', 'label']);
const parseTagAccess = oneOf<'public' | 'private'>(['public', 'private']);

/** A `get_task_tags` row: `{title, id, group: {title, id, type, access}}`, ids as numbers (§3.5). */
export const parseWsTaskTag: Parser<WsTaskTag> = (value, path) => {
  const source = fields(value, path);
  const tag: WsTaskTag = { id: textOrNumber(source.id, `${path}.id`), title: text(source.title, `${path}.title`) };
  if (source.group !== undefined) {
    const group = fields(source.group, `${path}.group`);
    tag.group = {
      id: textOrNumber(group.id, `${path}.group.id`),
      title: text(group.title, `${path}.group.title`),
      type: parseTagType(group.type, `${path}.group.type`),
      access: parseTagAccess(group.access, `${path}.group.access`),
    };
  }
  return tag;
};

export const parseWsProjectRef: Parser<WsProjectRef> = (value, path) => {
  const source = fields(value, path);
  return { id: id(source.id, `${path}.id`), name: text(source.name, `${path}.name`), page: text(source.page, `${path}.page`) };
};

const parseProjectStatus = oneOf<WsProjectStatus>(['active', 'pending', 'archive']);

export const parseWsProject: Parser<WsProject> = (value, path) => {
  const source = fields(value, path);
  const project: WsProject = { ...parseWsProjectRef(value, path), status: parseProjectStatus(source.status, `${path}.status`) };
  optional(project, source, 'company', path, textOrNumber);
  optional(project, source, 'user_from', path, parseWsUserRef);
  optional(project, source, 'user_to', path, parseWsUserRef);
  optional(project, source, 'text', path, text);
  optional(project, source, 'date_added', path, text);
  optional(project, source, 'date_start', path, text);
  optional(project, source, 'date_end', path, text);
  optional(project, source, 'options', path, map(numeric));
  optional(project, source, 'max_time', path, numeric);
  optional(project, source, 'max_money', path, numeric);
  optional(project, source, 'tags', path, map(textOrNumber));
  optional(project, source, 'users', path, list(parseWsUserRef));
  return project;
};

const parseTaskStatus = oneOf<WsTaskStatus>(['active', 'done']);

export const parseWsTaskBrief: Parser<WsTaskBrief> = (value, path) => {
  const source = fields(value, path);
  return {
    id: id(source.id, `${path}.id`),
    name: text(source.name, `${path}.name`),
    page: text(source.page, `${path}.page`),
    status: parseTaskStatus(source.status, `${path}.status`),
    priority: textOrNumber(source.priority, `${path}.priority`),
  };
};

export const parseWsFile: Parser<WsFile> = (value, path) => {
  const source = fields(value, path);
  return {
    id: id(source.id, `${path}.id`),
    page: text(source.page, `${path}.page`),
    name: text(source.name, `${path}.name`),
    size: textOrNumber(source.size, `${path}.size`),
  };
};

const parseRelation: Parser<WsRelation> = (value, path) => {
  const source = fields(value, path);
  return { type: text(source.type, `${path}.type`), task: parseWsTaskBrief(source.task, `${path}.task`) };
};

const parseRelations: Parser<NonNullable<WsTask['relations']>> = (value, path) => {
  if (Array.isArray(value) && value.length === 0) return {};
  const source = fields(value, path);
  const relations: NonNullable<WsTask['relations']> = {};
  optional(relations, source, 'from', path, list(parseRelation));
  optional(relations, source, 'to', path, list(parseRelation));
  return relations;
};

export const parseWsComment: Parser<WsComment> = (value, path) => {
  const source = fields(value, path);
  const comment: WsComment = {
    id: id(source.id, `${path}.id`),
    page: text(source.page, `${path}.page`),
    text: text(source.text, `${path}.text`),
    date_added: text(source.date_added, `${path}.date_added`),
    user_from: parseWsUserRef(source.user_from, `${path}.user_from`),
  };
  optional(comment, source, 'files', path, list(parseWsFile));
  return comment;
};

/** The optional task fields, shared by tasks and subtasks. */
function copyTaskExtras(task: WsSubtask, source: Fields, path: string): void {
  optional(task, source, 'parent', path, parseWsTaskBrief);
  optional(task, source, 'text', path, text);
  optional(task, source, 'date_start', path, text);
  optional(task, source, 'date_end', path, text);
  optional(task, source, 'date_closed', path, text);
  optional(task, source, 'time_start', path, text);
  optional(task, source, 'time_end', path, text);
  optional(task, source, 'max_time', path, numeric);
  optional(task, source, 'max_money', path, numeric);
  optional(task, source, 'tags', path, map(textOrNumber));
  optional(task, source, 'files', path, list(parseWsFile));
  optional(task, source, 'has_comments', path, flag);
  optional(task, source, 'comments', path, list(parseWsComment));
  optional(task, source, 'subscribers', path, list(parseWsUserRef));
  optional(task, source, 'relations', path, parseRelations);
  optional(task, source, 'child', path, list(parseWsSubtask));
}

export const parseWsSubtask: Parser<WsSubtask> = (value, path) => {
  const source = fields(value, path);
  const task: WsSubtask = parseWsTaskBrief(value, path);
  optional(task, source, 'user_from', path, parseWsUserRef);
  optional(task, source, 'user_to', path, parseWsUserRef);
  optional(task, source, 'project', path, parseWsProjectRef);
  optional(task, source, 'date_added', path, text);
  copyTaskExtras(task, source, path);
  return task;
};

export const parseWsTask: Parser<WsTask> = (value, path) => {
  const source = fields(value, path);
  const task: WsTask = {
    ...parseWsTaskBrief(value, path),
    user_from: parseWsUserRef(source.user_from, `${path}.user_from`),
    user_to: parseWsUserRef(source.user_to, `${path}.user_to`),
    project: parseWsProjectRef(source.project, `${path}.project`),
    date_added: text(source.date_added, `${path}.date_added`),
  };
  copyTaskExtras(task, source, path);
  return task;
};

const parseCostTask: Parser<WsCostTask> = (value, path) => {
  const source = fields(value, path);
  const task: WsCostTask = { ...parseWsTaskBrief(value, path), project: parseWsProjectRef(source.project, `${path}.project`) };
  optional(task, source, 'parent', path, parseWsTaskBrief);
  optional(task, source, 'date_added', path, text);
  optional(task, source, 'date_closed', path, text);
  return task;
};

export const parseWsCost: Parser<WsCost> = (value, path) => {
  const source = fields(value, path);
  return {
    id: id(source.id, `${path}.id`),
    // An entry saved without a comment may come back as null.
    comment: source.comment === null ? '' : text(source.comment, `${path}.comment`),
    time: text(source.time, `${path}.time`),
    money: textOrNumber(source.money, `${path}.money`),
    date: text(source.date, `${path}.date`),
    is_timer: boolean(source.is_timer, `${path}.is_timer`),
    user_from: parseWsUserRef(source.user_from, `${path}.user_from`),
    task: parseCostTask(source.task, `${path}.task`),
  };
};

export const parseWsTimeMoney: Parser<WsTimeMoney> = (value, path) => {
  const source = fields(value, path);
  return { time: textOrNumber(source.time, `${path}.time`), money: textOrNumber(source.money, `${path}.money`) };
};

/** A map keyed by id; the PHP SDK reads a list of {id,…} here, so accept that too. */
function keyedById<T extends { id: string }>(item: Parser<T>): Parser<Record<string, T>> {
  return (value, path) => {
    if (!Array.isArray(value)) return map(item)(value, path);
    const out: Record<string, T> = {};
    value.forEach((entry, index) => {
      const parsed = item(entry, `${path}[${index}]`);
      out[parsed.id] = parsed;
    });
    return out;
  };
}

const parseCostsTask: Parser<WsCostsTask> = (value, path) => {
  const source = fields(value, path);
  const task: WsCostsTask = { id: id(source.id, `${path}.id`), ...parseWsTimeMoney(value, path) };
  optional(task, source, 'name', path, text);
  optional(task, source, 'page', path, text);
  return task;
};

const parseCostsProject: Parser<WsCostsProject> = (value, path) => {
  const source = fields(value, path);
  const project: WsCostsProject = { id: id(source.id, `${path}.id`), ...parseWsTimeMoney(value, path) };
  optional(project, source, 'name', path, text);
  optional(project, source, 'page', path, text);
  optional(project, source, 'monthly', path, map(parseWsTimeMoney));
  optional(project, source, 'tasks', path, keyedById(parseCostsTask));
  return project;
};

const parseEventAction = oneOf<WsEventAction>(['post', 'update', 'delete', 'close', 'reopen']);
const parseEventObjectType = oneOf<WsEventObjectType>(['project', 'task', 'comment']);

const parseEventValues: Parser<WsEventValues> = (value, path) => {
  if (Array.isArray(value) && value.length === 0) return {};
  const source = fields(value, path);
  // Keep every changed field; check the ones callers read.
  const values: WsEventValues = { ...source };
  delete values.text;
  delete values.title;
  delete values.priority;
  delete values.user_to;
  optional(values, source, 'text', path, text);
  optional(values, source, 'title', path, text);
  optional(values, source, 'priority', path, textOrNumber);
  optional(values, source, 'user_to', path, parseWsUserRef);
  return values;
};

export const parseWsEvent: Parser<WsEvent> = (value, path) => {
  const source = fields(value, path);
  const object = fields(source.object, `${path}.object`);
  const event: WsEvent = {
    action: parseEventAction(source.action, `${path}.action`),
    object: {
      type: parseEventObjectType(object.type, `${path}.object.type`),
      id: id(object.id, `${path}.object.id`),
      page: text(object.page, `${path}.object.page`),
    },
    date_added: text(source.date_added, `${path}.date_added`),
    user_from: parseWsUserRef(source.user_from, `${path}.user_from`),
  };
  optional(event, source, 'new', path, parseEventValues);
  optional(event, source, 'old', path, parseEventValues);
  return event;
};

// ---- envelopes ----

/** Runs `read`, turning a shape problem into a `malformed` WorksectionError for `action`. */
export function readReply<T>(action: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof ReplyShapeError) throw malformedReply(action, error.message, error) satisfies WorksectionError;
    throw error;
  }
}

/** `data` as a list of `item`. */
export function readList<T>(action: string, envelope: Fields, item: Parser<T>): T[] {
  return readReply(action, () => {
    const data = envelope.data;
    // PHP sends a list with gaps in its keys as an object; its values are the list.
    if (data !== null && typeof data === 'object' && !Array.isArray(data)) {
      return Object.values(data).map((entry, index) => item(entry, `data[${index}]`));
    }
    return list(item)(data, 'data');
  });
}

/** The list in `data` (an array, or PHP's object with gaps in its keys), or a malformed error. */
function listData(action: string, envelope: Fields): unknown[] {
  return readReply(action, () => {
    const data = envelope.data;
    if (data !== null && typeof data === 'object' && !Array.isArray(data)) return Object.values(data);
    if (!Array.isArray(data)) throw new ReplyShapeError('data', 'array', data);
    return data;
  });
}

/** "data[3].user_from.id" → "user_from.id": where in an item, without which item. */
const fieldOf = (path: string): string => path.replace(/^data\[\d+\]\.?/, '') || 'item';

/**
 * `data` as a list of `item`, each parsed on its own: an item missing a field
 * we need is left out and reported in `skipped` (the reason and the item's
 * shape, never its texts), so one odd item never costs the whole reply.
 */
export function readListTolerant<T>(action: string, envelope: Fields, item: Parser<T>, skipped: FeedFinding[]): T[] {
  const items: T[] = [];
  listData(action, envelope).forEach((entry, index) => {
    try {
      items.push(item(entry, `data[${index}]`));
    } catch (error) {
      if (!(error instanceof ReplyShapeError)) throw error;
      skipped.push({ kind: `${action}: ${fieldOf(error.path)} ${error.expected === 'object' ? 'missing' : `not ${error.expected}`}`, shape: shapeOf(entry) });
    }
  });
  return items;
}

/** An event whose kind we do not know, or that lacks a field we read: kept, counted, and used only to find its thread. */
export interface WsUnknownEvent {
  action: string;
  object: { type: string; id: string; page?: string };
  date_added?: string;
  user_from?: WsUserRef;
}

export interface WsEventFeed {
  events: WsEvent[];
  unknown: WsUnknownEvent[];
  findings: { unknown: FeedFinding[]; skipped: FeedFinding[] };
}

const KNOWN_ACTIONS: readonly string[] = ['post', 'update', 'delete', 'close', 'reopen'];
const KNOWN_OBJECTS: readonly string[] = ['project', 'task', 'comment'];
/** A kind name the server chose: short and plain, so it can be shown without being a text. */
const kindName = (value: string): string => (/^[a-z0-9_.-]{1,40}$/i.test(value) ? value : '(odd name)');

/**
 * `get_events`, each event on its own (DESIGN §4: an unknown kind is counted
 * and skipped, never a reason to stop). Known kinds with every field we read
 * are `events`; an unknown action or object type, or a known kind missing an
 * optional field, is kept in `unknown`; an event without action, object type
 * or object id cannot even be placed and is skipped.
 */
export function readEventFeed(action: string, envelope: Fields): WsEventFeed {
  const feed: WsEventFeed = { events: [], unknown: [], findings: { unknown: [], skipped: [] } };
  listData(action, envelope).forEach((entry, index) => {
    const path = `data[${index}]`;
    const source = typeof entry === 'object' && entry !== null && !Array.isArray(entry) ? (entry as Fields) : undefined;
    const object = source && typeof source.object === 'object' && source.object !== null ? (source.object as Fields) : undefined;
    const objectId = typeof object?.id === 'number' ? String(object.id) : object?.id;
    if (!source || !object || typeof source.action !== 'string' || typeof object.type !== 'string' || typeof objectId !== 'string' || objectId === '') {
      feed.findings.skipped.push({ kind: `${action}: event without action, object.type or object.id`, shape: shapeOf(entry) });
      return;
    }
    try {
      feed.events.push(parseWsEvent(entry, path));
      return;
    } catch (error) {
      if (!(error instanceof ReplyShapeError)) throw error;
      const knownKind = KNOWN_ACTIONS.includes(source.action) && KNOWN_OBJECTS.includes(object.type);
      const kind = `event ${kindName(source.action)}/${kindName(object.type)}${knownKind ? ` with ${fieldOf(error.path)} not ${error.expected}` : ''}`;
      feed.findings.unknown.push({ kind, shape: shapeOf(entry) });
    }
    const unknown: WsUnknownEvent = { action: source.action, object: { type: object.type, id: objectId } };
    if (typeof object.page === 'string') unknown.object.page = object.page;
    if (typeof source.date_added === 'string') unknown.date_added = source.date_added;
    try {
      if (source.user_from !== undefined) unknown.user_from = parseWsUserRef(source.user_from, `${path}.user_from`);
    } catch {
      // Without a readable author the event still names its thread.
    }
    feed.unknown.push(unknown);
  });
  return feed;
}

/** `data` as one `item`. */
export function readItem<T>(action: string, envelope: Fields, item: Parser<T>): T {
  return readReply(action, () => item(envelope.data, 'data'));
}

/** `get_costs`: entries in `data`, sums in top-level `total`. */
export function readCosts(action: string, envelope: Fields): WsCosts {
  const costs = readList(action, envelope, parseWsCost);
  return readReply(action, () => {
    const result: WsCosts = { costs };
    optional(result, envelope, 'total', '', parseWsTimeMoney);
    return result;
  });
}

/** `get_costs_total`: top-level `total`, and `projects` with extra=projects. */
export function readCostsTotal(action: string, envelope: Fields): WsCostsTotal {
  return readReply(action, () => {
    const result: WsCostsTotal = { total: parseWsTimeMoney(envelope.total, 'total') };
    const projects = envelope.projects ?? (fields(envelope.total, 'total').projects as unknown);
    if (projects !== undefined && projects !== null) result.projects = keyedById(parseCostsProject)(projects, 'projects');
    return result;
  });
}

/** Writes such as `add_costs` answer `{"status":"ok","id":3706}` (a number). */
export function readCreatedId(action: string, envelope: Fields): { id: string } {
  return readReply(action, () => {
    const value = envelope.id;
    if (typeof value === 'number' && Number.isInteger(value)) return { id: String(value) };
    return { id: id(value, 'id') };
  });
}
