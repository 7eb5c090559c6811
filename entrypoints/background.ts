import { browser } from 'wxt/browser';
import { applySettings, ensureSyncAlarm, openNotification, refreshSurfaces, runSync, SYNC_ALARM } from '@/lib/background/replies';
import { listenAccountTime } from '@/lib/background/account-time';
import { listen } from '@/lib/background/router';
import { onSettingsChanged } from '@/lib/background/settings-store';

export default defineBackground(() => {
  // Every listener is registered synchronously at the top level, so the event
  // that wakes a stopped worker reaches it. No state lives in this worker's
  // memory: Dexie and storage.local hold it all.
  listen();
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) void runSync();
  });
  browser.notifications.onClicked.addListener((id) => void openNotification(id));
  listenAccountTime();
  browser.runtime.onInstalled.addListener(() => void ensureSyncAlarm());
  browser.runtime.onStartup.addListener(() => void ensureSyncAlarm().then(() => refreshSurfaces()));
  onSettingsChanged(() => void applySettings());
});
