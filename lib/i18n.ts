/** Every UI string goes through here, so adding a language is adding a _locales folder. */
import { browser } from 'wxt/browser';
import type messages from '../public/_locales/en/messages.json';

export type MessageKey = keyof typeof messages;

export function t(key: MessageKey, substitutions?: string | Array<string | number>): string {
  const subs = substitutions === undefined ? undefined : [substitutions].flat().map(String);
  // getMessage answers "" for an unknown key; showing the key makes the gap visible.
  return browser.i18n.getMessage(key, subs) || key;
}
