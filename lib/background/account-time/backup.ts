/**
 * "Your data": the whole database as JSON, and back. Export reads every
 * table; import checks the whole file first (format, schema version, known
 * tables, every row's key and, for account time, every field) and then
 * replaces the database in ONE transaction, so a bad file or a failure
 * changes nothing. Credentials live in storage.local, never in the database,
 * so they are never exported.
 */
import type { AccountDeskDb } from '../../db';
import { parseManualEntry } from '../../account-time/manual';
import { describeValue, isPlainObject } from '../../validate';
import { ProblemError } from '../../problem';

import { BACKUP_FORMAT, type Backup } from '../../account-time/protocol';
export { BACKUP_FORMAT };


export class BackupProblem extends ProblemError {
  readonly kind = 'invalid-backup';
  constructor(readonly problems: string[]) {
    super(`Nothing imported: ${problems.slice(0, 10).join('; ')}${problems.length > 10 ? ` (and ${problems.length - 10} more)` : ''}`);
  }
}

export async function exportDatabase(db: AccountDeskDb, now = new Date()): Promise<Backup> {
  const tables: Record<string, unknown[]> = {};
  await db.transaction('r', db.tables, async () => {
    for (const table of db.tables) tables[table.name] = await table.toArray();
  });
  return { format: BACKUP_FORMAT, schemaVersion: db.verno, exportedAt: now.toISOString(), tables };
}

const isTime = (value: unknown) => typeof value === 'number' && Number.isFinite(value) && value >= 0;
const isId = (value: unknown) => typeof value === 'string' && /^\d{1,20}$/.test(value);

/** Account time rows get every field checked; other tables their key. */
const ROW_CHECKS: Record<string, (row: Record<string, unknown>) => string[]> = {
  sessions(row) {
    const problems: string[] = [];
    if (!isTime(row.start) || !isTime(row.end) || (row.end as number) < (row.start as number)) problems.push('start and end must be times with end ≥ start');
    if (row.open !== 0 && row.open !== 1) problems.push(`open must be 0 or 1, got ${describeValue(row.open)}`);
    if (!isId(row.taskId) || !isId(row.projectId)) problems.push('taskId and projectId must be Worksection ids');
    if (!isTime(row.lastActivityAt) || !isTime(row.focusedAt) || typeof row.tabId !== 'number') problems.push('lastActivityAt, focusedAt and tabId must be numbers');
    return problems;
  },
  manualEntries(row) {
    const parsed = parseManualEntry({ id: row.id, projectId: row.projectId, date: row.date, minutes: row.minutes, kind: row.kind, note: row.note });
    const problems = parsed.ok ? [] : parsed.problems;
    if (!isTime(row.createdAt)) problems.push('createdAt must be a time');
    return problems;
  },
  writeBack(row) {
    const problems: string[] = [];
    if (row.status !== 'pending' && row.status !== 'sent') problems.push(`status must be pending or sent, got ${describeValue(row.status)}`);
    if (!isId(row.taskId) || !isId(row.projectId) || typeof row.date !== 'string') problems.push('taskId, projectId and date are required');
    if (typeof row.minutes !== 'number' || row.minutes < 1) problems.push('minutes must be at least 1');
    return problems;
  },
};

/** Every problem in `input` as a backup of `db`'s schema; empty when it can be imported. */
export function checkBackup(db: AccountDeskDb, input: unknown): string[] {
  if (!isPlainObject(input)) return [`backup: expected a JSON object, got ${describeValue(input)}`];
  const problems: string[] = [];
  if (input.format !== BACKUP_FORMAT) problems.push(`format: expected "${BACKUP_FORMAT}", got ${describeValue(input.format)}`);
  const version = input.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1 || version > db.verno) {
    problems.push(`schemaVersion: expected 1 to ${db.verno} (this version reads older backups, not newer ones), got ${describeValue(version)}`);
  }
  if (!isPlainObject(input.tables)) return [...problems, `tables: expected an object, got ${describeValue(input.tables)}`];
  const known = new Map(db.tables.map((table) => [table.name, table]));
  for (const [name, rows] of Object.entries(input.tables)) {
    const table = known.get(name);
    if (!table) {
      problems.push(`tables.${name}: unknown table`);
      continue;
    }
    if (!Array.isArray(rows)) {
      problems.push(`tables.${name}: expected a list of rows, got ${describeValue(rows)}`);
      continue;
    }
    const { keyPath, auto } = table.schema.primKey;
    const seen = new Set<unknown>();
    rows.forEach((row, index) => {
      const at = `tables.${name}[${index}]`;
      if (!isPlainObject(row)) return problems.push(`${at}: expected an object, got ${describeValue(row)}`);
      const key = typeof keyPath === 'string' ? row[keyPath] : undefined;
      if (typeof keyPath === 'string' && !(auto && key === undefined)) {
        if (typeof key !== 'string' && typeof key !== 'number') return problems.push(`${at}.${keyPath}: missing or not a key, got ${describeValue(key)}`);
        if (seen.has(key)) return problems.push(`${at}.${keyPath}: ${describeValue(key)} appears twice`);
        seen.add(key);
      }
      for (const problem of ROW_CHECKS[name]?.(row) ?? []) problems.push(`${at}: ${problem}`);
    });
  }
  return problems;
}

/** Replaces the whole database with the backup's rows; throws BackupProblem (and changes nothing) when anything is wrong. */
export async function importDatabase(db: AccountDeskDb, input: unknown): Promise<Record<string, number>> {
  const problems = checkBackup(db, input);
  if (problems.length > 0) throw new BackupProblem(problems);
  const { tables } = input as Backup;
  const counts: Record<string, number> = {};
  await db.transaction('rw', db.tables, async () => {
    for (const table of db.tables) {
      await table.clear();
      const rows = tables[table.name] ?? [];
      if (rows.length > 0) await table.bulkAdd(rows as never[]);
      counts[table.name] = rows.length;
    }
  });
  return counts;
}
