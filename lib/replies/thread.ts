// A thread's comments → whether a client is waiting, since when, and the
// wait episodes (client comment → team reply) that already ended.
import { parseWsDateTime } from '../worksection/dates';
import type { WsComment } from '../worksection/types';
import type { ClientDirectory } from './clients';
import type { Person, ThreadComment, ThreadReplies, WaitEpisode } from './types';

/** Worksection renders `todo[]` items as lines starting with "• " (api-reference, post_comment). */
const CHECKLIST_LINE = /^•(\s|$)/;

/**
 * True when every non-blank line of a comment is a checklist item — what
 * Account Desk's "Insert checklist" posts, and what Worksection shows for a
 * comment created with only `todo[]`. Empty text is not a checklist.
 */
export function isChecklistOnly(text: string): boolean {
  let items = 0;
  for (const raw of text.split(/\r\n|\r|\n/)) {
    const line = raw.trim();
    if (line === '') continue;
    if (!CHECKLIST_LINE.test(line)) return false;
    items++;
  }
  return items > 0;
}

/**
 * The reply clock's view of a Worksection comment. `date_added` is
 * "YYYY-MM-DD HH:MM" in the account's `timeZone`.
 *
 * Decision on DESIGN §2's open question: a team comment that only carries a
 * checklist (Account Desk's "Insert checklist", or any todo-only comment) is
 * NOT a reply. It organises work; the client's question is still unanswered
 * in words, so the clock keeps running.
 */
export function toThreadComment(comment: WsComment, directory: Pick<ClientDirectory, 'isClient'>, timeZone: string): ThreadComment {
  return threadComment(
    {
      id: comment.id,
      at: parseWsDateTime(comment.date_added, timeZone).getTime(),
      author: { id: comment.user_from.id, name: comment.user_from.name, email: comment.user_from.email },
      text: comment.text,
    },
    directory,
  );
}

/** The same, for a comment whose time is already an instant (as stored). */
export function threadComment(
  comment: { id: string; at: number; author: Person; text: string },
  directory: Pick<ClientDirectory, 'isClient'>,
): ThreadComment {
  const byClient = directory.isClient(comment.author);
  return {
    id: comment.id,
    at: comment.at,
    author: comment.author,
    byClient,
    countsAsReply: !byClient && !isChecklistOnly(comment.text),
  };
}

const NUMERIC_ID = /^\d+$/;

/** Same minute (Worksection's resolution) → the order they were posted: numeric ids grow. */
function compareIds(a: string, b: string): number {
  if (NUMERIC_ID.test(a) && NUMERIC_ID.test(b) && a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

function byTimeThenId(a: ThreadComment, b: ThreadComment): number {
  return a.at - b.at || compareIds(a.id, b.id);
}

/**
 * Walks a thread's comments (any order) in time order: a client comment when
 * nothing waits starts a wait; later client comments keep the oldest; a team
 * comment that counts as a reply ends the wait as an episode. Team comments
 * while nobody waits change nothing.
 */
export function threadReplies(comments: readonly ThreadComment[]): ThreadReplies {
  const ordered = isSorted(comments) ? comments : [...comments].sort(byTimeThenId);
  const episodes: WaitEpisode[] = [];
  let waiting: ThreadComment | undefined;
  for (const comment of ordered) {
    if (comment.byClient) {
      waiting ??= comment;
    } else if (waiting && comment.countsAsReply) {
      episodes.push({
        clientCommentId: waiting.id,
        client: waiting.author,
        startedAt: waiting.at,
        repliedAt: comment.at,
        replyCommentId: comment.id,
        replier: comment.author,
        first: episodes.length === 0,
      });
      waiting = undefined;
    }
  }
  return waiting ? { waiting: { since: waiting.at, commentId: waiting.id, client: waiting.author }, episodes } : { episodes };
}

/** Comments usually arrive in order; skip the copy and sort then. */
function isSorted(comments: readonly ThreadComment[]): boolean {
  for (let i = 1; i < comments.length; i++) {
    if (byTimeThenId(comments[i - 1]!, comments[i]!) > 0) return false;
  }
  return true;
}
