/**
 * Account time in the background: message handlers (capture, the widget, the
 * task page, manual entries), and the screen-lock listener.
 */
import { browser } from 'wxt/browser';
import { db } from '../../db';
import { ProblemError } from '../../problem';
import type { AccountSummary, CallerPolicy, Handlers } from '../../messages';
import type { RefusedEntryView, TimeMessages } from '../../account-time/protocol';
import { parseWorksectionPath } from '../../worksection/paths';
import { connectedClient, connectionStatus } from '../connection';
import { getSettings } from '../settings-store';
import { isPaused, liveSession, recordHeartbeat, recordLock, recordStop, setPaused } from './capture';
import { knownClientThread, threadInfo } from './client-thread';
import { deleteEntry, listEntries, saveEntry } from './manual';
import { projectSummary, threadTodayMs } from './queries';
import { exportDatabase, importDatabase, previewImport, type BackupContext } from './backup';
import { accountTimeReportFor } from './report';
import { connectedUser } from './user';
import { chosenPerson } from '../acting-as';
import type { WriteBackOutcome } from '../../account-time/protocol';
import { dismissRefused, refusedEntries, retryRefused, writeBack } from './write-back';
import { t } from '../../i18n';

export const WRITE_BACK_ALARM = 'account-time-write-back';

/** Write-back can't tell whose time it is yet. */
export class WriteBackProblem extends ProblemError {
  readonly kind = 'write-back-needs-user';
}

/** Whose account time it is: the connected user, or with the admin key the person it acts as ("Who are you"). */
async function currentUser(summary: AccountSummary | null) {
  const actingAs = summary?.authKind === 'admin' ? await chosenPerson(summary.origin) : null;
  return connectedUser(db(), summary, actingAs);
}

/** A backup's links must lead to the account connected now. */
async function backupContext(): Promise<BackupContext> {
  return { accountOrigin: (await connectionStatus())?.origin };
}

async function idleLimitMs(): Promise<number> {
  return (await getSettings()).accountTime.idleSeconds * 1000;
}

export const accountTimeHandlers: Handlers<TimeMessages> = {
  'time/thread': async ({ origin, taskId }, sender) => {
    const connection = await connectedClient();
    const settings = await getSettings();
    if (!connection || connection.origin !== origin || !settings.features.accountTime) return null;
    const now = Date.now();
    const info = await threadInfo({ db: db(), client: connection.client, settings, origin, now }, taskId);
    const live = await liveSession(db(), now, settings.accountTime.idleSeconds * 1000);
    return {
      ...info,
      todayMs: await threadTodayMs(db(), taskId, now, settings.account.timeZone, origin),
      counting: live !== undefined && live.tabId === sender.tabId && live.taskId === taskId,
      paused: await isPaused(db()),
      idleSeconds: settings.accountTime.idleSeconds,
    };
  },
  'time/heartbeat': async ({ origin, taskId, projectId, lastActivityAt, focusedAt, pageId }, sender) => {
    if (sender.tabId === undefined) throw new Error('Heartbeats come from tabs only');
    const settings = await getSettings();
    const now = Date.now();
    // Only a thread known to be a client thread counts (the tab asked `time/thread` first).
    const known = await knownClientThread(db(), origin, taskId);
    const open =
      known && settings.features.accountTime
        ? await recordHeartbeat(
            { db: db(), idleLimitMs: settings.accountTime.idleSeconds * 1000 },
            { tabId: sender.tabId, taskId, projectId, at: now, lastActivityAt: Math.min(lastActivityAt, now), focusedAt: Math.min(focusedAt, now), pageId, origin },
          )
        : undefined;
    return { counting: open !== undefined, todayMs: await threadTodayMs(db(), taskId, now, settings.account.timeZone, origin) };
  },
  'time/stop': async ({ lastActivityAt, reason }, sender) => {
    if (sender.tabId === undefined) return null;
    const now = Date.now();
    await recordStop({ db: db(), idleLimitMs: await idleLimitMs() }, { tabId: sender.tabId, at: now, lastActivityAt: Math.min(lastActivityAt, now), reason });
    return null;
  },
  'time/project': async ({ origin, projectId }) => {
    const settings = await getSettings();
    if (!settings.features.accountTime) return null;
    const connection = await connectedClient();
    const client = connection && connection.origin === origin ? connection.client : null;
    // No rate in options: the connected user's rate from get_users.
    const rate = settings.accountTime.hourlyRate ?? (await currentUser(await connectionStatus()))?.rate ?? null;
    const withRate = { ...settings, accountTime: { ...settings.accountTime, hourlyRate: rate } };
    return projectSummary({ db: db(), client, origin, settings: withRate, now: Date.now() }, projectId);
  },
  'time/pause': async ({ paused }) => ({ paused: await setPaused({ db: db(), idleLimitMs: await idleLimitMs() }, paused, Date.now()) }),
  'time/status': async () => {
    const live = await liveSession(db(), Date.now(), await idleLimitMs());
    return { paused: await isPaused(db()), counting: live ? { taskId: live.taskId, projectId: live.projectId, since: live.start } : null };
  },
  'time/entries': ({ projectId }) => listEntries(db(), projectId),
  'time/entry-save': async ({ entry }) => saveEntry(db(), entry, Date.now(), (await connectionStatus())?.origin),
  'time/entry-delete': async ({ id }) => {
    await deleteEntry(db(), id);
    return null;
  },
  'time/write-back': () => runWriteBack(),
  'time/refused': () => refusedViews(),
  'time/refused-act': async ({ key, act }) => {
    if (act === 'dismiss') await dismissRefused(db(), key);
    else {
      await retryRefused(db(), key);
      await runWriteBack();
    }
    return refusedViews();
  },
  'time/export': () => exportDatabase(db()),
  'time/import-check': async ({ backup }) => previewImport(db(), backup, await backupContext()),
  'time/import': async ({ backup }) => ({ tables: await importDatabase(db(), backup, await backupContext()) }),
  'time/report': async ({ months }) => {
    const settings = await getSettings();
    const connection = await connectedClient();
    const rate = settings.accountTime.hourlyRate ?? (await currentUser(await connectionStatus()))?.rate ?? null;
    return accountTimeReportFor({ db: db(), client: connection?.client ?? null, settings, now: Date.now(), hourlyRate: rate, origin: connection?.origin }, months);
  },
};

/**
 * Capture and the project widget (with its manual entries) run on Worksection
 * pages; pausing, write-back, reports and the whole database (export, and
 * import, which replaces it) only from the popup and options.
 */
export const accountTimeCallers: CallerPolicy<TimeMessages> = {
  'time/thread': 'worksection-tabs',
  'time/heartbeat': 'worksection-tabs',
  'time/stop': 'worksection-tabs',
  'time/project': 'worksection-tabs',
  'time/entries': 'worksection-tabs',
  'time/entry-save': 'worksection-tabs',
  'time/entry-delete': 'worksection-tabs',
  'time/pause': 'extension-pages',
  'time/status': 'extension-pages',
  'time/write-back': 'extension-pages',
  'time/export': 'extension-pages',
  'time/import-check': 'extension-pages',
  'time/import': 'extension-pages',
  'time/report': 'extension-pages',
  'time/refused': 'extension-pages',
  'time/refused-act': 'extension-pages',
};

/** Refused entries with their thread's name, and the account they belong to when it is not the connected one. */
async function refusedViews(): Promise<RefusedEntryView[]> {
  const connected = (await connectionStatus())?.origin;
  const entries = await refusedEntries(db());
  return Promise.all(
    entries.map(async (entry) => {
      const view: RefusedEntryView = { entry };
      const thread = await db().threads.get(entry.taskId);
      if (thread?.taskName && (!entry.origin || entry.origin === connected)) view.taskName = thread.taskName;
      if (entry.origin && entry.origin !== connected) view.otherAccount = new URL(entry.origin).host;
      return view;
    }),
  );
}

let writing: Promise<WriteBackOutcome | null> | undefined;

/** One batch at a time in this worker (the daily alarm and "Write back now" share it); null when write-back is off. */
export function runWriteBack(): Promise<WriteBackOutcome | null> {
  writing ??= (async () => {
    const settings = await getSettings();
    const connection = await connectedClient();
    if (!settings.accountTime.writeBack || !connection) return null;
    const summary = await connectionStatus();
    const user = await currentUser(summary);
    if (summary?.authKind === 'admin' && !user) throw new WriteBackProblem(t('timeProblemWriteBackUser'));
    return writeBack({
      db: db(),
      client: connection.client,
      origin: connection.origin,
      connectedAt: summary?.connectedAt ?? Date.now(),
      // A cost's date is a day in the account's calendar.
      timeZone: settings.account.timeZone,
      now: Date.now(),
      emailUserFrom: summary?.authKind === 'admin' ? user?.email : undefined,
    });
  })().finally(() => {
    writing = undefined;
  });
  return writing;
}

/**
 * Registered at the top level of the service worker: the screen lock stops
 * account time at once; the daily alarm writes account time back (when on).
 */
export function listenAccountTime(): void {
  browser.idle.onStateChanged.addListener((state) => void onIdleStateChanged(state));
  // A tab that leaves its thread (or closes) stops at once, even if its page's goodbye was lost in unloading.
  // (The URL is only visible on Worksection's hosts: a tab going elsewhere has none, and stops.)
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.url !== undefined || change.status === 'loading') void onTabLeft(tabId, change.url ?? tab.url);
  });
  browser.tabs.onRemoved.addListener((tabId) => void onTabLeft(tabId));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === WRITE_BACK_ALARM) void runWriteBack().catch((error) => console.warn('Account Desk, write-back:', error));
  });
  void browser.alarms.get(WRITE_BACK_ALARM).then((existing) => {
    if (!existing) void browser.alarms.create(WRITE_BACK_ALARM, { periodInMinutes: 24 * 60, delayInMinutes: 60 });
  });
}

/** The tab's open session ends now unless the tab still shows the same thread (a #comment anchor changed, say). */
async function onTabLeft(tabId: number, url?: string): Promise<void> {
  const open = await db().sessions.where('open').equals(1).last();
  if (!open || open.tabId !== tabId) return;
  if (url !== undefined) {
    const { pathname, hash } = new URL(url);
    const page = parseWorksectionPath(pathname, hash);
    if (page.kind === 'task' && page.taskId === open.taskId) return;
  }
  await recordStop({ db: db(), idleLimitMs: await idleLimitMs() }, { tabId, at: Date.now(), lastActivityAt: open.lastActivityAt, reason: 'leave' });
}

/** `idle.onStateChanged`: a screen lock stops account time at once. */
export async function onIdleStateChanged(state: string): Promise<void> {
  if (state !== 'locked') return;
  await recordLock({ db: db(), idleLimitMs: await idleLimitMs() }, Date.now());
}
