/**
 * Reply badges in the background: the feature's message handlers and the
 * worker's listeners (registered in ../features.ts). The parts: sync.ts (from
 * get_events to thread states), poll.ts (the alarm, one sync at a time, its
 * status), surfaces.ts (toolbar badge, notifications), queries.ts (what pages
 * ask).
 */
import { browser } from 'wxt/browser';
import type { CallerPolicy, Handlers } from '../../messages';
import type { ReplyMessages } from '../../replies/protocol';
import { connectionStatus } from '../connection';
import { onSettingsChanged, getSettings } from '../settings-store';
import { applySettings, ensureSyncAlarm, runSync, SYNC_ALARM, syncStatus } from './poll';
import { replyTimes, waitingInProject, waitingTask, waitingThreads } from './queries';
import { openNotification, refreshSurfaces, STATE_ALARM, threadStatesChanged } from './surfaces';
import { replySent } from './sent';

export const replyHandlers: Handlers<ReplyMessages> = {
  'replies/queue': async () => {
    const connection = await connectionStatus();
    const threads = connection ? await waitingThreads(connection.origin, await getSettings()) : [];
    return { threads, status: connection ? await syncStatus() : { phase: 'not-connected' } };
  },
  'replies/project': ({ origin, projectId }) => waitingInProject(origin, projectId),
  'replies/task': ({ origin, taskId }) => waitingTask(origin, taskId),
  'sync/now': () => runSync(),
  'replies/sent': (request, sender) => replySent(request, sender),
  'reports/reply-times': ({ from, to, measure }) => replyTimes(from, to, measure),
};

/** Badges on Worksection pages ask for their project or task; the queue, a sync and reports are the popup's and options'. */
export const replyCallers: CallerPolicy<ReplyMessages> = {
  'replies/queue': 'extension-pages',
  'replies/project': 'worksection-tabs',
  'replies/task': 'worksection-tabs',
  'sync/now': 'extension-pages',
  // The content script where the reply was sent; its page's origin only, rate-limited (sent.ts).
  'replies/sent': 'worksection-tabs',
  'reports/reply-times': 'extension-pages',
};

/** Registered at the top level of the service worker, so the event that wakes it reaches it. */
export function listenReplies(): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) void runSync();
    // A waiting thread crossed a threshold: the toolbar, notifications and pages move together.
    if (alarm.name === STATE_ALARM) void threadStatesChanged();
  });
  browser.notifications.onClicked.addListener((id) => void openNotification(id));
  browser.runtime.onInstalled.addListener(() => void ensureSyncAlarm());
  browser.runtime.onStartup.addListener(() => void ensureSyncAlarm().then(() => refreshSurfaces()));
  onSettingsChanged(() => void applySettings());
}

/** A new connection syncs at once (the popup shows its progress); none clears the surfaces. */
export async function onRepliesConnectionChanged(connected: boolean): Promise<void> {
  if (connected) void runSync();
  else await threadStatesChanged();
}
