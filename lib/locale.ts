/**
 * Account Desk's languages and which one a person sees. Pure: callers pass
 * the browser's UI language (`browser.i18n.getUILanguage()`).
 */
import { pickLocale } from './i18n-catalog';

/** Every language the UI is written in, the manifest's default first (DESIGN §1). */
export const LANGUAGES = ['en', 'ru', 'uk', 'kk'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'en';

/** The language setting: one of the languages, or "auto" (the browser's UI language, as Chrome picks a locale). */
export const LANGUAGE_SETTINGS = ['auto', ...LANGUAGES] as const;
export type LanguageSetting = (typeof LANGUAGE_SETTINGS)[number];

/** The language a setting means in a browser whose UI language is `uiLanguage` (a BCP 47 tag such as "ru-RU"). */
export function resolveLanguage(setting: LanguageSetting, uiLanguage: string): Language {
  return setting === 'auto' ? (pickLocale(uiLanguage, LANGUAGES, DEFAULT_LANGUAGE) as Language) : setting;
}

export function isLanguageSetting(value: unknown): value is LanguageSetting {
  return typeof value === 'string' && (LANGUAGE_SETTINGS as readonly string[]).includes(value);
}
