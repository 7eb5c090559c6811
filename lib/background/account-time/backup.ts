/**
 * "Your data": the whole database as JSON, and back. Export reads every
 * table; import checks the whole file first (size, format, schema version,
 * known tables, every row's key, and every row through the checks its normal
 * way in has: account time's fields, personal templates through the template
 * validator, personal quick replies through theirs, checklists, and every link a surface will render, which must be
 * a path on the connected account) and then replaces the database in ONE
 * transaction, so a bad file or a failure changes nothing. A backup is a file
 * anyone can hand the user: nothing in it is trusted more than a template file. Credentials live in a database of their own
 * (../credentials.ts), never in this one, so they are never exported.
 */
import type { AccountDeskDb } from '../../db';
import { parseManualEntry } from '../../account-time/manual';
import { validateTemplate } from '../../templates';
import { isReservedReplyId, validateQuickReply } from '../../quick-replies';
import { describeValue, inputProblem, isPlainObject, type InputProblem, type ProblemValue } from '../../validate';
import { ProblemError } from '../../problem';

import { BACKUP_FORMAT, BACKUP_MAX_BYTES, type Backup } from '../../account-time/protocol';
import { t } from '../../i18n';
import { problemText } from '../../problem-text';

export { BACKUP_FORMAT, BACKUP_MAX_BYTES };


export class BackupProblem extends ProblemError {
  readonly kind = 'invalid-backup';
  constructor(readonly problems: string[]) {
    const shown = problems.slice(0, 10).join('; ');
    super(t('problemNothingImported', problems.length > 10 ? t('problemAndMore', [shown, problems.length - 10]) : shown));
  }
}

export async function exportDatabase(db: AccountDeskDb, now = new Date()): Promise<Backup> {
  const tables: Record<string, unknown[]> = {};
  await db.transaction('r', db.tables, async () => {
    for (const table of db.tables) tables[table.name] = await table.toArray();
  });
  return { format: BACKUP_FORMAT, schemaVersion: db.verno, exportedAt: now.toISOString(), tables };
}

/** What the rows are checked against: the account connected now, if any. */
export interface BackupContext {
  accountOrigin?: string;
}

const isTime = (value: unknown) => typeof value === 'number' && Number.isFinite(value) && value >= 0;
const isId = (value: unknown) => typeof value === 'string' && /^\d{1,20}$/.test(value);
const isText = (value: unknown, max: number) => typeof value === 'string' && value.trim() !== '' && value.length <= max;

/**
 * A path on the account, as Worksection's pages are ("/project/P/T/"): the
 * surfaces append it to the account's origin or resolve it against it, so
 * "javascript:…", "//elsewhere" or "@elsewhere" would take the user away.
 */
export function isAccountPath(value: unknown): boolean {
  if (typeof value !== 'string' || !/^\/(?!\/)[\x21-\x7e]*$/.test(value) || value.includes('\\')) return false;
  const base = 'https://account.worksection.com';
  return new URL(value, base).origin === base && new URL(`${base}${value}`).origin === base;
}

/** A row's problem, in no language (lib/validate.ts): its sentence names the fields, as a row's checks often cover several. */
const fault = (key: InputProblem['key'], ...values: ProblemValue[]): InputProblem => inputProblem('', key, ...values);

/** An https origin, and the connected account's when there is one. */
function originProblem(value: unknown, context: BackupContext): InputProblem | undefined {
  if (typeof value !== 'string') return fault('inputNotOrigin', describeValue(value));
  let parsed: URL | undefined;
  try {
    parsed = new URL(value);
  } catch {
    parsed = undefined;
  }
  if (!parsed || parsed.protocol !== 'https:' || parsed.origin !== value) return fault('inputNotOrigin', describeValue(value));
  if (context.accountOrigin !== undefined && value !== context.accountOrigin) return fault('inputNotConnectedOrigin', describeValue(value), context.accountOrigin);
  return undefined;
}

/** Every table's rows, beyond their key: the checks of the way rows normally get in. */
const ROW_CHECKS: Record<string, (row: Record<string, unknown>, context: BackupContext) => InputProblem[]> = {
  sessions(row) {
    const problems: InputProblem[] = [];
    if (!isTime(row.start) || !isTime(row.end) || (row.end as number) < (row.start as number)) problems.push(fault('inputRowSpan'));
    if (row.open !== 0 && row.open !== 1) problems.push(fault('inputFieldNotOneOf', 'open', '0, 1', describeValue(row.open)));
    if (!isId(row.taskId) || !isId(row.projectId)) problems.push(fault('inputFieldsNotIds', 'taskId, projectId'));
    if (!isTime(row.lastActivityAt) || !isTime(row.focusedAt) || typeof row.tabId !== 'number') problems.push(fault('inputFieldsNotNumbers', 'lastActivityAt, focusedAt, tabId'));
    return problems;
  },
  manualEntries(row) {
    const parsed = parseManualEntry({ id: row.id, projectId: row.projectId, date: row.date, minutes: row.minutes, kind: row.kind, note: row.note });
    const problems = parsed.ok ? [] : parsed.problems;
    if (!isTime(row.createdAt)) problems.push(fault('inputFieldNotTime', 'createdAt'));
    return problems;
  },
  writeBack(row) {
    const problems: InputProblem[] = [];
    if (!['pending', 'sent', 'refused', 'dismissed'].includes(row.status as string)) {
      problems.push(fault('inputFieldNotOneOf', 'status', 'pending, sent, refused, dismissed', describeValue(row.status)));
    }
    // Refused and dismissed entries keep why Worksection said no (the reports page shows it).
    if (row.status === 'refused' || row.status === 'dismissed') {
      const refusal = row.refusal;
      const fine =
        isPlainObject(refusal) &&
        ['task-deleted', 'timer-only', 'today-only', 'other'].includes(refusal.kind as string) &&
        typeof refusal.message === 'string' &&
        isTime(refusal.at);
      if (!fine) problems.push(fault('inputNoRefusal', String(row.status), describeValue(refusal)));
    }
    if (!isId(row.taskId) || !isId(row.projectId) || typeof row.date !== 'string') problems.push(fault('inputFieldsRequired', 'taskId, projectId, date'));
    if (typeof row.minutes !== 'number' || row.minutes < 1) problems.push(fault('inputFieldBelow', 'minutes', 1));
    return problems;
  },
  personalTemplates(row) {
    const checked = validateTemplate(row.template, 'template');
    if (!checked.ok) return checked.problems;
    const problems: InputProblem[] = [];
    if (row.id !== checked.value.id) problems.push(fault('inputNotOwnTemplateId', describeValue(checked.value.id), describeValue(row.id)));
    if (checked.value.id.startsWith('builtin.')) problems.push(fault('inputBuiltinId'));
    if (!isTime(row.position) || !isTime(row.updatedAt)) problems.push(fault('inputFieldsNotNumbers', 'position, updatedAt'));
    return problems;
  },
  personalReplies(row) {
    const checked = validateQuickReply(row.reply, 'reply');
    if (!checked.ok) return checked.problems;
    const problems: InputProblem[] = [];
    if (row.id !== checked.value.id) problems.push(fault('inputNotOwnReplyId', describeValue(checked.value.id), describeValue(row.id)));
    if (isReservedReplyId(checked.value.id)) problems.push(fault('inputReservedId'));
    if (!isTime(row.position) || !isTime(row.updatedAt)) problems.push(fault('inputFieldsNotNumbers', 'position, updatedAt'));
    return problems;
  },
  replyUsage(row) {
    const problems: InputProblem[] = [];
    if (typeof row.key !== 'string' || !/^(personal|team|builtin):/.test(row.key)) problems.push(fault('inputNotUsageKey', describeValue(row.key)));
    if (typeof row.uses !== 'number' || !Number.isInteger(row.uses) || row.uses < 0) problems.push(fault('inputFieldNotWhole', 'uses', describeValue(row.uses)));
    if (!isTime(row.usedAt)) problems.push(fault('inputFieldNotTime', 'usedAt'));
    return problems;
  },
  templateApplications(row, context) {
    const problems: InputProblem[] = [];
    const origin = originProblem(row.origin, context);
    if (origin) problems.push(origin);
    if (!isId(row.projectId)) problems.push(fault('inputFieldNotId', 'projectId', describeValue(row.projectId)));
    if (!['running', 'stopped', 'done', 'cancelled'].includes(row.status as string)) problems.push(fault('inputFieldNotOneOf', 'status', 'running, stopped, done, cancelled', describeValue(row.status)));
    if (typeof row.templateName !== 'string' || typeof row.templateId !== 'string' || typeof row.startDate !== 'string') problems.push(fault('inputFieldsNotText', 'templateId, templateName, startDate'));
    if (!isTime(row.startedAt) || !isTime(row.updatedAt)) problems.push(fault('inputFieldsNotTimes', 'startedAt, updatedAt'));
    if (!Array.isArray(row.nodes)) return [...problems, fault('inputFieldNotList', 'nodes', describeValue(row.nodes))];
    row.nodes.forEach((node: unknown, index) => {
      const at = `nodes[${index}]`;
      if (!isPlainObject(node) || !isPlainObject(node.planned)) return problems.push(inputProblem(at, 'inputNotPlannedTask'));
      if (!['planned', 'attempting', 'created'].includes(node.state as string)) problems.push(fault('inputFieldNotOneOf', `${at}.state`, 'planned, attempting, created', describeValue(node.state)));
      if (node.taskId !== undefined && !isId(node.taskId)) problems.push(fault('inputFieldNotId', `${at}.taskId`, describeValue(node.taskId)));
      if (node.page !== undefined && !isAccountPath(node.page)) problems.push(fault('inputFieldNotPage', `${at}.page`, describeValue(node.page)));
    });
    return problems;
  },
  roleMappings(row) {
    if (!isPlainObject(row.mapping) || !Object.values(row.mapping).every((person) => typeof person === 'string')) return [fault('inputNotRoleMapping')];
    if (row.nobodyIsAChoice !== undefined && typeof row.nobodyIsAChoice !== 'boolean') return [fault('inputFieldNotBoolean', 'nobodyIsAChoice', describeValue(row.nobodyIsAChoice))];
    return [];
  },
  savedChecklists(row) {
    const problems: InputProblem[] = [];
    // As "Insert checklist" remembers them (../templates/checklists.ts).
    if (!isText(row.title, 250)) problems.push(fault('inputFieldNotShortText', 'title', 250));
    if (!Array.isArray(row.items) || row.items.length === 0 || row.items.length > 50 || !row.items.every((item) => isText(item, 1000))) {
      problems.push(fault('inputNotChecklistItems', 50));
    }
    if (!isTime(row.usedAt)) problems.push(fault('inputFieldNotTime', 'usedAt'));
    return problems;
  },
  threads(row) {
    const problems: InputProblem[] = [];
    if (!isId(row.projectId)) problems.push(fault('inputFieldNotId', 'projectId', describeValue(row.projectId)));
    if (!isAccountPath(row.page)) problems.push(fault('inputFieldNotPage', 'page', describeValue(row.page)));
    if (row.waitingCommentId !== undefined && !isId(row.waitingCommentId)) problems.push(fault('inputFieldNotId', 'waitingCommentId', describeValue(row.waitingCommentId)));
    return problems;
  },
  pageVisits(row) {
    return typeof row.url === 'string' && /^https:\/\//.test(row.url) ? [] : [fault('inputNotHttpsUrl', describeValue(row.url))];
  },
};

/** A problem of the file as a whole, worded in the background's language. */
const said = (...problem: Parameters<typeof inputProblem>): string => problemText(inputProblem(...problem));

/** Every problem in `input` as a backup of `db`'s schema; empty when it can be imported. */
export function checkBackup(db: AccountDeskDb, input: unknown, context: BackupContext = {}): string[] {
  if (!isPlainObject(input)) return [said('backup', 'inputNotJsonObject', describeValue(input))];
  const size = JSON.stringify(input).length;
  if (size > BACKUP_MAX_BYTES) return [t('problemBackupTooLarge', [megabytes(size), megabytes(BACKUP_MAX_BYTES)])];
  const problems: string[] = [];
  if (input.format !== BACKUP_FORMAT) problems.push(said('format', 'inputNotFormat', BACKUP_FORMAT, describeValue(input.format)));
  const version = input.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1 || version > db.verno) {
    problems.push(said('schemaVersion', 'inputBackupNewer', db.verno, describeValue(version)));
  }
  if (!isPlainObject(input.tables)) return [...problems, said('tables', 'inputNotObject', describeValue(input.tables))];
  const known = new Map(db.tables.map((table) => [table.name, table]));
  for (const [name, rows] of Object.entries(input.tables)) {
    const table = known.get(name);
    if (!table) {
      problems.push(said(`tables.${name}`, 'inputUnknownTable'));
      continue;
    }
    if (!Array.isArray(rows)) {
      problems.push(said(`tables.${name}`, 'inputNotRows', describeValue(rows)));
      continue;
    }
    const { keyPath, auto } = table.schema.primKey;
    const seen = new Set<unknown>();
    rows.forEach((row, index) => {
      const at = `tables.${name}[${index}]`;
      if (!isPlainObject(row)) return problems.push(said(at, 'inputNotObject', describeValue(row)));
      const key = typeof keyPath === 'string' ? row[keyPath] : undefined;
      if (typeof keyPath === 'string' && !(auto && key === undefined)) {
        if (typeof key !== 'string' && typeof key !== 'number') return problems.push(said(`${at}.${keyPath}`, 'inputNotKey', describeValue(key)));
        if (seen.has(key)) return problems.push(said(`${at}.${keyPath}`, 'inputAppearsTwice', describeValue(key)));
        seen.add(key);
      }
      // The row's own problems after its place, as "tables.threads[0]: page must be …" (a nested validator's path follows: "template.name: …").
      for (const problem of ROW_CHECKS[name]?.(row, context) ?? []) problems.push(`${at}: ${problemText(problem)}`);
    });
  }
  return problems;
}

const megabytes = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

/** Rows per table now and in the backup, for the confirmation; throws BackupProblem when the backup can't be imported. */
export async function previewImport(db: AccountDeskDb, input: unknown, context: BackupContext = {}): Promise<{ current: Record<string, number>; incoming: Record<string, number> }> {
  const problems = checkBackup(db, input, context);
  if (problems.length > 0) throw new BackupProblem(problems);
  const { tables } = input as Backup;
  const current: Record<string, number> = {};
  const incoming: Record<string, number> = {};
  await db.transaction('r', db.tables, async () => {
    for (const table of db.tables) {
      current[table.name] = await table.count();
      incoming[table.name] = tables[table.name]?.length ?? 0;
    }
  });
  return { current, incoming };
}

/** Replaces the whole database with the backup's rows; throws BackupProblem (and changes nothing) when anything is wrong. */
export async function importDatabase(db: AccountDeskDb, input: unknown, context: BackupContext = {}): Promise<Record<string, number>> {
  const problems = checkBackup(db, input, context);
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
