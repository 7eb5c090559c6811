/**
 * Reply badges in the background: the feature's message handlers and the
 * worker's listeners (registered in ../features.ts). The parts: sync.ts (from
 * get_events to thread states), poll.ts (the alarm, one sync at a time, its
 * status), surfaces.ts (toolbar badge, notifications), queries.ts (what pages
 * ask).
 */
import { browser } from 'wxt/browser';
import type { Handlers } from '../../messages';
import type { ReplyMessages } from '../../replies/protocol';
import { connectionStatus } from '../connection';
import { onSettingsChanged, getSettings } from '../settings-store';
import { applySettings, ensureSyncAlarm, runSync, SYNC_ALARM, syncStatus } from './poll';
import { replyTimes, waitingInProject, waitingTask, waitingThreads } from './queries';
import { openNotification, refreshSurfaces } from './surfaces';

export const replyHandlers: Handlers<ReplyMessages> = {
  'replies/queue': async () => {
    const connection = await connectionStatus();
    const threads = connection ? await waitingThreads(connection.origin, await getSettings()) : [];
    return { threads, status: connection ? await syncStatus() : { phase: 'not-connected' } };
  },
  'replies/project': ({ origin, projectId }) => waitingInProject(origin, projectId),
  'replies/task': ({ origin, taskId }) => waitingTask(origin, taskId),
  'sync/now': () => runSync(),
  'reports/reply-times': ({ from, to, measure }) => replyTimes(from, to, measure),
};

/** Registered at the top level of the service worker, so the event that wakes it reaches it. */
export function listenReplies(): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) void runSync();
  });
  browser.notifications.onClicked.addListener((id) => void openNotification(id));
  browser.runtime.onInstalled.addListener(() => void ensureSyncAlarm());
  browser.runtime.onStartup.addListener(() => void ensureSyncAlarm().then(() => refreshSurfaces()));
  onSettingsChanged(() => void applySettings());
}

/** A new connection syncs at once (the popup shows its progress); none clears the surfaces. */
export async function onRepliesConnectionChanged(connected: boolean): Promise<void> {
  if (connected) void runSync();
  else await refreshSurfaces();
}
