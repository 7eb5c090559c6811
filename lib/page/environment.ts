/** The runner's environment in a real page: the extension's messages, this page's address and document. */
import { browser } from 'wxt/browser';
import { ask, onPush, type Result } from '../messages';
import type { Settings } from '../settings';
import type { RunnerEnvironment } from './runner';

/**
 * The settings now, one read for everything on the page (the language, the switches, every feature's rules)
 * until the background announces a change: each read is a round trip to the background, repeated on every
 * refresh otherwise. A failed read is not kept.
 */
function sharedSettings(): () => Promise<Result<Settings>> {
  let current: Promise<Result<Settings>> | undefined;
  // Registered before any feature's listener: a feature re-reading on this push gets the new settings.
  onPush((push) => {
    if (push.type === 'push/settings-changed') current = undefined;
  });
  return () => {
    if (current) return current;
    const reading = ask('settings/get', {});
    current = reading;
    void reading.then((settings) => {
      if (!settings.ok && current === reading) current = undefined;
    });
    return reading;
  };
}

export function pageEnvironment(): RunnerEnvironment {
  const settings = sharedSettings();
  return {
    document,
    href: () => location.href,
    settings,
    async switches() {
      const now = await settings();
      return now.ok ? now.value.features : null;
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
