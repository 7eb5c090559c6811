import { startPageBar } from '@/components/page-bar/mount';

export default defineContentScript({
  matches: ['*://*.worksection.com/*', '*://*.worksection.eu/*', '*://*.worksection.net/*'],
  runAt: 'document_idle',
  // Styles are inlined into the shadow root (no extra fetch before mounting).
  cssInjectionMode: 'manual',
  main(ctx) {
    startPageBar(ctx);
  },
});
