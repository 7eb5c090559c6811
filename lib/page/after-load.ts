import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/** Resolves after the page's load event and the next idle period (at most `maxIdleWaitMs` later). */
export function afterPageLoad(ctx: ContentScriptContext, maxIdleWaitMs = 300): Promise<void> {
  return new Promise((resolve) => {
    const idle = () => ctx.requestIdleCallback(() => resolve(), { timeout: maxIdleWaitMs });
    if (document.readyState === 'complete') idle();
    else ctx.addEventListener(window, 'load', idle, { once: true });
  });
}
