/**
 * The surfaces the background itself draws from the stored thread states:
 * the toolbar badge (count of late threads, coloured by the worst) and
 * notifications when a thread turns late and when it turns escalated.
 */
import { browser } from 'wxt/browser';
import { db } from '../../db';
import type { WaitingThread } from '../../replies/protocol';
import { REPLY_STATE_COLOURS } from '../../replies/palette';
import { summarizeQueue } from '../../replies/queue';
import type { Settings } from '../../settings';
import { t } from '../../i18n';
import { describeWait } from '../../replies/wait';
import { commentAnchor } from '../../worksection/paths';
import { connectedClient } from '../connection';
import { getSettings } from '../settings-store';
import { applyLanguage } from '../../language';
import { waitingThreads } from './queries';

/** Toolbar badge and notifications, from the stored states and the clock now. */
export async function refreshSurfaces(settings?: Settings, origin?: string): Promise<void> {
  const current = settings ?? (await getSettings());
  // Notifications are in the chosen language (an alarm may be the first thing a woken worker does).
  await applyLanguage(current.language);
  const accountOrigin = origin ?? (await connectedClient())?.origin;
  const waiting = accountOrigin && current.features.replyBadges ? await waitingThreads(accountOrigin, current) : [];
  const summary = summarizeQueue(waiting.map((thread) => thread.clock));
  await browser.action.setBadgeText({ text: summary.overdue > 0 ? String(summary.overdue) : '' });
  if (summary.worst) {
    const colours = REPLY_STATE_COLOURS[summary.worst];
    await browser.action.setBadgeBackgroundColor({ color: colours.background });
    await browser.action.setBadgeTextColor?.({ color: colours.text });
  }
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

