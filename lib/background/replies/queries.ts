/** What pages ask of the reply data: waiting threads (all, a project's, a task's) and reply-time reports. */
import { db, type ThreadRow } from '../../db';
import type { WaitingThread } from '../../replies/protocol';
import { businessRun, compareUrgency, replyClock } from '../../replies/clock';
import { byClient, byProject, type EpisodeRecord } from '../../replies/report';
import type { Settings } from '../../settings';
import { commentAnchor } from '../../worksection/paths';
import { connectedClient } from '../connection';
import { getSettings } from '../settings-store';

function toWaiting(thread: ThreadRow, origin: string, settings: Settings, now: number): WaitingThread {
  const since = thread.waitingSince ?? now;
  return {
    taskId: thread.taskId,
    projectId: thread.projectId,
    projectName: thread.projectName,
    taskName: thread.taskName,
    url: `${origin}${thread.page}${thread.waitingCommentId ? commentAnchor(thread.waitingCommentId) : ''}`,
    client: thread.waitingClient ?? { id: '', name: '', email: '' },
    waitingSince: since,
    clock: replyClock(since, now, settings.businessHours, settings.replyThresholds),
    business: businessRun(since, now, settings.businessHours),
  };
}

/** Every waiting client thread, most urgent first. */
export async function waitingThreads(origin: string, settings: Settings, now = Date.now()): Promise<WaitingThread[]> {
  const threads = await db().threads.where('waiting').equals(1).toArray();
  return threads.map((thread) => toWaiting(thread, origin, settings, now)).sort((a, b) => compareUrgency(a.clock, b.clock));
}

export async function waitingInProject(origin: string, projectId: string): Promise<WaitingThread[]> {
  const connection = await connectedClient();
  if (connection?.origin !== origin) return [];
  const settings = await getSettings();
  const now = Date.now();
  const threads = await db().threads.where('projectId').equals(projectId).filter((thread) => thread.waiting === 1).toArray();
  return threads.map((thread) => toWaiting(thread, origin, settings, now));
}

export async function waitingTask(origin: string, taskId: string): Promise<WaitingThread | null> {
  const connection = await connectedClient();
  if (connection?.origin !== origin) return null;
  const thread = await db().threads.get(taskId);
  return thread?.waiting === 1 ? toWaiting(thread, origin, await getSettings(), Date.now()) : null;
}

export async function replyTimes(from: number, to: number, measure: 'calendar' | 'business') {
  const settings = await getSettings();
  const [episodes, threads] = await Promise.all([
    db().episodes.where('startedAt').between(from, to, true, false).toArray(),
    db().threads.toArray(),
  ]);
  const projectNames = new Map(threads.map((thread) => [thread.projectId, thread.projectName]));
  const records: EpisodeRecord[] = episodes.map((episode) => ({ ...episode, projectName: projectNames.get(episode.projectId) }));
  const options = { from, to, measure, hours: settings.businessHours, thresholds: settings.replyThresholds };
  return { byProject: byProject(records, options), byClient: byClient(records, options) };
}
