import { startPageBar } from '@/components/page-bar/mount';
import { startReplyBadges } from '@/components/reply-badges';
import { afterPageLoad } from '@/lib/page/after-load';

export default defineContentScript({
  matches: ['*://*.worksection.com/*', '*://*.worksection.eu/*', '*://*.worksection.net/*'],
  runAt: 'document_idle',
  // Styles are inlined into the shadow root (no extra fetch before mounting).
  cssInjectionMode: 'manual',
  async main(ctx) {
    // Worksection's own load comes first: our UI waits for the load event and
    // an idle moment, so the page never loads slower because of it.
    await afterPageLoad(ctx);
    if (ctx.isInvalid) return;
    startPageBar(ctx);
    startReplyBadges(ctx);
  },
});
