/** Announcements from the background to Worksection tabs and to the extension's own pages. */
import { browser } from 'wxt/browser';
import type { Push } from '../messages';
import { WORKSECTION_HOSTS } from '../worksection/hosts';
import { connectionStatus } from './connection';

export async function push(message: Push): Promise<void> {
  const origin = (await connectionStatus())?.origin;
  // Where the content script runs (wxt.config.ts), plus the connected account's own origin.
  const tabs = await browser.tabs.query({ url: origin ? [...WORKSECTION_HOSTS, `${origin}/*`] : [...WORKSECTION_HOSTS] });
  // A tab without our script (still loading, or a Worksection page we don't run on) just doesn't answer.
  await Promise.all(tabs.map((tab) => (tab.id === undefined ? undefined : browser.tabs.sendMessage(tab.id, message).catch(() => undefined))));
  // Popup, options and reports pages, when open.
  await browser.runtime.sendMessage(message).catch(() => undefined);
}
