// Manual entries: untrusted input (a form, an import) checked field by field.
// Its problems are in no language (lib/validate.ts); lib/problem-text.ts words them where they are shown.
import { describeValue, inputProblem, type InputProblem } from '../validate';
import { isIsoDate } from '../replies/business-hours';
import type { ManualEntry, ManualKind } from './types';

export const MANUAL_KINDS: readonly ManualKind[] = ['invoice', 'report', 'call', 'other'];
/** A day has 1440 minutes; more in one entry is a typo. */
export const MAX_ENTRY_MINUTES = 1440;
export const MAX_NOTE_LENGTH = 500;

export type ManualEntryInput = Omit<ManualEntry, 'createdAt' | 'id'> & { id?: number };

export function parseManualEntry(input: unknown): { ok: true; entry: ManualEntryInput } | { ok: false; problems: InputProblem[] } {
  const problems: InputProblem[] = [];
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return { ok: false, problems: [inputProblem('entry', 'inputNotObject', describeValue(input))] };
  const { id, projectId, date, minutes, kind, note } = input as Record<string, unknown>;
  if (id !== undefined && !(typeof id === 'number' && Number.isSafeInteger(id) && id > 0)) problems.push(inputProblem('id', 'inputNotPositiveWhole', describeValue(id)));
  if (typeof projectId !== 'string' || !/^\d{1,20}$/.test(projectId)) problems.push(inputProblem('project', 'inputNotProjectId', describeValue(projectId)));
  if (!isIsoDate(date)) problems.push(inputProblem('date', 'inputNotDate', describeValue(date)));
  if (typeof minutes !== 'number' || !Number.isInteger(minutes) || minutes < 1 || minutes > MAX_ENTRY_MINUTES) {
    problems.push(inputProblem('minutes', 'inputNotWholeMinutes', 1, MAX_ENTRY_MINUTES, describeValue(minutes)));
  }
  if (!MANUAL_KINDS.includes(kind as ManualKind)) problems.push(inputProblem('kind', 'inputNotOneOf', MANUAL_KINDS.join(', '), describeValue(kind)));
  if (typeof note !== 'string' || note.length > MAX_NOTE_LENGTH) problems.push(inputProblem('note', 'inputNotShortText', MAX_NOTE_LENGTH, describeValue(note)));
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    entry: { ...(id === undefined ? {} : { id: id as number }), projectId: projectId as string, date: date as string, minutes: minutes as number, kind: kind as ManualKind, note: (note as string).trim() },
  };
}
