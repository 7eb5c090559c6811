// The quick-reply file: JSON with a format name and schema version, for
// import and export in options. An imported file is hostile: a malformed,
// oversized or invalid one is refused as a whole with its problems named,
// so nothing half-imports.
import { FileProblemError, quotedValue } from '../problem-text';
import { describeValue, inputProblem, isPlainObject, unknownKeys } from '../validate';
import { t, tn } from '../i18n';
import { QUICK_REPLY_LIMITS, validateQuickReply, type QuickReply } from './model';

export const QUICK_REPLY_FILE_FORMAT = 'account-desk.quick-replies';
export const QUICK_REPLY_SCHEMA_VERSION = 1;
export const QUICK_REPLY_FILE_MAX_BYTES = 2 * 1024 * 1024;

export interface QuickReplyFile {
  format: typeof QUICK_REPLY_FILE_FORMAT;
  schemaVersion: typeof QUICK_REPLY_SCHEMA_VERSION;
  replies: QuickReply[];
}

export class QuickReplyFileError extends FileProblemError {
  override readonly name = 'QuickReplyFileError';
}

export function serializeQuickReplyFile(replies: readonly QuickReply[]): string {
  const file: QuickReplyFile = { format: QUICK_REPLY_FILE_FORMAT, schemaVersion: QUICK_REPLY_SCHEMA_VERSION, replies: [...replies] };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** Ids the built-in and team libraries own: a personal reply may not take them. */
export const isReservedReplyId = (id: string) => id.startsWith('builtin.') || id.startsWith('team.');

/** The replies in `text`, or a QuickReplyFileError naming what is wrong (throws; nothing partial). */
export function parseQuickReplyFile(text: string): QuickReply[] {
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > QUICK_REPLY_FILE_MAX_BYTES) throw new QuickReplyFileError([], t('qrFileTooLarge', [Math.ceil(bytes / 1024), QUICK_REPLY_FILE_MAX_BYTES / 1024 / 1024]));
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new QuickReplyFileError([], t('qrFileNotJson', (error as Error).message));
  }
  if (!isPlainObject(data) || data.format !== QUICK_REPLY_FILE_FORMAT) {
    throw new QuickReplyFileError([], t('qrFileWrongFormat', quotedValue(describeValue(isPlainObject(data) ? data.format : data))));
  }
  if (data.schemaVersion !== QUICK_REPLY_SCHEMA_VERSION) {
    throw new QuickReplyFileError([], t('qrFileSchema', [quotedValue(describeValue(data.schemaVersion)), QUICK_REPLY_SCHEMA_VERSION]));
  }
  const problems = unknownKeys(data, ['format', 'schemaVersion', 'replies']).map((key) => inputProblem(key, 'inputUnknownField'));
  if (!Array.isArray(data.replies)) throw new QuickReplyFileError([...problems, inputProblem('replies', 'inputNotList', describeValue(data.replies))], tn('qrFileProblems', problems.length + 1));
  if (data.replies.length > QUICK_REPLY_LIMITS.personal) {
    throw new QuickReplyFileError([], t('qrFileTooMany', [data.replies.length, QUICK_REPLY_LIMITS.personal]));
  }
  const replies: QuickReply[] = [];
  const ids = new Set<string>();
  data.replies.forEach((raw, index) => {
    const checked = validateQuickReply(raw, `replies[${index}]`);
    if (!checked.ok) return problems.push(...checked.problems);
    const { id } = checked.value;
    if (isReservedReplyId(id)) problems.push(inputProblem(`replies[${index}].id`, 'inputReservedId'));
    else if (ids.has(id)) problems.push(inputProblem(`replies[${index}].id`, 'inputAppearsTwice', describeValue(id)));
    else {
      ids.add(id);
      replies.push(checked.value);
    }
  });
  if (problems.length > 0) throw new QuickReplyFileError(problems.slice(0, 50), tn('qrFileProblems', problems.length));
  return replies;
}
