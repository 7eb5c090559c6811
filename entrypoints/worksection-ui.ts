/**
 * Account Desk on Worksection pages: the runner and the features' small
 * declarations; each feature's code is a chunk of its own, imported where the
 * feature shows. The bootstrap content script (worksection-bootstrap.ts)
 * imports this module after the page has loaded, into its isolated world.
 *
 * Not a WXT entrypoint: scripts/page-build.ts builds it as ES modules split
 * per feature (wxt.config.ts leaves it out of WXT's own build).
 */
import { FEATURES } from '@/components/features';
import { pageEnvironment } from '@/lib/page/environment';
import { loadPageMessages } from '@/lib/page/messages';
import { startRunner } from '@/lib/page/runner';

// Not a top-level await: that would make Rollup split the modules features
// share out of this one into many small chunks, each a request of its own.
void loadPageMessages().then(() => startRunner(FEATURES, pageEnvironment()));
