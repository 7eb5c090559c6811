/**
 * The background speaks the chosen language (notifications, problems it
 * answers with): the settings in effect name it, the policy's included. A
 * woken worker reads it once and loads its strings; a settings or policy
 * change makes the next message read it again (nothing else is kept).
 */
import { applyLanguage } from '../language';
import type { Language, LanguageSetting } from '../locale';
import { getSettings, onSettingsChanged } from './settings-store';

let chosen: LanguageSetting | undefined;

export async function useChosenLanguage(): Promise<Language> {
  try {
    chosen ??= (await getSettings()).language;
    return await applyLanguage(chosen);
  } catch {
    // Settings that can't be read must not stop a message: the browser's language serves.
    return applyLanguage('auto');
  }
}

/** Registered at the top level of the service worker. */
export function listenLanguage(): void {
  onSettingsChanged(() => {
    chosen = undefined;
  });
}
