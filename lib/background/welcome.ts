/**
 * First run: installing Account Desk opens its welcome page (connect, who you
 * are, where each feature shows). Only on a fresh install: an update or a
 * browser update never opens a tab.
 */
import { browser } from 'wxt/browser';

export const WELCOME_PAGE = '/welcome.html';

export function listenWelcome(): void {
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason !== 'install') return;
    void browser.tabs.create({ url: browser.runtime.getURL(WELCOME_PAGE) }).catch((error: unknown) => console.warn('Account Desk, welcome page:', error));
  });
}
