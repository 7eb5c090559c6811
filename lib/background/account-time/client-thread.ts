/**
 * Is this task a client thread? The reply sync already knows for every
 * thread it has seen (`threads.clientThread`); a thread it hasn't seen yet is
 * decided from the API the same way (author, assignee, comment authors
 * against the client directory) and remembered for a few minutes.
 */
import type { AccountDeskDb } from '../../db';
import { clientDirectory, isClientThread } from '../../replies/clients';
import type { Settings } from '../../settings';
import type { WorksectionClient } from '../../worksection/client';
import { parseWorksectionPath } from '../../worksection/paths';
import { DIRECTORY_KEY, type DirectoryRecord } from '../replies/sync';

export interface ThreadInfo {
  taskId: string;
  projectId: string;
  clientThread: boolean;
}

const DECISION_MAX_AGE = 10 * 60_000;
const decisionKey = (origin: string, taskId: string) => `${origin} account-time thread ${taskId}`;

/** Without any API call (heartbeats come every few seconds): what the reply sync or `threadInfo` decided. */
export async function knownClientThread(db: AccountDeskDb, origin: string, taskId: string): Promise<boolean> {
  const thread = await db.threads.get(taskId);
  if (thread) return thread.clientThread === 1;
  const decided = (await db.cache.get(decisionKey(origin, taskId)))?.value as ThreadInfo | undefined;
  return decided?.clientThread === true;
}

export async function threadInfo(
  deps: { db: AccountDeskDb; client: WorksectionClient; settings: Settings; origin: string; now: number },
  taskId: string,
): Promise<ThreadInfo> {
  const { db, client, settings, origin, now } = deps;
  const known = await db.threads.get(taskId);
  if (known) return { taskId, projectId: known.projectId, clientThread: known.clientThread === 1 };

  const key = decisionKey(origin, taskId);
  const cachedRow = await db.cache.get(key);
  if (cachedRow && now - cachedRow.fetchedAt < DECISION_MAX_AGE) return cachedRow.value as ThreadInfo;

  let record = (await db.state.get(DIRECTORY_KEY))?.value as DirectoryRecord | undefined;
  if (!record) {
    record = { users: await client.getUsers(), groups: await client.getUserGroups(), fetchedAt: now };
    await db.state.put({ key: DIRECTORY_KEY, value: record });
  }
  const directory = clientDirectory({
    users: record.users,
    groups: record.groups,
    extraEmails: settings.clients.emails,
    extraDomains: settings.clients.domains,
  });
  const task = await client.getTask(taskId);
  const comments = await client.getComments(taskId);
  const page = parseWorksectionPath(task.page);
  const projectId = task.project?.id ?? (page.kind === 'task' ? page.projectId : undefined) ?? '';
  const info: ThreadInfo = {
    taskId,
    projectId,
    clientThread: isClientThread(
      { taskAuthor: task.user_from, taskAssignee: task.user_to, commentAuthors: comments.map((comment) => comment.user_from), projectId },
      directory,
      settings.clients.projectIds,
    ),
  };
  await db.cache.put({ key, value: info, fetchedAt: now });
  return info;
}
