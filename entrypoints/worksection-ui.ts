/**
 * Account Desk on Worksection pages: the runner and the features' small
 * declarations, with what project and task pages show at load; the rest of a
 * feature's code (dialogs, menus, the project widget) is a chunk of its own,
 * imported where the feature shows it. The bootstrap content script (worksection-bootstrap.ts)
 * imports this module after the page has loaded, into its isolated world.
 *
 * Not a WXT entrypoint: scripts/page-build.ts builds it as ES modules
 * (wxt.config.ts leaves it out of WXT's own build).
 */
import { FEATURES } from '@/components/features';
import { onPush } from '@/lib/messages';
import { pageEnvironment } from '@/lib/page/environment';
import { loadPageMessages } from '@/lib/page/messages';
import { startRunner } from '@/lib/page/runner';

// Not a top-level await: that would make Rollup split the modules features
// share out of this one into many small chunks, each a request of its own.
void (async () => {
  // One settings read serves the language, the runner's switches and the features.
  const environment = pageEnvironment();
  const settings = await environment.settings();
  await loadPageMessages(settings.ok ? settings.value.language : 'auto');
  let runner = startRunner(FEATURES, environment);
  // A new language applies at once: every feature is drawn again in it, without a reload.
  let changes = Promise.resolve();
  onPush((push) => {
    if (push.type !== 'push/settings-changed') return;
    changes = changes.then(async () => {
      const now = await environment.settings();
      if (!now.ok || !(await loadPageMessages(now.value.language))) return;
      runner.stop();
      runner = startRunner(FEATURES, environment);
    });
  });
})();
