import { describe, expect, it } from 'vitest';
import {
  allBuiltinTemplates,
  assigneeFor,
  builtinTemplates,
  checkRoleMapping,
  countNodes,
  expandTemplate,
  parseTemplateFile,
  rememberRoleMapping,
  scheduleNode,
  scheduleTemplate,
  serializeTemplateFile,
  rememberedChoices,
  suggestRoleMapping,
  TEMPLATE_LANGUAGES,
  TemplateFileError,
  templateChecklists,
  validateTemplate,
  walkTemplate,
  type Template,
} from '@/lib/templates';
import { problemText } from '@/lib/problem-text';
import { twelveNodeTemplate } from './fixtures';

/** validateTemplate with its problems worded (in English, the tests' language). */
const validateWorded = (value: unknown) => {
  const result = validateTemplate(value);
  return result.ok ? result : { ok: false as const, problems: result.problems.map(problemText) };
};

const weekdays = { workDays: [1, 2, 3, 4, 5], holidays: [] as string[] };

describe('business-day scheduling', () => {
  it('skips weekends: a Friday start with two days ends on Monday', () => {
    // 2025-03-14 is a Friday.
    expect(scheduleNode('2025-03-14', 0, 2, weekdays)).toEqual({ start: '2025-03-14', end: '2025-03-17' });
    expect(scheduleNode('2025-03-14', 1, 1, weekdays)).toEqual({ start: '2025-03-17', end: '2025-03-17' });
  });

  it('moves a weekend start to the next business day', () => {
    expect(scheduleNode('2025-03-15', 0, 1, weekdays)).toEqual({ start: '2025-03-17', end: '2025-03-17' });
    expect(scheduleNode('2025-03-16', 2, 3, weekdays)).toEqual({ start: '2025-03-19', end: '2025-03-21' });
  });

  it('skips configured holidays', () => {
    const calendar = { workDays: [1, 2, 3, 4, 5], holidays: ['2025-03-17', '2025-03-18'] };
    expect(scheduleNode('2025-03-14', 0, 2, calendar)).toEqual({ start: '2025-03-14', end: '2025-03-19' });
    expect(scheduleNode('2025-03-17', 0, 1, calendar)).toEqual({ start: '2025-03-19', end: '2025-03-19' });
  });

  it('crosses month and year ends, and leap days', () => {
    expect(scheduleNode('2025-01-30', 0, 3, weekdays)).toEqual({ start: '2025-01-30', end: '2025-02-03' });
    expect(scheduleNode('2025-12-30', 1, 3, { workDays: [1, 2, 3, 4, 5], holidays: ['2026-01-01'] })).toEqual({
      start: '2025-12-31',
      end: '2026-01-05',
    });
    expect(scheduleNode('2024-02-28', 1, 1, weekdays)).toEqual({ start: '2024-02-29', end: '2024-02-29' });
  });

  it('honours other working weeks (Sunday–Thursday)', () => {
    const calendar = { workDays: [7, 1, 2, 3, 4], holidays: [] };
    // 2025-03-13 is a Thursday: the next business day is Sunday the 16th.
    expect(scheduleNode('2025-03-13', 1, 1, calendar)).toEqual({ start: '2025-03-16', end: '2025-03-16' });
  });

  it('schedules every node of a template by key, and refuses a bad date or an empty week', () => {
    const dates = scheduleTemplate(twelveNodeTemplate(), '2025-03-14', weekdays);
    expect(dates.size).toBe(12);
    expect(dates.get('0')).toEqual({ start: '2025-03-14', end: '2025-03-27' });
    expect(() => scheduleNode('14.03.2025', 0, 1, weekdays)).toThrow(/YYYY-MM-DD/);
    expect(() => scheduleNode('2025-02-30', 0, 1, weekdays)).toThrow(/YYYY-MM-DD/);
    expect(() => scheduleNode('2025-03-14', 0, 1, { workDays: [], holidays: [] })).toThrow(/no working days/);
  });
});

describe('validateTemplate', () => {
  const base = (): Record<string, unknown> => ({
    id: 'mine',
    name: 'Mine',
    roles: ['Designer'],
    tasks: [{ title: 'Top', startOffset: 0, duration: 1, role: 'Designer', checklist: ['a'] }],
  });

  it('accepts a good template and keeps titles with HTML as plain text', () => {
    const raw = base();
    (raw.tasks as Array<Record<string, unknown>>)[0]!.title = '<img src=x onerror=alert(1)> Launch';
    const result = validateTemplate(raw);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value.tasks[0]!.title).toBe('<img src=x onerror=alert(1)> Launch');
  });

  it('names every problem with its path', () => {
    const result = validateTemplate({
      id: 'bad id!',
      name: '',
      roles: ['PM', 'PM'],
      extra: 1,
      tasks: [
        {
          title: 'ok',
          startOffset: -1,
          duration: 0,
          priority: 11,
          role: 'Designer',
          tags: ['a,b'],
          checklist: ['fine', 5],
          subtasks: [{ title: 'line\nbreak', startOffset: 0, duration: 1 }],
        },
      ],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map(problemText)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^template\.id: /),
        'template.name: must not be empty',
        'template.roles: a role is listed twice',
        'template.extra: unknown field',
        expect.stringMatching(/^template\.tasks\[0\]\.startOffset: expected a whole number from 0/),
        expect.stringMatching(/^template\.tasks\[0\]\.duration: expected a whole number from 1/),
        expect.stringMatching(/^template\.tasks\[0\]\.priority: expected a whole number from 0 to 10/),
        'template.tasks[0].role: "Designer" is not one of the template\'s roles',
        'template.tasks[0].tags: a tag must not contain a comma',
        expect.stringMatching(/^template\.tasks\[0\]\.checklist\[1\]: expected text/),
        'template.tasks[0].subtasks[0].title: must be one line',
      ]),
    );
  });

  it('refuses a third level of subtasks, control characters, oversize text and prototype keys', () => {
    const deep = base();
    deep.tasks = [
      { title: 'a', startOffset: 0, duration: 1, subtasks: [{ title: 'b', startOffset: 0, duration: 1, subtasks: [{ title: 'c', startOffset: 0, duration: 1, subtasks: [{ title: 'd', startOffset: 0, duration: 1 }] }] }] },
    ];
    expect(validateWorded(deep)).toEqual({
      ok: false,
      problems: ['template.tasks[0].subtasks[0].subtasks[0].subtasks: Worksection allows only two levels of subtasks below a task'],
    });
    const hostile = JSON.parse('{"id":"x","name":"X\\u0000","tasks":[{"title":"t","startOffset":0,"duration":1,"__proto__":{"polluted":true}}]}');
    const result = validateWorded(hostile);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems).toContain('template.name: contains control characters');
      expect(result.problems).toContain('template.tasks[0].__proto__: unknown field');
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const long = base();
    (long.tasks as Array<Record<string, unknown>>)[0]!.title = 'x'.repeat(251);
    expect(validateWorded(long)).toEqual({ ok: false, problems: ['template.tasks[0].title: is 251 characters long; at most 250'] });
  });

  it('refuses a template with more than 200 tasks', () => {
    const big = base();
    big.tasks = Array.from({ length: 201 }, (_, index) => ({ title: `t${index}`, startOffset: 0, duration: 1 }));
    const result = validateTemplate(big);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(problemText(result.problems[0]!)).toMatch(/at most 200/);
  });
});

describe('role mapping', () => {
  const members = [
    { email: 'anna@agency.com', name: 'Anna' },
    { email: 'bo@agency.com', name: 'Bo' },
  ];

  it('offers the remembered person while still a member, nobody otherwise', () => {
    expect(
      suggestRoleMapping(['Designer', 'SEO specialist', 'Account manager'], members, {
        Designer: 'anna@agency.com',
        'SEO specialist': 'gone@agency.com',
      }),
    ).toEqual({ Designer: 'anna@agency.com', 'SEO specialist': '', 'Account manager': '' });
  });

  it('proposes, for a role nobody chose yet, the first team member whose job title names it, in any language of the built-ins', () => {
    const team = [
      { email: 'ceo@agency.com', name: 'Ceo', title: 'CEO, project manager', department: 'Management' },
      { email: 'maria@agency.com', name: 'Maria', title: 'Account manager', department: 'Account management' },
      { email: 'sofia@agency.com', name: 'Sofia', title: 'UI/UX designer', department: 'Design' },
      { email: 'ivan@agency.com', name: 'Ivan', title: 'Front-end developer' },
      { email: 'oleh@agency.com', name: 'Oleh', title: 'SEO specialist' },
      { email: 'laura@client.com', name: 'Laura', title: 'Marketing director, accountant' },
    ];
    const teamEmails = team.filter((member) => !member.email.endsWith('@client.com')).map((member) => member.email);
    expect(
      suggestRoleMapping(['Project manager', 'Account manager', 'Designer', 'Developer', 'SEO specialist', 'Accountant', 'Copywriter'], team, {}, teamEmails),
    ).toEqual({
      'Project manager': 'ceo@agency.com',
      'Account manager': 'maria@agency.com',
      Designer: 'sofia@agency.com',
      Developer: 'ivan@agency.com',
      'SEO specialist': 'oleh@agency.com',
      // The only "accountant" is a client user: never proposed.
      Accountant: '',
      Copywriter: '',
    });
    // The built-ins' Russian and Ukrainian role names find the same people.
    expect(suggestRoleMapping(['Аккаунт-менеджер', 'Дизайнер', 'Розробник'], team, {}, teamEmails)).toEqual({
      'Аккаунт-менеджер': 'maria@agency.com',
      Дизайнер: 'sofia@agency.com',
      Розробник: 'ivan@agency.com',
    });
    // A remembered choice wins over a proposal, "nobody" too.
    expect(suggestRoleMapping(['Designer', 'Developer'], team, { Designer: 'ivan@agency.com', Developer: '' }, teamEmails)).toEqual({
      Designer: 'ivan@agency.com',
      Developer: '',
    });
  });

  it("an older picker's stored nobody is no choice: only its people are remembered", () => {
    const mapping = { Designer: 'anna@agency.com', Developer: '' };
    expect(rememberedChoices({ mapping })).toEqual({ Designer: 'anna@agency.com' });
    expect(rememberedChoices({ mapping, nobodyIsAChoice: true })).toEqual(mapping);
    expect(rememberedChoices(undefined)).toEqual({});
  });

  it('remembers new choices and keeps other roles', () => {
    expect(rememberRoleMapping({ Designer: 'anna@agency.com', PM: 'bo@agency.com' }, { Designer: 'bo@agency.com' })).toEqual({
      Designer: 'bo@agency.com',
      PM: 'bo@agency.com',
    });
  });

  it('assigns NOONE to unmapped roles and reports non-members', () => {
    expect(assigneeFor('Designer', { Designer: 'anna@agency.com' })).toBe('anna@agency.com');
    expect(assigneeFor('Designer', { Designer: '' })).toBe('NOONE');
    expect(assigneeFor(undefined, {})).toBe('NOONE');
    expect(assigneeFor('toString', {})).toBe('NOONE');
    expect(checkRoleMapping(['Designer'], { Designer: 'x@y.z' }, members)).toEqual(['Designer: x@y.z is not a member of this project']);
  });
});

describe('expandTemplate', () => {
  it('lists every node parents-first with parent keys, people, dates, checklist and visibility', () => {
    const template = twelveNodeTemplate();
    const planned = expandTemplate(template, {
      startDate: '2025-03-14',
      calendar: weekdays,
      roles: { 'Account manager': 'am@agency.com', Designer: 'designer@agency.com' },
      teamEmails: ['am@agency.com', 'designer@agency.com', 'pm@agency.com'],
    });
    expect(planned).toHaveLength(12);
    expect(planned.map((task) => task.key)).toEqual(walkTemplate(template).map((placed) => placed.key));
    const seen = new Set<string>();
    for (const task of planned) {
      if (task.parentKey !== undefined) expect(seen.has(task.parentKey)).toBe(true);
      seen.add(task.key);
    }
    expect(planned[0]).toMatchObject({ key: '0', title: 'Launch <b>site</b>', emailUserTo: 'am@agency.com', dateStart: '2025-03-14', priority: 8 });
    const design = planned.find((task) => task.key === '0.0')!;
    expect(design).toMatchObject({ parentKey: '0', emailUserTo: 'designer@agency.com', todo: ['Moodboard', 'Two concepts'] });
    const leaf = planned.find((task) => task.key === '0.0.0')!;
    expect(leaf).toMatchObject({ parentKey: '0.0', dateStart: '2025-03-14', dateEnd: '2025-03-17' });
    const hidden = planned.find((task) => task.hidden)!;
    expect(hidden.hidden).toEqual(['am@agency.com', 'designer@agency.com', 'pm@agency.com']);
    const unassigned = planned.find((task) => task.key === '0.2')!;
    expect(unassigned.emailUserTo).toBe('NOONE');
  });
});

describe('template files', () => {
  it('round-trips through export and import', () => {
    const templates = [twelveNodeTemplate(), ...builtinTemplates('uk'), ...builtinTemplates('kk')];
    expect(parseTemplateFile(serializeTemplateFile(templates))).toEqual(templates);
  });

  it('refuses malformed, foreign, future, oversized and invalid files with a clear error', () => {
    const attempt = (text: string): string => {
      try {
        parseTemplateFile(text);
      } catch (error) {
        expect(error).toBeInstanceOf(TemplateFileError);
        return (error as Error).message;
      }
      throw new Error('accepted');
    };
    expect(attempt('{not json')).toMatch(/^The file is not JSON/);
    expect(attempt('[]')).toMatch(/not an Account Desk template file/);
    expect(attempt('{"format":"other"}')).toMatch(/not an Account Desk template file/);
    expect(attempt('{"format":"account-desk.templates","schemaVersion":9,"templates":[]}')).toMatch(/newer Account Desk/);
    expect(attempt(`{"format":"account-desk.templates","schemaVersion":1,"templates":[],"pad":"${'x'.repeat(2_200_000)}"}`)).toMatch(/at most 2 MB/);
    const message = attempt(
      '{"format":"account-desk.templates","schemaVersion":1,"templates":[{"id":"a","name":"A","tasks":[{"title":"<script>x</script>","startOffset":0,"duration":"2"}]},{"id":"a","name":"B","tasks":[{"title":"t","startOffset":0,"duration":1}]}]}',
    );
    expect(message).toMatch(/^The file was not imported: 1 problem\./);
    expect(message).toContain('templates[0].tasks[0].duration: expected a whole number from 1 to 500, got "2"');
    expect(attempt('{"format":"account-desk.templates","schemaVersion":1,"templates":[{"id":"a","name":"A","tasks":[{"title":"t","startOffset":0,"duration":1}]},{"id":"a","name":"B","tasks":[{"title":"t","startOffset":0,"duration":1}]}]}')).toContain(
      'templates[1].id: "a" appears twice',
    );
  });
});

describe('built-in library', () => {
  it.each(allBuiltinTemplates().map((template) => [template.id, template] as const))('%s is valid and fits Worksection', (_id, template: Template) => {
    expect(validateTemplate(template)).toEqual({ ok: true, value: template });
    expect(countNodes(template)).toBeGreaterThanOrEqual(4);
    expect(walkTemplate(template).every((placed) => placed.level <= 3)).toBe(true);
    // Every role it declares is used, so the picker never asks for a person who gets nothing.
    const used = new Set(walkTemplate(template).map((placed) => placed.node.role));
    for (const role of template.roles) expect(used.has(role)).toBe(true);
  });

  it('has the five agency templates in English, Russian, Ukrainian and Kazakh, with the same shape', () => {
    expect(TEMPLATE_LANGUAGES).toEqual(['en', 'ru', 'uk', 'kk']);
    const [en, ru, uk, kk] = TEMPLATE_LANGUAGES.map((language) => builtinTemplates(language));
    expect(en!.map((template) => template.name)).toEqual([
      'Client onboarding: context and goal',
      'Monthly SEO report',
      'Website launch',
      'Ad campaign',
      'Invoice and report cycle',
    ]);
    const shape = (template: Template) => walkTemplate(template).map((placed) => `${placed.key}:${placed.node.startOffset}:${placed.node.duration}:${placed.node.checklist?.length ?? 0}`);
    expect(ru!.map(shape)).toEqual(en!.map(shape));
    expect(uk!.map(shape)).toEqual(en!.map(shape));
    expect(kk!.map(shape)).toEqual(en!.map(shape));
    expect(ru![0]!.tasks[0]!.title).toBe('Контекст и цель');
    expect(uk![0]!.tasks[0]!.title).toBe('Контекст і мета');
    expect(kk![0]!.tasks[0]!.title).toBe('Контекст және мақсат');
    expect(kk!.map((template) => template.id)).toEqual(en!.map((template) => template.id.replace(/\.en$/, '.kk')));
    expect(allBuiltinTemplates()).toHaveLength(5 * TEMPLATE_LANGUAGES.length);
    // Every text is really translated: no Kazakh template carries an English title, role or checklist line.
    const texts = (template: Template) => [template.name, ...template.roles, ...walkTemplate(template).flatMap((placed) => [placed.node.title, ...(placed.node.checklist ?? [])])];
    const english = new Set(en!.flatMap(texts));
    const untranslated = kk!.flatMap(texts).filter((text) => english.has(text) && !/^[A-Z0-9 ]+$|^Core Web Vitals$/.test(text));
    expect(untranslated).toEqual([]);
    expect(templateChecklists(en![1]!).map((list) => list.title)).toContain('Collect the month’s data');
  });
});

describe('website launch', () => {
  it('is the 12-task, 3-level template the end-to-end test applies', () => {
    const launch = builtinTemplates('en').find((template) => template.id === 'builtin.website-launch.en')!;
    expect(countNodes(launch)).toBe(12);
    expect(Math.max(...walkTemplate(launch).map((placed) => placed.level))).toBe(3);
  });
});
