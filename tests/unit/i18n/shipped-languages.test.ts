// The translators' own files (public/_locales), as the extension loads them:
// plural selection for 0, 1, 2, 5, 11, 21, 22, 25 and the wait phrases of a
// badge (short form, spoken form, tooltip) and the problems of an imported
// settings file in each of the four languages.
// plurals-and-switch.test.ts checks the mechanism with test strings; this
// checks what users read.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tn, useCatalog } from '@/lib/i18n';
import { compileMessages, type MessagesFile } from '@/lib/i18n-catalog';
import type { Language } from '@/lib/locale';
import { describeWait, formatWait } from '@/lib/replies/wait';
import { badgeView, stateName } from '@/components/replies/view';
import type { WaitingThread } from '@/lib/replies/protocol';
import { defaultSettings } from '@/lib/settings';
import { problemText } from '@/lib/problem-text';
import { readSettingsFile } from '@/components/options/settings-file';
import { parseTemplateFile } from '@/lib/templates';
import { parseManualEntry } from '@/lib/account-time/manual';
import { parseQuickReplyFile } from '@/lib/quick-replies';

const COUNTS = [0, 1, 2, 5, 11, 21, 22, 25];
const read = (language: Language) =>
  compileMessages(JSON.parse(readFileSync(join(process.cwd(), `public/_locales/${language}/messages.json`), 'utf8')) as MessagesFile);
const english = read('en');

/** The language's file over English, as lib/language.ts builds a catalog. */
function speak(language: Language): void {
  useCatalog({ ...english, ...read(language) }, language);
}

afterEach(() => useCatalog(undefined));

describe('plural forms in the shipped languages', () => {
  it.each([
    ['en', ['0 minutes', '1 minute', '2 minutes', '5 minutes', '11 minutes', '21 minutes', '22 minutes', '25 minutes']],
    ['ru', ['0 минут', '1 минуту', '2 минуты', '5 минут', '11 минут', '21 минуту', '22 минуты', '25 минут']],
    ['uk', ['0 хвилин', '1 хвилину', '2 хвилини', '5 хвилин', '11 хвилин', '21 хвилину', '22 хвилини', '25 хвилин']],
    ['kk', ['0 минут', '1 минут', '2 минут', '5 минут', '11 минут', '21 минут', '22 минут', '25 минут']],
  ] as const)('%s: minutes for 0, 1, 2, 5, 11, 21, 22, 25', (language, expected) => {
    speak(language);
    expect(COUNTS.map((count) => tn('waitMinutes', count))).toEqual(expected);
  });

  it.each([
    ['en', ['0 tasks', '1 task', '2 tasks', '5 tasks', '11 tasks', '21 tasks', '22 tasks', '25 tasks']],
    ['ru', ['0 задач', '1 задача', '2 задачи', '5 задач', '11 задач', '21 задача', '22 задачи', '25 задач']],
    ['uk', ['0 задач', '1 задача', '2 задачі', '5 задач', '11 задач', '21 задача', '22 задачі', '25 задач']],
    ['kk', COUNTS.map((count) => `${count} тапсырма`)],
  ] as const)('%s: tasks a template creates for 0, 1, 2, 5, 11, 21, 22, 25', (language, expected) => {
    speak(language);
    expect(COUNTS.map((count) => tn('tplWillCreate', count))).toEqual(expected);
  });

  it.each([
    ['ru', ['задача будет создана', 'задачи будут созданы', 'задач будут созданы']],
    ['uk', ['задачу буде створено', 'задачі буде створено', 'задач буде створено']],
  ] as const)('%s: the "nobody is chosen" question agrees with its count', (language, [one, few, many]) => {
    speak(language);
    for (const [count, words] of [[1, one], [21, one], [2, few], [22, few], [5, many], [11, many], [25, many]] as const) {
      expect(tn('tplNobodyConfirm', count)).toContain(`${count} ${words}`);
    }
  });

  it('asks the "nobody is chosen" question in English and Kazakh with its count', () => {
    speak('en');
    expect(tn('tplNobodyConfirm', 1)).toContain('the 1 task will be created');
    expect(tn('tplNobodyConfirm', 12)).toContain('all 12 tasks will be created');
    speak('kk');
    expect(tn('tplNobodyConfirm', 12)).toContain('12 тапсырма');
  });
});

describe('wait phrases in the shipped languages', () => {
  const thread = (name: string) => ({ client: { name } }) as WaitingThread;

  it.each([
    ['en', ['23m', '2h 5m', '2h', '3d 4h', '1d'], ['23 minutes', '2 hours 5 minutes', '21 hours 1 minute', '3 days 4 hours', '1 day']],
    ['ru', ['23 мин', '2 ч 5 мин', '2 ч', '3 д 4 ч', '1 д'], ['23 минуты', '2 часа 5 минут', '21 час 1 минуту', '3 дня 4 часа', '1 день']],
    ['uk', ['23 хв', '2 год 5 хв', '2 год', '3 д 4 год', '1 д'], ['23 хвилини', '2 години 5 хвилин', '21 годину 1 хвилину', '3 дні 4 години', '1 день']],
    ['kk', ['23 мин', '2 сағ 5 мин', '2 сағ', '3 күн 4 сағ', '1 күн'], ['23 минут', '2 сағат 5 минут', '21 сағат 1 минут', '3 күн 4 сағат', '1 күн']],
  ] as const)('%s: short and spoken forms', (language, short, spoken) => {
    speak(language);
    expect([23, 125, 120, 3 * 1440 + 4 * 60, 1440].map(formatWait)).toEqual(short);
    expect([23, 125, 21 * 60 + 1, 3 * 1440 + 4 * 60, 1440].map(describeWait)).toEqual(spoken);
  });

  it.each([
    ['en', 'Client waiting 23 minutes, ', 'Aigerim has waited 23m (5m in business hours): '],
    ['ru', 'Клиент ждёт 23 минуты, ', 'Aigerim ждёт уже 23 мин (5 мин в рабочее время): '],
    ['uk', 'Клієнт чекає 23 хвилини, ', 'Aigerim чекає 23 хв (у робочому часі — 5 хв): '],
    ['kk', 'Клиент 23 минут күтіп отыр, ', 'Aigerim 23 мин күтті (жұмыс уақытымен 5 мин): '],
  ] as const)('%s: a badge’s name and tooltip', (language, label, tooltip) => {
    speak(language);
    const view = badgeView(thread('Aigerim'), { calendarMinutes: 23, businessMinutes: 5, state: 'late' });
    expect(view.text).toBe(formatWait(23));
    // The state is named in words, in the same language, never only by the badge's colour.
    const late = stateName('late');
    if (language !== 'en') expect(late).not.toBe('late');
    expect(view.label).toBe(`${label}${late}`);
    expect(view.tooltip).toBe(`${tooltip}${late}`);
  });
});

describe('problems with imported settings in the shipped languages', () => {
  const bad = { ...defaultSettings('UTC'), replyThresholds: { soon: 20, late: 15, escalated: 30 }, pollMinutes: 0, colour: 'red', clients: { emails: ['nobody'], domains: [], projectIds: [] } };

  it.each([
    ['en', ['colour: unknown setting', 'clients.emails[0]: "nobody" is not an email address', 'replyThresholds.late: must be more than soon (20)', 'pollMinutes: expected minutes from 0.5 to 60, got 0']],
    ['ru', ['colour: неизвестная настройка', 'clients.emails[0]: "nobody" — не адрес электронной почты', 'replyThresholds.late: должно быть больше, чем soon (20)', 'pollMinutes: нужно число минут от 0.5 до 60, а указано: 0']],
    ['uk', ['colour: невідоме налаштування', 'clients.emails[0]: "nobody" — не адреса електронної пошти', 'replyThresholds.late: має бути більше, ніж soon (20)', 'pollMinutes: потрібно від 0.5 до 60 хвилин, а вказано: 0']],
    ['kk', ['colour: белгісіз баптау', 'clients.emails[0]: "nobody" — электрондық пошта мекенжайы емес', 'replyThresholds.late: soon мәнінен (20) көп болуы керек', 'pollMinutes: 0.5 мен 60 аралығындағы минут болуы керек, ал берілгені: 0']],
  ] as const)('%s: each problem keeps its path and is worded in the language', (language, expected) => {
    const result = readSettingsFile(JSON.stringify(bad));
    if (result.ok) throw new Error('expected problems');
    speak(language);
    expect(result.problems.map(problemText)).toEqual(expected);
  });

  it.each([['ru', 'пусто'], ['uk', 'порожньо'], ['kk', 'бос'], ['en', 'nothing']] as const)('%s: a missing value is named in words', (language, nothing) => {
    const { pollMinutes: _gone, ...withoutPoll } = defaultSettings('UTC');
    const result = readSettingsFile(JSON.stringify(withoutPoll));
    if (result.ok) throw new Error('expected problems');
    speak(language);
    expect(result.problems.map(problemText)).toEqual([expect.stringMatching(new RegExp(`^pollMinutes: .*${nothing}$`))]);
  });
});

describe('problems with an imported template in the shipped languages', () => {
  const file = JSON.stringify({ format: 'account-desk.templates', schemaVersion: 1, templates: [{ id: 'a', name: 'A', tasks: [{ title: 't', startOffset: 0, duration: '2' }] }] });

  it.each([
    ['en', 'templates[0].tasks[0].duration: expected a whole number from 1 to 500, got "2"'],
    ['ru', 'templates[0].tasks[0].duration: нужно целое число от 1 до 500, а указано: "2"'],
    ['kk', 'templates[0].tasks[0].duration: 1 мен 500 аралығындағы бүтін сан болуы керек, ал берілгені: "2"'],
  ] as const)('%s: the detail line keeps its path and is worded in the language', (language, expected) => {
    speak(language);
    expect(() => parseTemplateFile(file)).toThrow(expected);
  });
});

describe('problems with a manual time entry in the shipped languages', () => {
  it.each([
    ['en', ['minutes: expected whole minutes from 1 to 1440, got 0', 'note: expected text of at most 500 characters, got nothing']],
    ['ru', ['minutes: нужно целое число минут от 1 до 1440, а указано: 0', 'note: нужен текст не длиннее 500 симв., а указано: пусто']],
    ['kk', ['minutes: 1 мен 1440 аралығындағы бүтін минут болуы керек, ал берілгені: 0', 'note: ең көбі 500 таңбалы мәтін болуы керек, ал берілгені: бос']],
  ] as const)('%s: each field problem keeps its name and is worded in the language', (language, expected) => {
    const parsed = parseManualEntry({ projectId: '7', date: '2025-03-12', minutes: 0, kind: 'call' });
    if (parsed.ok) throw new Error('expected problems');
    speak(language);
    expect(parsed.problems.map(problemText)).toEqual(expected);
  });
});

describe('problems with an imported quick-reply file in the shipped languages', () => {
  const file = JSON.stringify({ format: 'account-desk.quick-replies', schemaVersion: 1, replies: [{ id: 'a', title: 'Hi', body: 'x' }, { id: 'a', title: 'Hi', body: 'x', html: '<b>' }] });

  it.each([
    ['en', 'replies[1].html: unknown field'],
    ['ru', 'replies[1].html: неизвестное поле'],
    ['kk', 'replies[1].html: белгісіз өріс'],
  ] as const)('%s: each detail line keeps its path and is worded in the language', (language, expected) => {
    speak(language);
    expect(() => parseQuickReplyFile(file)).toThrow(expected);
  });

  it('ru: a reply used twice is named in Russian', () => {
    speak('ru');
    expect(() => parseQuickReplyFile(JSON.stringify({ format: 'account-desk.quick-replies', schemaVersion: 1, replies: [{ id: 'a', title: 'Hi', body: 'x' }, { id: 'a', title: 'Hi', body: 'x' }] }))).toThrow(
      'replies[1].id: "a" встречается дважды',
    );
  });
});
