import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { openDb, type AccountDeskDb } from '@/lib/db';
import {
  deletePersonal,
  duplicatePersonal,
  exportPersonal,
  importPersonal,
  listPersonal,
  movePersonal,
  savePersonal,
} from '@/lib/background/templates/personal';
import { serializeTemplateFile } from '@/lib/templates';
import { splitChecklist, templateFromTask } from '@/lib/templates/from-task';
import { twelveNodeTemplate } from './fixtures';

describe('personal templates', () => {
  let db: AccountDeskDb;
  beforeEach(() => {
    db = openDb(`personal-${Math.random()}`);
  });
  const small = (id: string, name = id) => ({ id, name, roles: [], tasks: [{ title: `${name} task`, startOffset: 0, duration: 1 }] });

  it('saves, duplicates, reorders and deletes in the user order', async () => {
    await savePersonal(db, small('a', 'Alpha'));
    await savePersonal(db, small('b', 'Beta'));
    const copy = await duplicatePersonal(db, 'a', (name) => `${name} (copy)`);
    expect(copy).toMatchObject({ id: 'a-copy', name: 'Alpha (copy)' });
    expect((await listPersonal(db)).map((template) => template.id)).toEqual(['a', 'b', 'a-copy']);
    expect((await movePersonal(db, 'a-copy', -1)).map((template) => template.id)).toEqual(['a', 'a-copy', 'b']);
    expect((await movePersonal(db, 'a', -1)).map((template) => template.id)).toEqual(['a', 'a-copy', 'b']);
    await savePersonal(db, { ...small('a'), name: 'Alpha edited' });
    expect((await listPersonal(db))[0]!.name).toBe('Alpha edited');
    await deletePersonal(db, 'a-copy');
    expect((await listPersonal(db)).map((template) => template.id)).toEqual(['a', 'b']);
  });

  it('refuses an invalid template with path: problem lines, and built-in ids', async () => {
    await expect(savePersonal(db, { ...small('x'), tasks: [{ title: '', startOffset: 0, duration: 1 }] })).rejects.toThrow(
      'The template was not saved:\ntemplate.tasks[0].title: must not be empty',
    );
    await expect(savePersonal(db, small('builtin.mine'))).rejects.toThrow(/built-in library/);
    expect(await listPersonal(db)).toEqual([]);
  });

  it('imports all-or-nothing and round-trips through export', async () => {
    await savePersonal(db, small('keep'));
    const good = serializeTemplateFile([twelveNodeTemplate(), { ...small('keep'), name: 'Kept, updated' }]);
    expect(await importPersonal(db, good)).toEqual({ added: 1, replaced: 1 });
    expect((await listPersonal(db)).map((template) => template.name)).toEqual(['Kept, updated', 'Twelve-node launch']);

    const before = await exportPersonal(db);
    const bad = serializeTemplateFile([small('new-one')]).replace('"duration": 1', '"duration": 0');
    await expect(importPersonal(db, bad)).rejects.toThrow(/^The file was not imported: 1 problem\.\ntemplates\[0\]\.tasks\[0\]\.duration/);
    await expect(importPersonal(db, '<html>')).rejects.toThrow(/not JSON/);
    await expect(importPersonal(db, 'x'.repeat(3_000_000))).rejects.toThrow(/at most 2 MB/);
    expect(await exportPersonal(db)).toBe(before);
  });
});

describe('a task as a template', () => {
  const calendar = { workDays: [1, 2, 3, 4, 5], holidays: [] };
  it('splits the checklist out of the text', () => {
    expect(splitChecklist('Take the last one as an example\r\n• draft\r\n• first version')).toEqual({
      description: 'Take the last one as an example',
      checklist: ['draft', 'first version'],
    });
    expect(splitChecklist(undefined)).toEqual({ checklist: [] });
  });

  it('turns a task tree into a template with roles, offsets and checklists', () => {
    const template = templateFromTask(
      {
        name: 'Launch <b>site</b>',
        text: 'All of it\r\n• domain',
        priority: '8',
        date_start: '2025-03-14',
        date_end: '2025-03-28',
        user_to: { id: '5', email: 'anna@agency.com', name: 'Anna' },
        child: [
          {
            name: 'Design',
            date_start: '2025-03-17',
            date_end: '2025-03-18',
            user_to: { id: '6', email: 'bo@agency.com', name: 'Bo' },
            child: [{ name: 'Wireframes', text: '• one\n• two', user_to: { id: '1', email: 'NOONE', name: "Executive isn't assigned" } }],
          },
        ],
      },
      { id: 'my.launch', calendar, roleOf: (email) => (email === 'bo@agency.com' ? 'Designer' : undefined) },
    );
    expect(template).toEqual({
      id: 'my.launch',
      name: 'Launch <b>site</b>',
      roles: ['Anna', 'Designer'],
      tasks: [
        {
          title: 'Launch <b>site</b>',
          description: 'All of it',
          role: 'Anna',
          priority: 8,
          startOffset: 0,
          duration: 11,
          checklist: ['domain'],
          subtasks: [
            {
              title: 'Design',
              role: 'Designer',
              startOffset: 1,
              duration: 2,
              subtasks: [{ title: 'Wireframes', startOffset: 0, duration: 1, checklist: ['one', 'two'] }],
            },
          ],
        },
      ],
    });
  });
});

describe('team library', () => {
  it('makes each top-level task a template and names the ones it skips', async () => {
    const { teamTemplates } = await import('@/lib/templates/from-task');
    const deep = { id: '3', name: 'Too deep', child: [{ name: 'a', child: [{ name: 'b', child: [{ name: 'c' }] }] }] };
    const bigChecklist = { id: '4', name: 'Checklist', text: Array.from({ length: 3 }, (_, i) => `• item ${i}`).join('\n') };
    const huge = { id: '6', name: 'Huge', child: Array.from({ length: 201 }, (_, i) => ({ name: `step ${i}` })) };
    const { templates, problems } = teamTemplates(
      [{ id: '1', name: 'Monthly report', text: 'How we do it\n• numbers\n• summary', child: [{ name: 'Send it' }] }, deep, bigChecklist, { id: '5', name: '' }, huge],
      { calendar: { workDays: [1, 2, 3, 4, 5], holidays: [] } },
    );
    expect(templates.map((template) => template.id)).toEqual(['team.1', 'team.3', 'team.4', 'team.5']);
    expect(templates[0]!.tasks[0]).toMatchObject({ title: 'Monthly report', checklist: ['numbers', 'summary'], subtasks: [{ title: 'Send it' }] });
    // A third subtask level (not possible in Worksection) is cut at Worksection's two levels, not refused.
    expect(templates[1]!.tasks[0]!.subtasks![0]!.subtasks![0]!.subtasks).toBeUndefined();
    expect(problems).toEqual([expect.stringMatching(/^“Huge”: The task cannot become a template: .*more than 200 tasks$/)]);
    expect(templates[3]!.name).toBe('—');
  });
});
