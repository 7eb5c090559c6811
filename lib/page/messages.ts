/**
 * The strings of Account Desk's UI inside Worksection pages: a catalog module
 * per locale (page/messages/<locale>.js, written by scripts/page-build.ts from
 * public/_locales), imported once before the runner starts, so that no
 * string waits on `i18n.getMessage` (its first call in a page blocks on the
 * browser process for the whole bundle). Which locale: the one the browser's
 * UI language picks among the built ones, as Chrome would pick it.
 */
import { browser } from 'wxt/browser';
import { pickLocale, type Catalog } from '../i18n-catalog';
import { useCatalog } from '../i18n';

declare const __PAGE_LOCALES__: readonly string[];
declare const __DEFAULT_LOCALE__: string;

export async function loadPageMessages(): Promise<void> {
  const locale = pickLocale(browser.i18n.getUILanguage(), __PAGE_LOCALES__, __DEFAULT_LOCALE__);
  // Written after WXT's build, so not among WXT's known public paths.
  const url = (browser.runtime.getURL as (path: string) => string)(`/page/messages/${locale}.js`);
  const module = (await import(/* @vite-ignore */ url)) as { default: Catalog };
  useCatalog(module.default);
}
