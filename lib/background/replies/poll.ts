/**
 * The reply sync's schedule: the alarm that polls Worksection, one sync at a
 * time, the sync status the popup and options show, and what a settings
 * change means for stored thread states. The sync itself is sync.ts.
 */
import { browser } from 'wxt/browser';
import { db } from '../../db';
import type { SyncStatus } from '../../replies/protocol';
import type { Settings } from '../../settings';
import { connectedClient, connectionStatus } from '../connection';
import { signInNeeded } from '../sign-in';
import { push } from '../push';
import { toProblem } from '../problems';
import { getSettings } from '../settings-store';
import { threadStatesChanged } from './surfaces';
import { recomputeThreads, syncReplies } from './sync';

export const SYNC_ALARM = 'reply-sync';
const STATUS_KEY = 'replies.status';
const ACCOUNT_KEY = 'replies.account';

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
  // Pages hear of the new settings (switches, language, rules) at once: after the threads, they waited behind any
  // sync holding the database, and heard nothing at all when recomputing failed. Badges re-read on either push.
  await push({ type: 'push/settings-changed' });
  const settings = await getSettings();
  await ensureSyncAlarm(settings);
  await recomputeThreads(db(), settings);
  await threadStatesChanged(settings);
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
    await threadStatesChanged(settings, connection?.origin);
    return status;
  }
  await forgetOtherAccount(connection.origin);
  const previous = await syncStatus();
  if (signInNeeded(previous, (await connectionStatus())?.connectedAt)) return previous; // paused until signed in again
  await setStatus({ ...previous, phase: 'syncing', progress: undefined });
  let status: SyncStatus;
  try {
    await syncReplies({
      client: connection.client,
      db: db(),
      settings,
      now: Date.now,
      onProgress: (progress) => setStatus({ ...previous, phase: 'syncing', progress }),
    });
    status = { phase: 'ok', lastSyncAt: Date.now() };
  } catch (error) {
    status = { phase: 'problem', lastSyncAt: previous.lastSyncAt, problem: { ...toProblem(error), at: Date.now() } };
  }
  await setStatus(status);
  // One step for every surface: the toolbar and the pages hear of new states
  // together, also after a poll that changed nothing (the clock may have moved
  // a thread into another state since the last one; asking again is cheap).
  await threadStatesChanged(settings, connection.origin);
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

