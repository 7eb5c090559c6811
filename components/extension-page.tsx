/**
 * How an extension page (options, popup, reports, privacy, welcome) enters its
 * document: in the chosen language, with `<html lang>` saying which, and
 * drawn again in a new one as soon as it is chosen (here or in another
 * window, or by the organization's policy), without a reload.
 */
import { render, type ComponentChild } from 'preact';
import { activeLanguage, t, type MessageKey } from '@/lib/i18n';
import { applyLanguage } from '@/lib/language';
import type { LanguageSetting } from '@/lib/locale';
import { ask, onPush } from '@/lib/messages';

async function chosenLanguage(): Promise<LanguageSetting> {
  const settings = await ask('settings/get', {}).catch(() => null);
  return settings?.ok ? settings.value.language : 'auto';
}

export function mountExtensionPage(view: () => ComponentChild, title?: MessageKey, container: HTMLElement = document.getElementById('app')!): void {
  const draw = () => {
    document.documentElement.lang = activeLanguage();
    if (title) document.title = t(title);
    render(view(), container);
  };
  let changes = (async () => {
    await applyLanguage(await chosenLanguage());
    draw();
  })();
  onPush((push) => {
    if (push.type !== 'push/settings-changed') return;
    changes = changes.then(async () => {
      const before = activeLanguage();
      const after = await applyLanguage(await chosenLanguage());
      if (after !== before) draw();
    });
  });
}
