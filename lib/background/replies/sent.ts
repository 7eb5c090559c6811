/**
 * A reply sent from this browser: the content script saw the user send a
 * comment in a thread, and the background re-reads that one thread at once
 * (one or two API calls, through the connection's client and its throttle)
 * instead of leaving the badge to the next poll. Replies made elsewhere still
 * arrive with the poll.
 *
 * The sender is a content script beside page scripts we don't control, so
 * the account is the sender's own page origin (the browser's word, never the
 * message's), it must be the connected account, and re-reads are rate-limited
 * (counted in IndexedDB: the worker keeps no state in memory).
 */
import { db } from '../../db';
import type { Sender } from '../../messages';
import type { ReplyMessages } from '../../replies/protocol';
import { connectedClient } from '../connection';
import { getSettings } from '../settings-store';
import { rereadThread } from './sync';
import { threadStatesChanged } from './surfaces';

const REREADS_KEY = 'replies.rereads';
/** At most this many re-reads per window; a burst beyond it waits for the poll. */
export const REREAD_LIMIT = 20;
export const REREAD_WINDOW_MS = 60_000;
/** A reply that had not reached Worksection at the first read (the page was still sending it): one more read after this. */
export const REREAD_AGAIN_MS = 1_000;

export type SentOutcome = ReplyMessages['replies/sent']['response'];

/** Whether a re-read fits in the rate limit now; counts it if so. */
export async function takeRereadSlot(now: number): Promise<boolean> {
  const database = db();
  return database.transaction('rw', database.state, async () => {
    const recent = (((await database.state.get(REREADS_KEY))?.value as number[] | undefined) ?? []).filter(
      (at) => at > now - REREAD_WINDOW_MS && at <= now,
    );
    if (recent.length >= REREAD_LIMIT) return false;
    await database.state.put({ key: REREADS_KEY, value: [...recent, now] });
    return true;
  });
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function replySent(request: { origin: string; taskId: string }, sender: Sender): Promise<SentOutcome> {
  const connection = await connectedClient({ priority: 'interactive' });
  if (!connection) return { reread: false, reason: 'not-connected' };
  // A content script speaks for its page's origin only; an extension page names one.
  const origin = sender.caller === 'content-script' ? sender.origin : request.origin;
  if (origin !== connection.origin) return { reread: false, reason: 'other-account' };
  if (typeof request.taskId !== 'string' || !/^\d{1,20}$/.test(request.taskId)) return { reread: false, reason: 'not-a-task' };
  const settings = await getSettings();
  if (!settings.features.replyBadges) return { reread: false, reason: 'off' };
  if (!(await takeRereadSlot(Date.now()))) return { reread: false, reason: 'rate-limited' };

  const deps = { client: connection.client, db: db(), settings, now: Date.now };
  let read = await rereadThread(deps, request.taskId);
  if (read?.waiting && (await takeRereadSlot(Date.now()))) {
    // Still waiting: the page may have told us before Worksection stored the reply.
    await delay(REREAD_AGAIN_MS);
    read = await rereadThread(deps, request.taskId);
  }
  await threadStatesChanged(settings, connection.origin);
  return read ? { reread: true, waiting: read.waiting } : { reread: false, reason: 'not-a-task' };
}
