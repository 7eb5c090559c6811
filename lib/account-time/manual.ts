// Manual entries: untrusted input (a form, an import) checked field by field.
import { describeValue } from '../validate';
import { isIsoDate } from '../replies/business-hours';
import type { ManualEntry, ManualKind } from './types';
import { quotedValue } from '../problem-text';

/** A value quoted in a problem sentence (these sentences are not yet worded per language: lib/validate.ts InputProblem is). */
const quoted = (value: unknown): string => quotedValue(describeValue(value));

export const MANUAL_KINDS: readonly ManualKind[] = ['invoice', 'report', 'call', 'other'];
/** A day has 1440 minutes; more in one entry is a typo. */
export const MAX_ENTRY_MINUTES = 1440;
export const MAX_NOTE_LENGTH = 500;

export type ManualEntryInput = Omit<ManualEntry, 'createdAt' | 'id'> & { id?: number };

export function parseManualEntry(input: unknown): { ok: true; entry: ManualEntryInput } | { ok: false; problems: string[] } {
  const problems: string[] = [];
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return { ok: false, problems: [`entry: expected an object, got ${quoted(input)}`] };
  const { id, projectId, date, minutes, kind, note } = input as Record<string, unknown>;
  if (id !== undefined && !(typeof id === 'number' && Number.isSafeInteger(id) && id > 0)) problems.push(`id: expected a positive whole number, got ${quoted(id)}`);
  if (typeof projectId !== 'string' || !/^\d{1,20}$/.test(projectId)) problems.push(`project: ${quoted(projectId)} is not a Worksection project id`);
  if (!isIsoDate(date)) problems.push(`date: expected YYYY-MM-DD, got ${quoted(date)}`);
  if (typeof minutes !== 'number' || !Number.isInteger(minutes) || minutes < 1 || minutes > MAX_ENTRY_MINUTES) {
    problems.push(`minutes: expected whole minutes from 1 to ${MAX_ENTRY_MINUTES}, got ${quoted(minutes)}`);
  }
  if (!MANUAL_KINDS.includes(kind as ManualKind)) problems.push(`kind: expected one of ${MANUAL_KINDS.join(', ')}, got ${quoted(kind)}`);
  if (typeof note !== 'string' || note.length > MAX_NOTE_LENGTH) problems.push(`note: expected text of at most ${MAX_NOTE_LENGTH} characters, got ${quoted(note)}`);
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    entry: { ...(id === undefined ? {} : { id: id as number }), projectId: projectId as string, date: date as string, minutes: minutes as number, kind: kind as ManualKind, note: (note as string).trim() },
  };
}
