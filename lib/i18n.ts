/** Every UI string goes through here, so a language is a _locales folder (and an entry in lib/locale.ts LANGUAGES). */
import { browser } from 'wxt/browser';
import type messages from '../public/_locales/en/messages.json';
import { lookUp, type Catalog } from './i18n-catalog';
import { resolveLanguage, type Language } from './locale';

export type MessageKey = keyof typeof messages;
/** Keys with plural forms: `<base>_one`, `_few`, `_many`, `_other` (English has `_one` and `_other`; `_other` is always there). */
export type PluralKey = MessageKey extends infer K ? (K extends `${infer Base}_other` ? Base : never) : never;

/**
 * Set where the language is not the browser's own (Worksection pages always,
 * lib/page/messages.ts; extension pages and the background when a language is
 * chosen): strings come from it instead of `browser.i18n`.
 */
let catalog: Catalog | undefined;
let catalogLanguage: Language | undefined;

/** Strings from `next` in `language` from now on; `undefined` goes back to `browser.i18n` (the browser's UI language). */
export function useCatalog(next: Catalog | undefined, language?: Language): void {
  catalog = next;
  catalogLanguage = next ? (language ?? catalogLanguage) : undefined;
}

/** The language strings are in now: plural rules, dates and numbers follow it. */
export function activeLanguage(): Language {
  return catalogLanguage ?? resolveLanguage('auto', browser.i18n.getUILanguage?.() ?? 'en');
}

function message(key: string, subs?: string[]): string {
  return catalog ? lookUp(catalog, key, subs) : (browser.i18n.getMessage as (name: string, substitutions?: string[]) => string)(key, subs);
}

export function t(key: MessageKey, substitutions?: string | number | Array<string | number>): string {
  const subs = substitutions === undefined ? undefined : [substitutions].flat().map(String);
  // getMessage answers "" for an unknown key; showing the key makes the gap visible.
  return message(key, subs) || key;
}

const pluralRules = new Map<Language, Intl.PluralRules>();

/** The plural category of `count` in `language` (one, few, many, other…), as CLDR defines it. */
export function pluralCategory(count: number, language: Language = activeLanguage()): Intl.LDMLPluralRule {
  let rules = pluralRules.get(language);
  if (!rules) pluralRules.set(language, (rules = new Intl.PluralRules(language)));
  return rules.select(count);
}

/**
 * The form of `base` for `count` in the active language ("1 minute", "2
 * минуты", "5 минут"), falling back to `<base>_other` when the language's
 * file has no key for that category. Substitutions default to the count.
 */
export function tn(base: PluralKey, count: number, substitutions?: string | number | Array<string | number>): string {
  const subs = (substitutions === undefined ? [count] : [substitutions].flat()).map(String);
  return message(`${base}_${pluralCategory(count)}`, subs) || message(`${base}_other`, subs) || `${base}_other`;
}
