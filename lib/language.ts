/**
 * The chosen language in the extension's own contexts (its pages and the
 * background). `browser.i18n` follows the browser's UI language and cannot be
 * switched, so a chosen language's strings are read from the packaged
 * `_locales/<language>/messages.json`, compiled as Worksection pages' catalogs
 * are, with gaps filled from English as Chrome fills them. "auto" leaves the
 * strings to `browser.i18n`.
 */
import { browser } from 'wxt/browser';
import { compileMessages, type Catalog, type MessagesFile } from './i18n-catalog';
import { activeLanguage, useCatalog } from './i18n';
import { DEFAULT_LANGUAGE, type Language, type LanguageSetting } from './locale';

let applied: LanguageSetting = 'auto';

async function readLocale(language: Language): Promise<Catalog> {
  try {
    const response = await fetch((browser.runtime.getURL as (path: string) => string)(`/_locales/${language}/messages.json`));
    return response.ok ? compileMessages((await response.json()) as MessagesFile) : {};
  } catch {
    // A language whose folder is not in this build (yet): its gaps are all English.
    return {};
  }
}

/** `language`'s packaged strings with gaps filled from English (as Chrome fills them): for text in a language other than the UI's. */
export async function localeCatalog(language: Language): Promise<Catalog> {
  const [fallback, own] = await Promise.all([readLocale(DEFAULT_LANGUAGE), language === DEFAULT_LANGUAGE ? {} : readLocale(language)]);
  return { ...fallback, ...own };
}

/** Makes `setting` the language of `t`/`tn` here; answers the language strings are in now. */
export async function applyLanguage(setting: LanguageSetting): Promise<Language> {
  if (setting === applied) return activeLanguage();
  if (setting === 'auto') {
    useCatalog(undefined);
    applied = setting;
    return activeLanguage();
  }
  const [fallback, own] = await Promise.all([readLocale(DEFAULT_LANGUAGE), setting === DEFAULT_LANGUAGE ? {} : readLocale(setting)]);
  // Without the English file there is nothing to fill gaps from: stay with the browser's strings.
  if (Object.keys(fallback).length === 0) return activeLanguage();
  useCatalog({ ...fallback, ...own }, setting);
  applied = setting;
  return setting;
}
