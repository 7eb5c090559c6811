/** Every UI string goes through here, so adding a language is adding a _locales folder. */
import { browser } from 'wxt/browser';
import type messages from '../public/_locales/en/messages.json';
import { lookUp, type Catalog } from './i18n-catalog';

export type MessageKey = keyof typeof messages;

/** Set in Worksection pages (lib/page/messages.ts): strings come from it instead of `browser.i18n`. */
let catalog: Catalog | undefined;

export function useCatalog(next: Catalog): void {
  catalog = next;
}

export function t(key: MessageKey, substitutions?: string | Array<string | number>): string {
  const subs = substitutions === undefined ? undefined : [substitutions].flat().map(String);
  // getMessage answers "" for an unknown key; showing the key makes the gap visible.
  return (catalog ? lookUp(catalog, key, subs) : browser.i18n.getMessage(key, subs)) || key;
}
