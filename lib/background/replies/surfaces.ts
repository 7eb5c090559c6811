/**
 * Every surface of the reply states, from one place: the background draws
 * the toolbar badge (count of late threads, coloured by the worst) and
 * notifications when a thread turns late and when it turns escalated, and
 * tells pages (row and task badges) and the popup to read the states again.
 * Whatever changes thread states (a poll, a reply sent from this browser,
 * settings, a thread crossing a threshold as time passes) ends with
 * `threadStatesChanged`, so no surface is refreshed by a path of its own.
 */
import { browser } from 'wxt/browser';
import { db } from '../../db';
import type { WaitingThread } from '../../replies/protocol';
import { REPLY_STATE_COLOURS } from '../../replies/palette';
import { summarizeQueue } from '../../replies/queue';
import { describeWait, nextStateChangeAt } from '../../replies/wait';
import type { Settings } from '../../settings';
import { t } from '../../i18n';
import { commentAnchor } from '../../worksection/paths';
import { connectedClient } from '../connection';
import { getSettings } from '../settings-store';
import { push } from '../push';
import { applyLanguage } from '../../language';
import { waitingThreads } from './queries';

/** The alarm that redraws the surfaces when the next waiting thread crosses a threshold. */
export const STATE_ALARM = 'reply-states';

/** What pages and the popup show of the waiting threads, as last announced by this worker (undefined: not yet). */
let announced: string | undefined;

/**
 * Thread states changed (or may have): the toolbar, notifications, pages and
 * the popup all hear it in this one step. Pages and the popup are told only
 * when what they show differs from the last announcement (a poll that found
 * nothing new costs open tabs nothing; a woken worker announces once), and in
 * the same step as the toolbar is drawn, so none of them lags behind another.
 */
export async function threadStatesChanged(settings?: Settings, origin?: string): Promise<void> {
  const shown = await refreshSurfaces(settings, origin);
  if (shown === announced) return;
  announced = shown;
  await push({ type: 'push/replies-changed' });
}

/**
 * Toolbar badge and notifications, from the stored states and the clock now.
 * Answers what pages show of the waiting threads (which, since when, in which
 * state), to tell whether they need to hear of it.
 */
export async function refreshSurfaces(settings?: Settings, origin?: string): Promise<string> {
  const current = settings ?? (await getSettings());
  // Notifications are in the chosen language (an alarm may be the first thing a woken worker does).
  await applyLanguage(current.language);
  const accountOrigin = origin ?? (await connectedClient())?.origin;
  const now = Date.now();
  const waiting = accountOrigin && current.features.replyBadges ? await waitingThreads(accountOrigin, current, now) : [];
  const summary = summarizeQueue(waiting.map((thread) => thread.clock));
  const text = summary.overdue > 0 ? String(summary.overdue) : '';
  // The global count, and every tab's: a tab's own text would win over the global one.
  const tabs = await browser.tabs.query({}).catch(() => []);
  await Promise.all(tabs.map((tab) => (tab.id === undefined ? undefined : browser.action.setBadgeText({ text, tabId: tab.id }).catch(() => undefined))));
  await browser.action.setBadgeText({ text });
  if (summary.worst) {
    const colours = REPLY_STATE_COLOURS[summary.worst];
    await browser.action.setBadgeBackgroundColor({ color: colours.background });
    await browser.action.setBadgeTextColor?.({ color: colours.text });
  }
  await scheduleNextCrossing(waiting, now, current);
  await notify(waiting, current);
  return JSON.stringify([accountOrigin, waiting.map((thread) => [thread.taskId, thread.waitingSince, thread.client.id, thread.clock.state])]);
}

/**
 * A waiting thread turns soon, late or escalated as time passes, between
 * polls: the toolbar and notifications must change when the pages' badges do.
 */
async function scheduleNextCrossing(waiting: readonly WaitingThread[], now: number, settings: Settings): Promise<void> {
  const next = Math.min(...waiting.map((thread) => nextStateChangeAt(thread.waitingSince, now, settings.replyThresholds) ?? Infinity));
  if (!Number.isFinite(next)) {
    await browser.alarms.clear(STATE_ALARM);
    return;
  }
  await browser.alarms.create(STATE_ALARM, { when: Math.max(next, now + 1_000) });
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
  const wait = describeWait(thread.clock.calendarMinutes);
  return t(thread.clock.state === 'escalated' ? 'notifyEscalatedWait' : 'notifyLateWait', [who, wait]);
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

