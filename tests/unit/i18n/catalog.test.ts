import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileMessages, lookUp, pickLocale, type MessagesFile } from '@/lib/i18n-catalog';
import { englishMessage } from '../../support/i18n';

const english = JSON.parse(readFileSync(join(process.cwd(), 'public/_locales/en/messages.json'), 'utf8')) as MessagesFile;

describe('page catalogs (lib/i18n-catalog.ts)', () => {
  it('say every English message exactly as Chrome’s getMessage rules do, with and without substitutions', () => {
    const catalog = compileMessages(english);
    const subs = ['<b>one</b>', 'two $1', '3', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
    expect(Object.keys(catalog)).toEqual(Object.keys(english));
    for (const key of Object.keys(english)) {
      expect(lookUp(catalog, key, subs), key).toBe(englishMessage(key, subs));
      expect(lookUp(catalog, key), key).toBe(englishMessage(key));
    }
  });

  it('resolves named placeholders case-insensitively and leaves substituted text alone', () => {
    const catalog = compileMessages({
      greeting: { message: 'Hello $Who$, $COUNT$ left; costs $$5', placeholders: { who: { content: '$1' }, count: { content: '$2' } } },
    });
    expect(catalog.greeting).toBe('Hello $1, $2 left; costs $$5');
    expect(lookUp(catalog, 'greeting', ['$2 and $1', '7'])).toBe('Hello $2 and $1, 7 left; costs $5');
    expect(lookUp(catalog, 'greeting')).toBe('Hello ,  left; costs $5');
  });

  it('answers "" for an unknown key, inherited names included', () => {
    const catalog = compileMessages(english);
    expect(lookUp(catalog, 'noSuchKey')).toBe('');
    expect(lookUp(catalog, 'toString')).toBe('');
    expect(lookUp(catalog, '__proto__')).toBe('');
  });

  it('refuses a message that names a placeholder it does not define', () => {
    expect(() => compileMessages({ broken: { message: 'Hi $NAME$' } })).toThrow(/"broken" uses \$NAME\$/);
  });

  it('picks a locale as Chrome does: region, then language, then the default', () => {
    const built = ['en', 'ru', 'uk', 'pt_BR'];
    expect(pickLocale('ru-RU', built, 'en')).toBe('ru');
    expect(pickLocale('uk', built, 'en')).toBe('uk');
    expect(pickLocale('pt-BR', built, 'en')).toBe('pt_BR');
    expect(pickLocale('pt-PT', built, 'en')).toBe('en');
    expect(pickLocale('kk-KZ', built, 'en')).toBe('en');
  });
});
