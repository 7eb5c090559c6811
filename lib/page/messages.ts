/**
 * The strings of Account Desk's UI inside Worksection pages: a catalog module
 * per language (page/messages/<language>.js, written by scripts/page-build.ts
 * from public/_locales), imported before the runner starts, so that no
 * string waits on `i18n.getMessage` (its first call in a page blocks on the
 * browser process for the whole bundle). Which language: the settings' choice
 * (the policy's included); "auto" is the one the browser's UI language picks,
 * as Chrome would pick it.
 */
import { browser } from 'wxt/browser';
import type { Catalog } from '../i18n-catalog';
import { useCatalog } from '../i18n';
import { resolveLanguage, type Language, type LanguageSetting } from '../locale';

let loaded: Language | undefined;

/** Loads the catalog `setting` means here; answers whether the language changed (the UI then has to be drawn again). */
export async function loadPageMessages(setting: LanguageSetting): Promise<boolean> {
  const language = resolveLanguage(setting, browser.i18n.getUILanguage());
  if (language === loaded) return false;
  // Written after WXT's build, so not among WXT's known public paths.
  const url = (browser.runtime.getURL as (path: string) => string)(`/page/messages/${language}.js`);
  const module = (await import(/* @vite-ignore */ url)) as { default: Catalog };
  useCatalog(module.default, language);
  loaded = language;
  return true;
}
