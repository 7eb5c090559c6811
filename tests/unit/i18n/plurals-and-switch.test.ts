import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { activeLanguage, pluralCategory, t, tn, useCatalog } from '@/lib/i18n';
import { compileMessages, type MessagesFile } from '@/lib/i18n-catalog';
import { applyLanguage } from '@/lib/language';
import { describeWait, formatWait } from '@/lib/replies/wait';

const english = compileMessages(JSON.parse(readFileSync(join(process.cwd(), 'public/_locales/en/messages.json'), 'utf8')) as MessagesFile);
const COUNTS = [0, 1, 2, 5, 11, 21, 22, 25];

/** Test forms for `waitMinutes` in each category, over the English catalog (the shipped translations are the translators'). */
function catalogWith(forms: Record<string, string>) {
  return { ...english, ...Object.fromEntries(Object.entries(forms).map(([category, text]) => [`waitMinutes_${category}`, text])) };
}

afterEach(() => {
  useCatalog(undefined);
  vi.unstubAllGlobals();
});

describe('tn: plural forms through Intl.PluralRules', () => {
  it.each([
    ['en', ['other', 'one', 'other', 'other', 'other', 'other', 'other', 'other']],
    ['ru', ['many', 'one', 'few', 'many', 'many', 'one', 'few', 'many']],
    ['uk', ['many', 'one', 'few', 'many', 'many', 'one', 'few', 'many']],
    ['kk', ['other', 'one', 'other', 'other', 'other', 'other', 'other', 'other']],
  ] as const)('%s: categories of 0, 1, 2, 5, 11, 21, 22, 25', (language, categories) => {
    expect(COUNTS.map((count) => pluralCategory(count, language))).toEqual(categories);
  });

  it('picks the Russian and Ukrainian one/few/many forms', () => {
    useCatalog(catalogWith({ one: '$1 минута', few: '$1 минуты', many: '$1 минут', other: '$1 минуты' }), 'ru');
    expect(COUNTS.map((count) => tn('waitMinutes', count))).toEqual([
      '0 минут', '1 минута', '2 минуты', '5 минут', '11 минут', '21 минута', '22 минуты', '25 минут',
    ]);
    useCatalog(catalogWith({ one: '$1 хвилина', few: '$1 хвилини', many: '$1 хвилин', other: '$1 хвилини' }), 'uk');
    expect(COUNTS.map((count) => tn('waitMinutes', count))).toEqual([
      '0 хвилин', '1 хвилина', '2 хвилини', '5 хвилин', '11 хвилин', '21 хвилина', '22 хвилини', '25 хвилин',
    ]);
  });

  it('picks the Kazakh one/other forms, and English as before', () => {
    useCatalog(catalogWith({ one: '$1 минут', other: '$1 минут' }), 'kk');
    expect(COUNTS.map((count) => tn('waitMinutes', count))).toEqual(COUNTS.map((count) => `${count} минут`));
    useCatalog(english, 'en');
    expect(COUNTS.map((count) => tn('waitMinutes', count))).toEqual(COUNTS.map((count) => `${count} minute${count === 1 ? '' : 's'}`));
  });

  it('falls back to _other when a language has no key for the category', () => {
    // Only English's two forms: Russian's "few" and "many" read the _other text.
    useCatalog(english, 'ru');
    expect(tn('waitMinutes', 2)).toBe('2 minutes');
    expect(tn('waitMinutes', 5)).toBe('5 minutes');
    expect(tn('waitMinutes', 21)).toBe('21 minute');
  });

  it('puts in the substitutions it is given, the count otherwise', () => {
    expect(tn('templateFileProblems', 3)).toBe('The file was not imported: 3 problems.');
    expect(tn('templateFileProblems', 1, ['one'])).toBe('The file was not imported: one problem.');
  });
});

describe('wait phrases follow the language', () => {
  it('in English (the browser’s strings)', () => {
    expect([formatWait(125), describeWait(125)]).toEqual(['2h 5m', '2 hours 5 minutes']);
    expect([formatWait(3 * 1440 + 4 * 60), describeWait(3 * 1440 + 4 * 60)]).toEqual(['3d 4h', '3 days 4 hours']);
  });

  it('in a catalog’s language: its units and its plural forms', () => {
    useCatalog(
      {
        ...english,
        waitShortHoursMinutes: '$1 год $2 хв',
        waitShortMinutes: '$1 хв',
        waitHours_one: '$1 година',
        waitHours_few: '$1 години',
        waitHours_many: '$1 годин',
        waitMinutes_one: '$1 хвилина',
        waitMinutes_few: '$1 хвилини',
        waitMinutes_many: '$1 хвилин',
      },
      'uk',
    );
    expect(formatWait(125)).toBe('2 год 5 хв');
    expect(formatWait(23)).toBe('23 хв');
    expect(describeWait(125)).toBe('2 години 5 хвилин');
    expect(describeWait(21 * 60 + 1)).toBe('21 година 1 хвилина');
  });
});

describe('switching the language', () => {
  it('changes what t and tn say at once, and back to the browser’s strings', () => {
    expect(activeLanguage()).toBe('en');
    expect(t('languageHeading')).toBe('Language');
    useCatalog({ ...english, languageHeading: 'Мова' }, 'uk');
    expect([activeLanguage(), t('languageHeading')]).toEqual(['uk', 'Мова']);
    useCatalog(undefined);
    expect([activeLanguage(), t('languageHeading')]).toEqual(['en', 'Language']);
  });

  it('applyLanguage reads the packaged _locales file, fills its gaps from English, and "auto" goes back to the browser', async () => {
    const files: Record<string, MessagesFile> = {
      en: JSON.parse(readFileSync(join(process.cwd(), 'public/_locales/en/messages.json'), 'utf8')) as MessagesFile,
      ru: { languageHeading: { message: 'Язык' } },
    };
    const fetched: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      fetched.push(url);
      const locale = /\/_locales\/(\w+)\/messages\.json$/.exec(url)?.[1] ?? '';
      return files[locale] ? new Response(JSON.stringify(files[locale])) : new Response('', { status: 404 });
    });
    expect(await applyLanguage('ru')).toBe('ru');
    expect([t('languageHeading'), t('languageLabel')]).toEqual(['Язык', 'Language of Account Desk']);
    expect(fetched.map((url) => url.replace(/^.*\/_locales/, '_locales'))).toEqual(['_locales/en/messages.json', '_locales/ru/messages.json']);
    // No folder for it in this build: the language's rules with English words.
    expect(await applyLanguage('kk')).toBe('kk');
    expect([activeLanguage(), t('languageHeading')]).toEqual(['kk', 'Language']);
    expect(await applyLanguage('auto')).toBe('en');
    expect(t('languageHeading')).toBe('Language');
  });
});
