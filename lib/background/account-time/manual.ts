/** Manual entries (invoice, report, call…): validated, then stored as Dexie rows. */
import type { AccountDeskDb } from '../../db';
import { parseManualEntry } from '../../account-time/manual';
import type { ManualEntry } from '../../account-time/types';
import { ProblemError } from '../../problem';
import { t } from '../../i18n';
import { problemText } from '../../problem-text';

export class ManualEntryProblem extends ProblemError {
  readonly kind = 'invalid-entry';
}

export async function listEntries(db: AccountDeskDb, projectId: string): Promise<ManualEntry[]> {
  const rows = await db.manualEntries.where('[projectId+date]').between([projectId, ''], [projectId, '\uffff']).toArray();
  return rows.reverse(); // newest day first
}

/** Saves an entry; a new one records the account it was made for (an edit keeps the one it had). */
export async function saveEntry(db: AccountDeskDb, input: unknown, now: number, origin?: string): Promise<ManualEntry> {
  const parsed = parseManualEntry(input);
  if (!parsed.ok) throw new ManualEntryProblem(t('timeProblemEntryNotSaved', parsed.problems.map(problemText).join('; ')));
  const { id, ...fields } = parsed.entry;
  return db.transaction('rw', db.manualEntries, async () => {
    const existing = id === undefined ? undefined : await db.manualEntries.get(id);
    if (id !== undefined && !existing) throw new ManualEntryProblem(t('timeProblemEntryGone', [id]));
    const account = existing ? existing.origin : origin;
    const row: ManualEntry = { ...fields, createdAt: existing?.createdAt ?? now, ...(account === undefined ? {} : { origin: account }), ...(id === undefined ? {} : { id }) };
    const savedId = await db.manualEntries.put(row);
    return { ...row, id: savedId };
  });
}

export async function deleteEntry(db: AccountDeskDb, id: number): Promise<void> {
  await db.manualEntries.delete(id);
}
