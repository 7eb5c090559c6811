// A task's reply variables, from what the background already knows: the
// project and task (the reply sync's thread, else the page bar's cached
// get_task), the client (the thread's waiting client, else the last client
// who commented, else a client author or assignee), who the user is (the
// person "Who are you" chose, else the signed-in user or the key's owner),
// the task's deadline and the account's today.
import { db, type ThreadRow } from '../../db';
import { dayOf } from '../../account-time/periods';
import { firstName } from '../../quick-replies';
import type { ReplyContext } from '../../quick-replies/protocol';
import { clientDirectory } from '../../replies/clients';
import type { Person } from '../../replies/types';
import { chosenPerson } from '../acting-as';
import { cached } from '../cache';
import { connectedClient, connectionStatus } from '../connection';
import { DIRECTORY_KEY, type DirectoryRecord } from '../replies/sync';
import { getSettings } from '../settings-store';
import { t } from '../../i18n';
import { QuickReplyProblem } from './personal';

// The page bar's key and age for the same task (../page-context.ts): one get_task serves both.
const TASK_MAX_AGE = 2 * 60_000;
const DAY = /^(\d{4}-\d{2}-\d{2})/;

/** The client person of a thread, from the stored thread and its comments (no API call). */
async function threadClient(thread: ThreadRow | undefined): Promise<Person | undefined> {
  if (!thread || thread.clientThread !== 1) return undefined;
  if (thread.waitingClient?.name) return thread.waitingClient;
  const record = (await db().state.get(DIRECTORY_KEY))?.value as DirectoryRecord | undefined;
  if (!record) return undefined;
  const settings = await getSettings();
  const directory = clientDirectory({ users: record.users, groups: record.groups, extraEmails: settings.clients.emails, extraDomains: settings.clients.domains });
  const comments = await db().comments.where('[taskId+at]').between([thread.taskId, -Infinity], [thread.taskId, Infinity]).reverse().toArray();
  const commenter = comments.find((comment) => directory.isClient(comment.author))?.author;
  return commenter ?? [thread.author, thread.assignee].find((person) => person && directory.isClient(person));
}

export async function replyContext(origin: string, taskId: string, now = Date.now()): Promise<ReplyContext> {
  const connection = await connectedClient();
  // A page of another account than the connected one gets nothing from this one.
  if (!connection || connection.origin !== origin) throw new QuickReplyProblem('not-connected', t('qrProblemNotConnected'));
  const [settings, summary, chosen, thread] = await Promise.all([getSettings(), connectionStatus(), chosenPerson(origin), db().threads.get(taskId)]);
  const task = await cached(`${origin} task ${taskId}`, TASK_MAX_AGE, () => connection.client.getTask(taskId), now);
  const client = await threadClient(thread);
  const context: ReplyContext = {
    values: {
      project: task.project?.name ?? thread?.projectName,
      task: task.name ?? thread?.taskName,
      client_name: client?.name,
      client_first_name: firstName(client?.name),
      my_name: chosen?.name ?? summary?.userName,
    },
    today: dayOf(now, settings.account.timeZone),
  };
  const due = DAY.exec(task.date_end ?? '')?.[1];
  if (due) context.dueDate = due;
  return context;
}
