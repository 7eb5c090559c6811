// A quick reply (issue 13): a saved answer the manager inserts into
// Worksection's comment editor, with variables filled from the page. Pure data
// and a strict validator: replies arrive from files and from the team's
// project, so they are hostile input.
import type { Language } from '../locale';
import { describeValue, inputProblem, isPlainObject, unknownKeys, type InputProblem } from '../validate';

export const QUICK_REPLY_LIMITS = Object.freeze({
  idLength: 80,
  titleLength: 120,
  bodyLength: 5_000,
  /** Personal replies kept (the list opens within its budget with this many). */
  personal: 500,
});

export const QUICK_REPLY_LANGUAGES: readonly Language[] = ['en', 'ru', 'uk', 'kk'];

export interface QuickReply {
  /** "builtin.<slug>.<language>", "team.<task id>", or any other id for a personal reply. */
  id: string;
  /** What the list shows and what `/` searches first. */
  title: string;
  /** The text inserted, with `{variable}` and `{variable|fallback}` in it. Plain text, never HTML. */
  body: string;
  language?: Language;
}

export type QuickReplySource = 'personal' | 'team' | 'builtin';

const ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** A reply from untrusted input, or every problem with it, in no language (lib/problem-text.ts words them). */
export function validateQuickReply(raw: unknown, path = 'reply'): { ok: true; value: QuickReply } | { ok: false; problems: InputProblem[] } {
  if (!isPlainObject(raw)) return { ok: false, problems: [inputProblem(path, 'inputNotObject', describeValue(raw))] };
  const problems = unknownKeys(raw, ['id', 'title', 'body', 'language']).map((key) => inputProblem(`${path}.${key}`, 'inputUnknownField'));
  const { id, title, body, language } = raw;
  if (typeof id !== 'string' || !ID.test(id) || id.length > QUICK_REPLY_LIMITS.idLength) {
    problems.push(inputProblem(`${path}.id`, 'inputNotId', QUICK_REPLY_LIMITS.idLength, describeValue(id)));
  }
  if (typeof title !== 'string' || title.trim() === '' || title.length > QUICK_REPLY_LIMITS.titleLength || /[\u0000-\u001f\u007f]/.test(title)) {
    problems.push(inputProblem(`${path}.title`, 'inputNotLine', QUICK_REPLY_LIMITS.titleLength, describeValue(title)));
  }
  if (typeof body !== 'string' || body.trim() === '' || body.length > QUICK_REPLY_LIMITS.bodyLength) {
    problems.push(inputProblem(`${path}.body`, 'inputNotLongText', QUICK_REPLY_LIMITS.bodyLength, describeValue(body)));
  }
  if (language !== undefined && !QUICK_REPLY_LANGUAGES.includes(language as Language)) {
    problems.push(inputProblem(`${path}.language`, 'inputNotOneOf', QUICK_REPLY_LANGUAGES.join(', '), describeValue(language)));
  }
  if (problems.length > 0) return { ok: false, problems };
  const reply: QuickReply = { id: id as string, title: (title as string).trim(), body: (body as string).replace(/\r\n?/g, '\n') };
  if (language !== undefined) reply.language = language as Language;
  return { ok: true, value: reply };
}
