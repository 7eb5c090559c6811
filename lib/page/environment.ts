/** The runner's environment in a real page: the extension's messages, this page's address and document. */
import { browser } from 'wxt/browser';
import { ask, onPush } from '../messages';
import type { RunnerEnvironment } from './runner';

export function pageEnvironment(): RunnerEnvironment {
  return {
    document,
    href: () => location.href,
    async switches() {
      const settings = await ask('settings/get', {});
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
