/** The runner's environment in a real page: the extension's messages, this page's address and document. */
import { browser } from 'wxt/browser';
import { ask, onPush, type Result } from '../messages';
import type { Settings } from '../settings';
import type { RunnerEnvironment } from './runner';

/** `first`: a settings read already under way, for the runner's first switches (one message instead of two). */
export function pageEnvironment(first?: Promise<Result<Settings>>): RunnerEnvironment {
  let pending = first;
  return {
    document,
    href: () => location.href,
    async switches() {
      const settings = await (pending ?? ask('settings/get', {}));
      pending = undefined;
      return settings.ok ? settings.value.features : null;
    },
    onSwitchesChanged: (listener) =>
      onPush((push) => {
        if (push.type === 'push/settings-changed') listener();
      }),
    report: (visit) => void ask('diagnostics/report', visit),
    // An extension updated or removed under an open page leaves this world without a runtime.
    alive: () => Boolean(browser.runtime?.id),
    warn: (message) => console.warn(message),
    now: () => Date.now(),
    dock: {
      async load() {
        const kept = await ask('page/dock', {});
        return kept.ok ? kept.value : null;
      },
      save: (place) => void ask('page/dock', { place }),
    },
  };
}
