/**
 * Reply badges in the background: the sync alarm, sync status, and what the
 * surfaces show (toolbar badge, notifications, queries from pages).
 */
import { browser } from 'wxt/browser';
import { db, type ThreadRow } from '../../db';
import type { SyncStatus, WaitingThread } from '../../messages';
import { replyClock, compareUrgency } from '../../replies/clock';
import { summarizeQueue } from '../../replies/queue';
import { byClient, byProject, type EpisodeRecord } from '../../replies/report';
import type { ReplyState } from '../../replies/types';
import type { Settings } from '../../settings';
import { t } from '../../i18n';
import { commentAnchor } from '../../worksection/paths';
import { connectedClient, connectionStatus } from '../connection';
import { signInNeeded } from '../sign-in';
import { push } from '../push';
import { toProblem } from '../problems';
import { getSettings } from '../settings-store';
import { recomputeThreads, syncReplies } from './sync';

export const SYNC_ALARM = 'reply-sync';
const STATUS_KEY = 'replies.status';
const ACCOUNT_KEY = 'replies.account';

export const STATE_COLOURS: Record<ReplyState, string> = {
  ok: '#1e7b34',
  soon: '#b7791f',
  late: '#dd6b20',
  escalated: '#c53030',
};

export async function ensureSyncAlarm(settings?: Settings): Promise<void> {
  const { pollMinutes } = settings ?? (await getSettings());
  const existing = await browser.alarms.get(SYNC_ALARM);
  if (existing?.periodInMinutes === pollMinutes) return;
  await browser.alarms.create(SYNC_ALARM, { periodInMinutes: pollMinutes, delayInMinutes: pollMinutes });
}

/**
 * Settings changed: the poll interval may differ, and who counts as a client,
 * the thresholds or the business hours may change every thread's state.
 */
export async function applySettings(): Promise<void> {
  const settings = await getSettings();
  await ensureSyncAlarm(settings);
  await recomputeThreads(db(), settings);
  await refreshSurfaces(settings);
  await push({ type: 'push/settings-changed' });
}

export async function syncStatus(): Promise<SyncStatus> {
  return ((await db().state.get(STATUS_KEY))?.value as SyncStatus | undefined) ?? { phase: 'never' };
}

async function setStatus(status: SyncStatus): Promise<void> {
  await db().state.put({ key: STATUS_KEY, value: status });
}

let running: Promise<SyncStatus> | undefined;
let next: Promise<SyncStatus> | undefined;

/**
 * One sync at a time within this worker. A sync asked for while another runs
 * ("Sync now" during the alarm's poll) runs once that one ends, so it covers
 * everything that changed before it was asked for; further asks share it.
 */
export function runSync(): Promise<SyncStatus> {
  if (!running) {
    running = doSync().finally(() => {
      running = undefined;
    });
    return running;
  }
  next ??= running.then(
    () => undefined,
    () => undefined,
  ).then(() => {
    next = undefined;
    return runSync();
  });
  return next;
}

async function doSync(): Promise<SyncStatus> {
  const connection = await connectedClient({ priority: 'background' });
  const settings = await getSettings();
  if (!connection || !settings.features.replyBadges) {
    const status: SyncStatus = { phase: connection ? 'never' : 'not-connected' };
    await setStatus(status);
    await refreshSurfaces(settings, connection?.origin);
    return status;
  }
  await forgetOtherAccount(connection.origin);
  const previous = await syncStatus();
  if (signInNeeded(previous, (await connectionStatus())?.connectedAt)) return previous; // paused until signed in again
  await setStatus({ ...previous, phase: 'syncing', progress: undefined });
  let status: SyncStatus;
  try {
    const outcome = await syncReplies({
      client: connection.client,
      db: db(),
      settings,
      now: Date.now,
      onProgress: (progress) => setStatus({ ...previous, phase: 'syncing', progress }),
    });
    status = { phase: 'ok', lastSyncAt: Date.now() };
    if (outcome.touched > 0) await push({ type: 'push/replies-changed' });
  } catch (error) {
    status = { phase: 'problem', lastSyncAt: previous.lastSyncAt, problem: { ...toProblem(error), at: Date.now() } };
  }
  await setStatus(status);
  await refreshSurfaces(settings, connection.origin);
  return status;
}

/** Reply data belongs to one account: connecting to another starts afresh. */
async function forgetOtherAccount(origin: string) {
  const database = db();
  const account = (await database.state.get(ACCOUNT_KEY))?.value;
  if (account === origin) return;
  await database.transaction('rw', [database.threads, database.comments, database.episodes, database.state], async () => {
    await Promise.all([database.threads.clear(), database.comments.clear(), database.episodes.clear(), database.state.clear()]);
    await database.state.put({ key: ACCOUNT_KEY, value: origin });
  });
}

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

/** Toolbar badge and notifications, from the stored states and the clock now. */
export async function refreshSurfaces(settings?: Settings, origin?: string): Promise<void> {
  const current = settings ?? (await getSettings());
  const accountOrigin = origin ?? (await connectedClient())?.origin;
  const waiting = accountOrigin && current.features.replyBadges ? await waitingThreads(accountOrigin, current) : [];
  const summary = summarizeQueue(waiting.map((thread) => thread.clock));
  await browser.action.setBadgeText({ text: summary.overdue > 0 ? String(summary.overdue) : '' });
  if (summary.worst) await browser.action.setBadgeBackgroundColor({ color: STATE_COLOURS[summary.worst] });
  await notify(waiting, current);
}

const NOTIFICATION_PREFIX = 'reply|';

async function notify(waiting: WaitingThread[], settings: Settings) {
  for (const thread of waiting) {
    const { state } = thread.clock;
    if (state !== 'late' && state !== 'escalated') continue;
    const row = await db().threads.get(thread.taskId);
    if (!row) continue;
    const field = state === 'late' ? 'notifiedLate' : 'notifiedEscalated';
    if (row[field] === thread.waitingSince) continue;
    // Mark first: a notification shown twice is worse than one lost to a crash here.
    await db().threads.update(thread.taskId, { [field]: thread.waitingSince });
    // (A thread first seen already escalated only ever gets the escalated one.)
    if (!settings.notifications[state]) continue;
    await browser.notifications.create(`${NOTIFICATION_PREFIX}${thread.taskId}|${state}`, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title: notificationTitle(thread),
      message: `${thread.taskName} · ${thread.projectName}`,
    });
  }
}

function notificationTitle(thread: WaitingThread): string {
  const who = thread.client.name || t('notifySomeClient');
  const minutes = thread.clock.calendarMinutes;
  return t(thread.clock.state === 'escalated' ? 'notifyEscalatedTitle' : 'notifyLateTitle', [who, minutes]);
}

/** Clicking a notification opens its thread at the client's comment. */
export async function openNotification(notificationId: string): Promise<void> {
  if (!notificationId.startsWith(NOTIFICATION_PREFIX)) return;
  const [taskId] = notificationId.slice(NOTIFICATION_PREFIX.length).split('|');
  const connection = await connectedClient();
  const thread = taskId ? await db().threads.get(taskId) : undefined;
  if (!connection || !thread) return;
  const url = `${connection.origin}${thread.page}${thread.waitingCommentId ? commentAnchor(thread.waitingCommentId) : ''}`;
  await browser.tabs.create({ url });
  await browser.notifications.clear(notificationId);
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
