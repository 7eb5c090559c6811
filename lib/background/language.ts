/**
 * The background speaks the chosen language (notifications, problems it
 * answers with): the settings in effect name it, the policy's included. The
 * worker keeps nothing in memory, so each woken worker loads it again.
 */
import { applyLanguage } from '../language';
import type { Language } from '../locale';
import { getSettings } from './settings-store';

export async function useChosenLanguage(): Promise<Language> {
  try {
    return await applyLanguage((await getSettings()).language);
  } catch {
    // Settings that can't be read must not stop a message: the browser's language serves.
    return applyLanguage('auto');
  }
}
