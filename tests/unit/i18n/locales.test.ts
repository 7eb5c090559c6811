/**
 * The translators' files against the English one: every locale folder has
 * exactly English's keys (a plural key in the forms its language has), none
 * empty, each with the same placeholders. A new English key fails here until
 * every language has it.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MessagesFile } from '@/lib/i18n-catalog';

const LOCALES_DIR = join(process.cwd(), 'public/_locales');
const read = (locale: string) => JSON.parse(readFileSync(join(LOCALES_DIR, locale, 'messages.json'), 'utf8')) as MessagesFile;
const english = read('en');
const locales = readdirSync(LOCALES_DIR).filter((locale) => existsSync(join(LOCALES_DIR, locale, 'messages.json')));

/** What the manifest needs in every language (the store listings'): a folder with only these has not been translated yet. */
const MANIFEST_KEYS = ['extDescription', 'extName'];
const PLURAL = /^(.+)_(zero|one|two|few|many|other)$/;
const pluralBases = new Set(Object.keys(english).flatMap((key) => (key.endsWith('_other') ? [key.slice(0, -'_other'.length)] : [])));

/** The keys a locale must have: English's, each plural base in the categories of the locale's language. */
function expectedKeys(locale: string): string[] {
  const categories = new Intl.PluralRules(locale.replace('_', '-')).resolvedOptions().pluralCategories;
  const keys = Object.keys(english).filter((key) => !pluralBases.has(PLURAL.exec(key)?.[1] ?? ''));
  for (const base of pluralBases) for (const category of categories) keys.push(`${base}_${category}`);
  return keys.sort();
}

/** The placeholders a message uses, by name, with what each stands for ("$1"). */
function placeholders(entry: MessagesFile[string]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const match of entry.message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)) {
    const name = match[1]!.toLowerCase();
    out[name] = entry.placeholders?.[name]?.content ?? '(undefined)';
  }
  return out;
}

const englishOf = (key: string) => english[key] ?? english[`${PLURAL.exec(key)?.[1]}_other`]!;

describe('locale files (public/_locales)', () => {
  it('has English and the manifest strings in every locale', () => {
    expect(locales).toContain('en');
    for (const locale of locales) {
      for (const key of MANIFEST_KEYS) expect(read(locale)[key]?.message.trim(), `${locale}: ${key}`).toBeTruthy();
    }
  });

  it('names plural forms only for bases English has as <base>_other', () => {
    for (const key of Object.keys(english)) {
      const base = PLURAL.exec(key)?.[1];
      if (base && !key.endsWith('_other') && key !== `${base}_one`) throw new Error(`en: ${key}: English has only _one and _other`);
      if (base && key.endsWith('_one')) expect(english[`${base}_other`], `en: ${key} without ${base}_other`).toBeDefined();
    }
  });

  describe.each(locales)('%s', (locale) => {
    const messages = read(locale);
    const manifestOnly = Object.keys(messages).sort().join() === MANIFEST_KEYS.join();

    it(manifestOnly ? 'has only the manifest strings so far (the UI falls back to English)' : 'has exactly the English keys, plural ones in its own forms', () => {
      if (manifestOnly) expect(Object.keys(messages).sort()).toEqual(MANIFEST_KEYS);
      else expect(Object.keys(messages).sort()).toEqual(expectedKeys(locale));
    });

    it('has no empty message, and the same placeholders as English for each', () => {
      for (const [key, entry] of Object.entries(messages)) {
        expect(entry.message.trim(), `${locale}: ${key} is empty`).not.toBe('');
        const reference = englishOf(key);
        expect(reference, `${locale}: ${key} is not an English key`).toBeDefined();
        expect(placeholders(entry), `${locale}: ${key}`).toEqual(placeholders(reference));
        // A substitution written bare ("$1") skips the placeholder names translators see.
        expect(entry.message.replace(/\$\$/g, ''), `${locale}: ${key} uses a bare $1`).not.toMatch(/\$\d/);
      }
    });
  });
});
