import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '@/lib/i18n';
import { ask } from '@/lib/messages';
import { LANGUAGE_SETTINGS, resolveLanguage, type Language, type LanguageSetting } from '@/lib/locale';
import { Locked } from './policy';

/** A language's own name in itself ("русский", "қазақ тілі"): the one a person looks for in a list, whatever the UI's language. */
export function languageName(language: Language): string {
  try {
    const name = new Intl.DisplayNames([language], { type: 'language' }).of(language);
    return name ? name.charAt(0).toLocaleUpperCase(language) + name.slice(1) : language;
  } catch {
    return language;
  }
}

/**
 * Which language Account Desk speaks, saved as soon as it is picked: this
 * page, other open extension pages and Worksection pages switch at once.
 */
export function LanguageSection() {
  const [setting, setSetting] = useState<LanguageSetting | null>(null);
  const [message, setMessage] = useState<{ text: string; failed: boolean } | null>(null);
  // The browser's own language as "auto" means it (this page may be in another one now).
  const [browserLanguage] = useState<Language>(() => resolveLanguage('auto', browser.i18n.getUILanguage()));

  useEffect(() => {
    void ask('settings/get', {}).then((reply) => {
      if (reply.ok) setSetting(reply.value.language);
      else setMessage({ text: t('loadFailed', reply.problem.message), failed: true });
    });
  }, []);

  const choose = async (next: LanguageSetting) => {
    const previous = setting;
    setSetting(next);
    setMessage(null);
    const reply = await ask('settings/save', { patch: { language: next } });
    if (reply.ok) {
      setSetting(reply.value.language);
      setMessage({ text: t('languageSaved'), failed: false });
    } else {
      setSetting(previous);
      setMessage({ text: reply.problem.message, failed: true });
    }
  };

  return (
    <section id="language" aria-labelledby="language-heading">
      <h2 id="language-heading">{t('languageHeading')}</h2>
      <Locked path="language">
        <p>
          <label for="language-choice">{t('languageLabel')}</label>{' '}
          <select
            id="language-choice"
            value={setting ?? undefined}
            disabled={setting === null}
            aria-describedby="language-hint"
            onChange={(event) => void choose(event.currentTarget.value as LanguageSetting)}
          >
            {LANGUAGE_SETTINGS.map((choice) => (
              <option key={choice} value={choice} lang={choice === 'auto' ? undefined : choice}>
                {choice === 'auto' ? t('languageAuto', languageName(browserLanguage)) : languageName(choice)}
              </option>
            ))}
          </select>{' '}
          <span id="language-hint" class="hint">
            {t('languageHint')}
          </span>
          {message && (
            <span class={message.failed ? 'error' : 'ok'} role={message.failed ? 'alert' : 'status'}>
              {' '}
              {message.text}
            </span>
          )}
        </p>
      </Locked>
    </section>
  );
}
