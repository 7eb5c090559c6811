import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb } from '@/lib/db';
import { checkBackup, exportDatabase, importDatabase, isAccountPath, previewImport } from '@/lib/background/account-time/backup';
import { useCatalog } from '@/lib/i18n';
import { compileMessages, type MessagesFile } from '@/lib/i18n-catalog';
import { twelveNodeTemplate } from '../templates/fixtures';

const session = { start: 1000, end: 61_000, open: 0 as const, taskId: '10', projectId: '7', lastActivityAt: 60_000, tabId: 3, focusedAt: 900 };

async function filled(name: string) {
  const db = openDb(name);
  await db.sessions.bulkAdd([session, { ...session, start: 70_000, end: 90_000, open: 1 }]);
  await db.manualEntries.add({ projectId: '7', date: '2025-03-12', minutes: 30, kind: 'call', note: 'Weekly call', createdAt: 5 });
  await db.writeBack.put({ key: '10|2025-03-11', taskId: '10', projectId: '7', date: '2025-03-11', minutes: 12, comment: 'x', status: 'sent', costId: '55', attemptedAt: 1, sentAt: 2 });
  // Entries Worksection refused, one dismissed by the user: the reports page lists them after a restore too.
  const refusal = { kind: 'timer-only' as const, message: 'Time can be logged only with the timer', at: 3 };
  await db.writeBack.put({ key: '11|2025-03-11', taskId: '11', projectId: '7', date: '2025-03-11', minutes: 5, comment: 'y', status: 'refused', attemptedAt: 1, origin: 'https://demo.worksection.com', refusal });
  await db.writeBack.put({ key: '12|2025-03-10', taskId: '12', projectId: '7', date: '2025-03-10', minutes: 7, comment: 'z', status: 'dismissed', attemptedAt: 1, refusal: { ...refusal, kind: 'task-deleted' } });
  await db.threads.put({ taskId: '10', projectId: '7', projectName: 'Owl', taskName: 'Brief', page: '/project/7/10/', status: 'active', clientThread: 1, waiting: 0 });
  await db.state.put({ key: 'accountTime.paused', value: false });
  await db.cache.put({ key: 'k', value: { a: 1 }, fetchedAt: 3 });
  return db;
}

describe('export and import of the whole database', () => {
  it('round-trips every table', async () => {
    const source = await filled(`backup-src-${Math.random()}`);
    const backup = await exportDatabase(source, new Date('2025-03-12T10:00:00Z'));
    expect(backup).toMatchObject({ format: 'account-desk-backup', schemaVersion: source.verno, exportedAt: '2025-03-12T10:00:00.000Z' });
    const target = openDb(`backup-dst-${Math.random()}`);
    await target.pageVisits.add({ url: 'https://x.worksection.com/', pageKind: 'other', placement: 'dock', anchors: [], visitedAt: 1 });
    await importDatabase(target, JSON.parse(JSON.stringify(backup)));
    expect(await exportDatabase(target, new Date('2025-03-12T10:00:00Z'))).toEqual(backup);
    expect(JSON.stringify(backup)).not.toMatch(/apiKey|accessToken/);
  });

  it('refuses a bad file with every problem named, and changes nothing', async () => {
    const target = await filled(`backup-bad-${Math.random()}`);
    const before = await exportDatabase(target);
    const good = JSON.parse(JSON.stringify(before));
    const bad = {
      ...good,
      schemaVersion: 99,
      tables: {
        ...good.tables,
        sessions: [{ ...session, end: 0 }],
        manualEntries: [{ projectId: '7', date: 'yesterday', minutes: 30, kind: 'call', note: '', createdAt: 1 }],
        threads: [{ projectId: '7' }],
        secrets: [],
      },
    };
    await expect(importDatabase(target, bad)).rejects.toThrow(
      `Nothing imported: schemaVersion: expected 1 to ${target.verno} (this version reads older backups, not newer ones), got 99; ` +
        'tables.threads[0].taskId: missing or not a key, got nothing; ' +
        'tables.sessions[0]: start and end must be times with end ≥ start; tables.manualEntries[0]: date: expected a real date YYYY-MM-DD, got "yesterday"; ' +
        'tables.secrets: unknown table',
    );
    await expect(importDatabase(target, 'not json')).rejects.toThrow('backup: expected a JSON object');
    expect(await exportDatabase(target)).toEqual({ ...before, exportedAt: expect.any(String) });
  });

  it('refuses a refused write-back entry without its reason, or one of an unknown status', async () => {
    const target = await filled(`backup-refusal-${Math.random()}`);
    const before = await exportDatabase(target);
    const good = JSON.parse(JSON.stringify(before));
    const entry = { key: '13|2025-03-11', taskId: '13', projectId: '7', date: '2025-03-11', minutes: 5, comment: 'y', attemptedAt: 1 };
    const bad = {
      ...good,
      tables: { ...good.tables, writeBack: [{ ...entry, status: 'refused' }, { ...entry, key: '14|2025-03-11', taskId: '14', status: 'lost' }] },
    };
    await expect(importDatabase(target, bad)).rejects.toThrow(
      'tables.writeBack[0]: a refused entry needs its refusal (kind, message, at), got nothing; ' +
        'tables.writeBack[1]: status must be one of pending, sent, refused, dismissed, got "lost"',
    );
    expect(await exportDatabase(target)).toEqual({ ...before, exportedAt: expect.any(String) });
  });

  it('a failure inside the import transaction rolls everything back', async () => {
    const target = await filled(`backup-rollback-${Math.random()}`);
    const before = await exportDatabase(target);
    // Two rows with the same auto id pass the checks (ids are optional) but fail bulkAdd.
    const clash = JSON.parse(JSON.stringify(before));
    clash.tables.manualEntries = [...clash.tables.manualEntries, ...clash.tables.manualEntries.map((row: object) => ({ ...row }))];
    clash.tables.manualEntries[1].id = clash.tables.manualEntries[0].id;
    await expect(importDatabase(target, clash)).rejects.toThrow(/appears twice/);
    expect(await exportDatabase(target)).toEqual({ ...before, exportedAt: expect.any(String) });
  });
});

describe('a backup is checked like every other way in', () => {
  const ORIGIN = 'https://demo.worksection.com';
  const application = (page: string, origin = ORIGIN) => ({
    id: 'a1', origin, projectId: '7', templateId: 't', templateName: 'T', startDate: '2025-03-12', startedAt: 1, updatedAt: 2, status: 'done', timeZone: 'UTC',
    nodes: [{ planned: { key: 'n', title: 'Task' }, state: 'created', taskId: '11', page }],
  });

  async function refused(tables: Record<string, unknown[]>, problem: RegExp) {
    const target = await filled(`backup-checked-${Math.random()}`);
    const before = await exportDatabase(target);
    const backup = { ...JSON.parse(JSON.stringify(before)), tables: { ...before.tables, ...tables } };
    await expect(previewImport(target, backup, { accountOrigin: ORIGIN })).rejects.toThrow(problem);
    await expect(importDatabase(target, backup, { accountOrigin: ORIGIN })).rejects.toThrow(problem);
    expect(await exportDatabase(target)).toEqual({ ...before, exportedAt: expect.any(String) });
  }

  it('refuses a template application whose task link is not a page of the connected account', async () => {
    await refused({ templateApplications: [application('javascript:alert(1)')] }, /tables\.templateApplications\[0\]: nodes\[0\]\.page must be a page of the account/);
    await refused({ templateApplications: [application('//evil.example/x')] }, /nodes\[0\]\.page/);
    await refused({ templateApplications: [application('/project/7/11/', 'https://other.worksection.com')] }, /is not the connected account/);
    await refused({ templateApplications: [application('/project/7/11/', 'http://demo.worksection.com')] }, /https origin/);
  });

  it('refuses a personal template the template validator refuses', async () => {
    const template = twelveNodeTemplate();
    await refused({ personalTemplates: [{ id: template.id, position: 0, updatedAt: 1, template: { ...template, name: '' } }] }, /tables\.personalTemplates\[0\]: template/);
    await refused({ personalTemplates: [{ id: 'other', position: 0, updatedAt: 1, template }] }, /id must be its template's id/);
  });

  it('refuses personal quick replies the reply validator refuses, and bad use counts', async () => {
    const reply = { id: 'my.status', title: 'Status', body: 'Hi {client_first_name|there}' };
    await refused({ personalReplies: [{ id: reply.id, position: 0, updatedAt: 1, reply: { ...reply, body: '' } }] }, /tables\.personalReplies\[0\]: reply\.body: expected text/);
    await refused({ personalReplies: [{ id: 'other', position: 0, updatedAt: 1, reply }] }, /id must be its reply's id/);
    await refused({ personalReplies: [{ id: 'builtin.x', position: 0, updatedAt: 1, reply: { ...reply, id: 'builtin.x' } }] }, /belong to those libraries/);
    await refused({ replyUsage: [{ key: 'elsewhere:x', uses: 1, usedAt: 1 }] }, /tables\.replyUsage\[0\]: key must be/);
    await refused({ replyUsage: [{ key: 'personal:x', uses: -1, usedAt: 1 }] }, /uses must be a whole number/);
  });

  it('refuses thread links that would leave the account, and bad checklists', async () => {
    await refused({ threads: [{ taskId: '10', projectId: '7', page: '@evil.example/', status: 'active', clientThread: 1, waiting: 0 }] }, /tables\.threads\[0\]: page must be a page/);
    await refused({ savedChecklists: [{ id: 'c', title: 'Launch', items: [], usedAt: 1 }] }, /items must be 1 to 50 lines/);
  });

  it('refuses a backup over the size limit', async () => {
    await refused({ cache: [{ key: 'big', value: 'x'.repeat(21 * 1024 * 1024), fetchedAt: 1 }] }, /MB, more than the 20\.0 MB/);
  });

  it('says what an import would replace, table by table', async () => {
    const target = await filled(`backup-preview-${Math.random()}`);
    const backup = JSON.parse(JSON.stringify(await exportDatabase(target)));
    backup.tables.sessions = backup.tables.sessions.slice(0, 1);
    backup.tables.templateApplications = [application('/project/7/11/')];
    const preview = await previewImport(target, backup, { accountOrigin: ORIGIN });
    expect(preview.current).toMatchObject({ sessions: 2, templateApplications: 0, threads: 1 });
    expect(preview.incoming).toMatchObject({ sessions: 1, templateApplications: 1, threads: 1 });
  });

  it('account paths are paths on the account, nothing else', () => {
    for (const good of ['/project/7/', '/project/7/11/12/', '/task/5/']) expect(isAccountPath(good)).toBe(true);
    for (const bad of ['javascript:alert(1)', '//evil.example/', '/\\evil.example', '@evil.example/', 'https://evil.example/', '/a b', '', undefined]) {
      expect(isAccountPath(bad)).toBe(false);
    }
  });
});

describe('schema upgrades keep every row', () => {
  it('a version 1 database opens at the current version (3 or later) with its rows', async () => {
    const name = `upgrade-v1-${Math.random()}`;
    const v1 = new Dexie(name);
    v1.version(1).stores({ pageVisits: '++id, visitedAt', cache: 'key, fetchedAt' });
    await v1.table('pageVisits').bulkAdd([{ url: 'a', visitedAt: 1 }, { url: 'b', visitedAt: 2 }]);
    await v1.table('cache').put({ key: 'k', value: 1, fetchedAt: 1 });
    v1.close();
    const db = openDb(name);
    expect(await db.pageVisits.count()).toBe(2);
    expect(await db.cache.get('k')).toEqual({ key: 'k', value: 1, fetchedAt: 1 });
    expect(db.verno).toBeGreaterThanOrEqual(3);
    expect(await db.sessions.count()).toBe(0);
  });

  it('a version 2 database opens at the current version (3 or later) with its rows', async () => {
    const name = `upgrade-v2-${Math.random()}`;
    const v2 = new Dexie(name);
    v2.version(1).stores({ pageVisits: '++id, visitedAt', cache: 'key, fetchedAt' });
    v2.version(2).stores({ threads: 'taskId, projectId, waiting', comments: 'id, [taskId+at]', episodes: 'id, taskId, [projectId+startedAt], startedAt', state: 'key' });
    await v2.table('threads').put({ taskId: '10', projectId: '7', waiting: 1 });
    await v2.table('comments').put({ id: 'c1', taskId: '10', at: 5 });
    await v2.table('episodes').put({ id: '10:c1', taskId: '10', projectId: '7', startedAt: 5 });
    await v2.table('state').put({ key: 'replies.cursor', value: { lastPollAt: 9, seen: [] } });
    v2.close();
    const db = openDb(name);
    expect(await db.threads.get('10')).toEqual({ taskId: '10', projectId: '7', waiting: 1 });
    expect(await db.comments.count()).toBe(1);
    expect(await db.episodes.count()).toBe(1);
    expect(await db.state.get('replies.cursor')).toEqual({ key: 'replies.cursor', value: { lastPollAt: 9, seen: [] } });
    await db.sessions.add(session);
    expect(await db.sessions.where('[projectId+start]').between(['7', 0], ['7', Infinity]).count()).toBe(1);
  });
});

describe('a backup row\'s problems in the shipped languages', () => {
  const catalog = (language: string) => compileMessages(JSON.parse(readFileSync(join(process.cwd(), `public/_locales/${language}/messages.json`), 'utf8')) as MessagesFile);
  afterEach(() => useCatalog(undefined));

  it('ru: each row problem keeps its place and field names and is worded in Russian', () => {
    useCatalog({ ...catalog('en'), ...catalog('ru') }, 'ru');
    const db = openDb(`backup-ru-${Math.random()}`);
    const backup = {
      format: 'account-desk-backup',
      schemaVersion: db.verno,
      tables: {
        threads: [{ taskId: '1', projectId: 'x', page: 'javascript:alert(1)', origin: 'https://demo.worksection.com' }],
        manualEntries: [{ projectId: '7', date: '2025-03-12', minutes: 0, kind: 'call', note: '', createdAt: 1 }],
      },
    };
    expect(checkBackup(db, backup)).toEqual([
      'tables.threads[0]: projectId должно быть идентификатором Worksection, а указано: "x"',
      'tables.threads[0]: page должно быть страницей аккаунта, например «/project/1/2/», а указано: "javascript:alert(1)"',
      'tables.manualEntries[0]: minutes: нужно целое число минут от 1 до 1440, а указано: 0',
    ]);
  });
});
