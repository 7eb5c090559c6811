/**
 * The only script Worksection pages load at start (registered as the content
 * script in wxt.config.ts): under 1 KB, no dependencies. After the page's
 * load event and an idle moment it imports the UI module, which runs in this
 * same isolated world. Worksection's own load never waits for Account Desk.
 */
export default defineUnlistedScript(() => {
  // Both Chrome and Firefox expose the `chrome` namespace to content scripts;
  // the polyfill stays out of this file to keep it tiny.
  const runtime = (globalThis as unknown as { chrome: { runtime: { getURL(path: string): string } } }).chrome.runtime;
  const loadUi = () =>
    requestIdleCallback(() => void import(/* @vite-ignore */ runtime.getURL('/page/worksection-ui.js')), { timeout: 300 });
  if (document.readyState === 'complete') loadUi();
  else addEventListener('load', loadUi, { once: true });
});
