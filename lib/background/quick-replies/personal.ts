// Personal quick replies in Dexie: saved one by one from the options editor,
// imported all-or-nothing from a file, kept in the user's order.
import type { AccountDeskDb } from '../../db';
import { t } from '../../i18n';
import { problemText } from '../../problem-text';
import { ProblemError } from '../../problem';
import { isReservedReplyId, parseQuickReplyFile, QUICK_REPLY_LIMITS, serializeQuickReplyFile, validateQuickReply, type QuickReply } from '../../quick-replies';

export class QuickReplyProblem extends ProblemError {
  override readonly name = 'QuickReplyProblem';
  constructor(
    readonly kind: 'invalid' | 'not-connected',
    message: string,
  ) {
    super(message);
  }
}

export async function listPersonalReplies(db: AccountDeskDb): Promise<QuickReply[]> {
  return (await db.personalReplies.orderBy('position').toArray()).map((row) => row.reply);
}

/**
 * Saves a new or edited reply (validated here: the page's copy is not
 * trusted). `replacing` is the id it had before an edit that changed it; that
 * one goes in the same transaction, keeping its place.
 */
export async function savePersonalReply(db: AccountDeskDb, raw: unknown, replacing?: string, now = Date.now()): Promise<QuickReply> {
  const checked = validateQuickReply(raw);
  if (!checked.ok) throw new QuickReplyProblem('invalid', t('qrProblemNotSaved', checked.problems.map(problemText).join('\n')));
  const reply = checked.value;
  if (isReservedReplyId(reply.id)) throw new QuickReplyProblem('invalid', t('qrProblemReservedId'));
  await db.transaction('rw', db.personalReplies, async () => {
    const previous = replacing && replacing !== reply.id ? await db.personalReplies.get(replacing) : undefined;
    const existing = (await db.personalReplies.get(reply.id)) ?? previous;
    if (!existing && (await db.personalReplies.count()) >= QUICK_REPLY_LIMITS.personal) {
      throw new QuickReplyProblem('invalid', t('qrProblemTooMany', QUICK_REPLY_LIMITS.personal));
    }
    const last = await db.personalReplies.orderBy('position').last();
    if (previous) await db.personalReplies.delete(previous.id);
    await db.personalReplies.put({ id: reply.id, reply, position: existing?.position ?? (last ? last.position + 1 : 0), updatedAt: now });
  });
  return reply;
}

export async function deletePersonalReply(db: AccountDeskDb, id: string): Promise<void> {
  await db.personalReplies.delete(id);
}

/** Imports a reply file: every reply valid, or nothing changes. A reply whose id exists replaces it. */
export async function importPersonalReplies(db: AccountDeskDb, text: string, now = Date.now()): Promise<{ added: number; replaced: number }> {
  const replies = parseQuickReplyFile(text);
  return db.transaction('rw', db.personalReplies, async () => {
    const existing = new Map((await db.personalReplies.toArray()).map((row) => [row.id, row]));
    const added = replies.filter((reply) => !existing.has(reply.id)).length;
    if (existing.size + added > QUICK_REPLY_LIMITS.personal) throw new QuickReplyProblem('invalid', t('qrProblemFileTooMany', QUICK_REPLY_LIMITS.personal));
    let next = Math.max(-1, ...[...existing.values()].map((row) => row.position)) + 1;
    await db.personalReplies.bulkPut(replies.map((reply) => ({ id: reply.id, reply, position: existing.get(reply.id)?.position ?? next++, updatedAt: now })));
    return { added, replaced: replies.length - added };
  });
}

export async function exportPersonalReplies(db: AccountDeskDb): Promise<string> {
  return serializeQuickReplyFile(await listPersonalReplies(db));
}

/** One more use of a reply, which orders the list. */
export async function countUse(db: AccountDeskDb, key: string, now = Date.now()): Promise<void> {
  await db.transaction('rw', db.replyUsage, async () => {
    const row = await db.replyUsage.get(key);
    await db.replyUsage.put({ key, uses: (row?.uses ?? 0) + 1, usedAt: now });
  });
}
