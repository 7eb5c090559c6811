/**
 * Reply sync: keeps every thread's reply state in Dexie from Worksection's API.
 *
 * The first sync reads all tasks with their five latest comments in one call
 * (plus a thread's whole comment list only where those five are all from
 * clients, so the oldest unanswered one may be older). After that each poll is
 * one `get_events` call for the time since the last poll (with an overlap,
 * events de-duplicated), and comments are read only for threads the events
 * touch. The cursor advances only after everything it covers is stored, so a
 * worker stopped mid-sync, or a failure, just makes the next poll re-read.
 */
import type { AccountDeskDb, CommentRow, EpisodeRow, ThreadRow } from '../../db';
import { clientDirectory, isClientThread, type ClientDirectory } from '../../replies/clients';
import { threadComment, threadReplies } from '../../replies/thread';
import { businessMinutesBetween } from '../../replies/business-hours';
import type { Person } from '../../replies/types';
import type { Settings } from '../../settings';
import type { WorksectionClient } from '../../worksection/client';
import { parseWsDateTime } from '../../worksection/dates';
import type { WsUnknownEvent } from '../../worksection/parse';
import { parseWorksectionPath } from '../../worksection/paths';
import type { WsComment, WsEvent, WsSubtask, WsTask, WsUser, WsUserGroup, WsUserRef } from '../../worksection/types';

export const CURSOR_KEY = 'replies.cursor';
export const DIRECTORY_KEY = 'replies.directory';

/** Minutes each poll's window reaches back before the last poll (events carry minutes only). */
export const OVERLAP_MINUTES = 3;
/** get_events reaches back 30 days at most; a longer gap needs a full sync. */
const MAX_EVENT_WINDOW_MINUTES = 30 * 24 * 60;

export interface SyncCursor {
  /** When the last completed sync started (its window's end). */
  lastPollAt: number;
  /** Keys of events already applied that could appear again in the next overlap. */
  seen: string[];
}

export interface DirectoryRecord {
  users: WsUser[];
  groups: WsUserGroup[];
  fetchedAt: number;
}

export interface SyncProgress {
  done: number;
  total: number;
}

export interface SyncDeps {
  client: WorksectionClient;
  db: AccountDeskDb;
  settings: Settings;
  now: () => number;
  signal?: AbortSignal;
  onProgress?: (progress: SyncProgress) => void | Promise<void>;
}

export interface SyncOutcome {
  kind: 'full' | 'incremental';
  /** Threads whose comments were (re)read. */
  touched: number;
}

export async function syncReplies(deps: SyncDeps): Promise<SyncOutcome> {
  const cursor = (await deps.db.state.get(CURSOR_KEY))?.value as SyncCursor | undefined;
  const gapMinutes = cursor ? (deps.now() - cursor.lastPollAt) / 60_000 + OVERLAP_MINUTES : Infinity;
  if (!cursor || gapMinutes > MAX_EVENT_WINDOW_MINUTES) return fullSync(deps);
  return incrementalSync(deps, cursor, gapMinutes);
}

/** `get_events` period for a window of `minutes`: the smallest unit that covers it. */
export function eventPeriod(minutes: number): string {
  const whole = Math.max(1, Math.ceil(minutes));
  if (whole <= 360) return `${whole}m`;
  if (whole <= 72 * 60) return `${Math.ceil(whole / 60)}h`;
  return `${Math.min(30, Math.ceil(whole / 1440))}d`;
}

/** Known and unknown events alike (an unknown kind may lack what we usually read). */
type AnyEvent = WsEvent | WsUnknownEvent;

export function eventKey(event: AnyEvent): string {
  return [event.action, event.object.type, event.object.id, event.date_added ?? '', event.user_from?.id ?? ''].join('|');
}

/**
 * The thread an event is about: a task's own id, or the task page a comment
 * event points at. An event of a kind we do not know counts for the task page
 * it names, if any: re-reading that thread is harmless, missing a reply is not.
 */
export function eventTaskId(event: AnyEvent): string | undefined {
  if (event.object.type === 'task') return event.object.id;
  if (event.object.type === 'project' || event.object.page === undefined) return undefined;
  const page = parseWorksectionPath(event.object.page);
  return page.kind === 'task' ? page.taskId : undefined;
}

async function fullSync(deps: SyncDeps): Promise<SyncOutcome> {
  const { client, db, signal } = deps;
  const startedAt = deps.now();
  const directory = await refreshDirectory(deps);
  const tasks = flattenTasks(await client.getAllTasks({ extra: ['subtasks', 'comments'], signal }));

  const known = new Map<string, WsComment[]>(tasks.map((task) => [task.id, task.comments ?? []]));
  // Five latest all from clients: the wait may have started earlier.
  const needAll = tasks.filter((task) => {
    const latest = task.comments ?? [];
    return latest.length >= 5 && latest.every((comment) => directory.isClient(comment.user_from));
  });
  let done = 0;
  await deps.onProgress?.({ done, total: needAll.length });
  for (const task of needAll) {
    known.set(task.id, await client.getComments(task.id, { signal }));
    await deps.onProgress?.({ done: ++done, total: needAll.length });
  }

  await db.transaction('rw', [db.threads, db.comments, db.episodes, db.state], async () => {
    // Keep what earlier syncs learned (notifications already sent); drop tasks that are gone.
    const stored = new Map((await db.threads.toArray()).map((thread) => [thread.taskId, thread]));
    const present = new Set(tasks.map((task) => task.id));
    for (const taskId of stored.keys()) if (!present.has(taskId)) await forgetThread(db, taskId);
    for (const task of tasks) {
      await storeThread(db, threadFromTask(task, stored.get(task.id)), known.get(task.id) ?? [], directory, deps, startedAt);
    }
    await db.state.put({ key: CURSOR_KEY, value: { lastPollAt: startedAt, seen: [] } satisfies SyncCursor });
  });
  return { kind: 'full', touched: tasks.length };
}

async function incrementalSync(deps: SyncDeps, cursor: SyncCursor, windowMinutes: number): Promise<SyncOutcome> {
  const { client, db, signal, settings } = deps;
  const startedAt = deps.now();
  const feed = await client.getEventFeed(eventPeriod(windowMinutes), { signal });
  const events: AnyEvent[] = [...feed.events, ...feed.unknown];

  const seen = new Set(cursor.seen);
  const fresh = events.filter((event) => !seen.has(eventKey(event)));
  let directory = await loadDirectory(deps);
  // Someone the directory has never seen (a new client user, say): refresh it first.
  if (fresh.some((event) => event.user_from && !directory.knows(event.user_from))) directory = await refreshDirectory(deps);

  const touched = new Map<string, { taskChanged: boolean }>();
  for (const event of fresh) {
    const taskId = eventTaskId(event);
    if (!taskId) continue;
    const entry = touched.get(taskId) ?? { taskChanged: false };
    entry.taskChanged ||= event.object.type === 'task';
    touched.set(taskId, entry);
  }

  let done = 0;
  await deps.onProgress?.({ done, total: touched.size });
  for (const [taskId, { taskChanged }] of touched) {
    const stored = await db.threads.get(taskId);
    const read = stored && !taskChanged ? stored : await readThread(client, taskId, stored, signal);
    if (read === SKIP) {
      await deps.onProgress?.({ done: ++done, total: touched.size });
      continue;
    }
    const thread = read;
    const readAt = deps.now();
    const comments = thread ? await client.getComments(taskId, { signal }) : [];
    await db.transaction('rw', [db.threads, db.comments, db.episodes], async () => {
      if (thread) await storeThread(db, thread, comments, directory, deps, readAt);
      else await forgetThread(db, taskId);
    });
    await deps.onProgress?.({ done: ++done, total: touched.size });
  }

  // Remember only the keys the next window can still contain.
  const keepAfter = startedAt - (OVERLAP_MINUTES + 2) * 60_000;
  const nextSeen = events
    .filter((event) => eventTime(event, settings.account.timeZone) >= keepAfter)
    .map(eventKey);
  await db.state.put({ key: CURSOR_KEY, value: { lastPollAt: startedAt, seen: nextSeen } satisfies SyncCursor });
  return { kind: 'incremental', touched: touched.size };
}

function eventTime(event: AnyEvent, timeZone: string): number {
  if (event.date_added === undefined) return Number.POSITIVE_INFINITY;
  try {
    return parseWsDateTime(event.date_added, timeZone).getTime();
  } catch {
    return Number.POSITIVE_INFINITY; // unparseable: keep its key rather than risk applying it twice
  }
}

/** A task we could not read and did not know: left alone this time. */
const SKIP = Symbol('skip');

/** A task the events name: its current details, or undefined when it is gone or not readable. */
async function readThread(
  client: WorksectionClient,
  taskId: string,
  stored: ThreadRow | undefined,
  signal?: AbortSignal,
): Promise<ThreadRow | undefined | typeof SKIP> {
  try {
    return threadFromTask(await client.getTask(taskId, { signal }), stored);
  } catch (error) {
    // "Task is invalid" (code 5): deleted, or hidden from this key.
    if ((error as { kind?: string; code?: number }).kind === 'api' && (error as { code?: number }).code === 5) return undefined;
    // A task whose reply lacks a field we need: keep what we knew rather than
    // stop every poll while its event is in the window (DESIGN §4).
    if ((error as { kind?: string }).kind === 'malformed') return stored ?? SKIP;
    throw error;
  }
}

async function forgetThread(db: AccountDeskDb, taskId: string) {
  await db.threads.delete(taskId);
  await db.comments.where('[taskId+at]').between([taskId, -Infinity], [taskId, Infinity]).delete();
}

type AnyTask = WsTask | WsSubtask;

function flattenTasks(tasks: readonly AnyTask[], parentProject?: WsTask['project']): AnyTask[] {
  const flat: AnyTask[] = [];
  for (const task of tasks) {
    const project = task.project ?? parentProject;
    flat.push(project === task.project ? task : { ...task, project });
    if (task.child) flat.push(...flattenTasks(task.child, project));
  }
  return flat;
}

const person = (ref: WsUserRef | undefined): Person | undefined =>
  ref && !['0', '1', '2'].includes(ref.id) ? { id: ref.id, name: ref.name, email: ref.email } : undefined;

function threadFromTask(task: AnyTask, stored?: ThreadRow): ThreadRow {
  const projectId = task.project?.id ?? stored?.projectId ?? parseProjectId(task.page);
  return {
    ...stored,
    taskId: task.id,
    projectId,
    projectName: task.project?.name ?? stored?.projectName ?? '',
    taskName: task.name,
    page: task.page,
    status: task.status,
    author: person(task.user_from) ?? stored?.author,
    assignee: person(task.user_to),
    clientThread: stored?.clientThread ?? 0,
    waiting: stored?.waiting ?? 0,
  };
}

function parseProjectId(page: string): string {
  const parsed = parseWorksectionPath(page);
  return parsed.kind === 'task' || parsed.kind === 'project' ? (parsed.projectId ?? '') : '';
}

/** Replace a thread's comments and recompute its state and wait episodes. */
async function storeThread(
  db: AccountDeskDb,
  thread: ThreadRow,
  comments: readonly WsComment[],
  directory: ClientDirectory,
  { settings }: Pick<SyncDeps, 'settings'>,
  readAt: number = Date.now(),
) {
  // A newer read of this thread was stored meanwhile (a reply sent here, re-read while a poll ran): keep it.
  const current = await db.threads.get(thread.taskId);
  if (current?.commentsSyncedAt !== undefined && current.commentsSyncedAt > readAt) return;
  // The API writes dates as wall-clock time in the account's zone.
  const timeZone = settings.account.timeZone;
  const rows: CommentRow[] = comments.map((comment) => ({
    id: comment.id,
    taskId: thread.taskId,
    at: parseWsDateTime(comment.date_added, timeZone).getTime(),
    author: { id: comment.user_from.id, name: comment.user_from.name, email: comment.user_from.email },
    text: comment.text,
  }));
  await db.comments.where('[taskId+at]').between([thread.taskId, -Infinity], [thread.taskId, Infinity]).delete();
  await db.comments.bulkPut(rows);
  await storeState(db, { ...thread, commentsSyncedAt: readAt }, rows, directory, settings);
}

/** A thread's client status, wait and episodes from its stored comments. */
async function storeState(db: AccountDeskDb, thread: ThreadRow, rows: readonly CommentRow[], directory: ClientDirectory, settings: Settings) {
  const replies = threadReplies(rows.map((row) => threadComment(row, directory)));
  const clientThread = isClientThread(
    { taskAuthor: thread.author, taskAssignee: thread.assignee, commentAuthors: rows.map((row) => row.author), projectId: thread.projectId },
    directory,
    settings.clients.projectIds,
  );
  const waiting = clientThread ? replies.waiting : undefined;
  await db.threads.put({
    ...thread,
    clientThread: clientThread ? 1 : 0,
    waiting: waiting ? 1 : 0,
    waitingSince: waiting?.since,
    waitingCommentId: waiting?.commentId,
    waitingClient: waiting?.client,
  });
  await db.episodes.where('taskId').equals(thread.taskId).delete();
  if (clientThread && replies.episodes.length > 0) {
    await db.episodes.bulkPut(
      replies.episodes.map(
        (episode): EpisodeRow => ({
          ...episode,
          id: `${thread.taskId}:${episode.clientCommentId}`,
          taskId: thread.taskId,
          projectId: thread.projectId,
          calendarMinutes: Math.max(0, Math.round((episode.repliedAt - episode.startedAt) / 60_000)),
          businessMinutes: businessMinutesBetween(episode.startedAt, episode.repliedAt, settings.businessHours),
        }),
      ),
    );
  }
}

/**
 * Recompute every stored thread from its stored comments, without the API:
 * after the user changes who counts as a client or the business hours.
 */
export async function recomputeThreads(db: AccountDeskDb, settings: Settings): Promise<number> {
  const record = (await db.state.get(DIRECTORY_KEY))?.value as DirectoryRecord | undefined;
  if (!record) return 0;
  const directory = directoryFrom(record, settings);
  return db.transaction('rw', [db.threads, db.comments, db.episodes], async () => {
    const threads = await db.threads.toArray();
    for (const thread of threads) {
      const rows = await db.comments.where('[taskId+at]').between([thread.taskId, -Infinity], [thread.taskId, Infinity]).toArray();
      await storeState(db, thread, rows, directory, settings);
    }
    return threads.length;
  });
}

interface Directory extends ClientDirectory {
  knows(ref: WsUserRef): boolean;
}

function directoryFrom(record: DirectoryRecord, settings: Settings): Directory {
  const clients = clientDirectory({
    users: record.users,
    groups: record.groups,
    extraEmails: settings.clients.emails,
    extraDomains: settings.clients.domains,
  });
  const ids = new Set(record.users.map((user) => user.id));
  return { ...clients, isClient: clients.isClient, knows: (ref) => ids.has(ref.id) || ['0', '1', '2'].includes(ref.id) };
}

async function refreshDirectory({ client, db, settings, now, signal }: SyncDeps): Promise<Directory> {
  const record: DirectoryRecord = {
    users: await client.getUsers({ signal }),
    groups: await client.getUserGroups({ signal }),
    fetchedAt: now(),
  };
  await db.state.put({ key: DIRECTORY_KEY, value: record });
  return directoryFrom(record, settings);
}

async function loadDirectory(deps: SyncDeps): Promise<Directory> {
  const record = (await deps.db.state.get(DIRECTORY_KEY))?.value as DirectoryRecord | undefined;
  return record ? directoryFrom(record, deps.settings) : refreshDirectory(deps);
}

/**
 * Re-read one thread now (its comments, and the task itself when it is not
 * stored yet): one or two API calls, for a reply sent from this browser.
 * Returns whether the thread is waiting after the read, or undefined when the
 * task is gone or could not be read.
 */
export async function rereadThread(deps: SyncDeps, taskId: string): Promise<{ waiting: boolean } | undefined> {
  const { client, db, signal } = deps;
  const stored = await db.threads.get(taskId);
  const read = stored ?? (await readThread(client, taskId, stored, signal));
  if (read === SKIP) return undefined;
  const directory = await loadDirectory(deps);
  const readAt = deps.now();
  const comments = read ? await client.getComments(taskId, { signal }) : [];
  await db.transaction('rw', [db.threads, db.comments, db.episodes], async () => {
    if (read) await storeThread(db, read, comments, directory, deps, readAt);
    else await forgetThread(db, taskId);
  });
  if (!read) return undefined;
  return { waiting: (await db.threads.get(taskId))?.waiting === 1 };
}
