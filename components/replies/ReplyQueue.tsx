/**
 * The popup's queue of client threads waiting for a reply, most urgent first,
 * with the sync state above it: progress, last sync, or the sync problem and
 * its cause. Every name in it is Worksection data, rendered as text.
 */
import { REPLY_STATE_COLOURS } from '@/lib/replies/palette';
import { stateName } from './view';
import { t } from '@/lib/i18n';
import type { SyncStatus, WaitingThread } from '@/lib/replies/protocol';
import { formatWait } from '@/lib/replies/clock';
import { formatWhen } from '../popup/when';

export interface Queue {
  threads: WaitingThread[];
  status: SyncStatus;
}

interface Props {
  queue: Queue;
  /** A "Sync now" from this popup is running. */
  syncing: boolean;
  now: number;
  onSyncNow(): void;
  onOpen(url: string): void;
  /** Opens the connection settings, for an expired sign-in. */
  onSignInAgain?(): void;
}

/** Only web addresses become links: a thread's URL is built from API data. */
function threadHref(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

const iso = (at: number) => new Date(at).toISOString();

function progressText(status: SyncStatus): string {
  const { progress } = status;
  return progress && progress.total > 0 ? t('queueSyncingProgress', [progress.done, progress.total]) : t('queueSyncing');
}

export function ReplyQueue({ queue, syncing, now, onSyncNow, onOpen, onSignInAgain }: Props) {
  const { status, threads } = queue;
  const busy = syncing || status.phase === 'syncing';
  const synced = status.lastSyncAt !== undefined;
  const problem = status.phase === 'problem' ? status.problem : undefined;
  // An expired sign-in is not a sync problem: sync waits for the person (lib/background/sign-in.ts).
  const signIn = problem?.kind === 'token-expired';

  return (
    <section class="queue" aria-labelledby="queue-heading" aria-busy={busy}>
      <div class="queue-head">
        <h2 id="queue-heading">{threads.length > 0 ? t('queueHeadingCount', [threads.length]) : t('queueHeading')}</h2>
        <button type="button" class="sync" disabled={busy} aria-describedby="sync-state" onClick={onSyncNow}>
          {t('queueSyncNow')}
        </button>
      </div>
      <p id="sync-state" class="muted sync-state" role="status">
        {busy ? (
          progressText(status)
        ) : synced ? (
          <time dateTime={iso(status.lastSyncAt!)}>{t('queueLastSync', formatWhen(status.lastSyncAt!, now))}</time>
        ) : (
          t('queueNeverSynced')
        )}
      </p>
      {signIn && (
        <div class="problem sign-in" role="alert">
          <strong>{problem.message}</strong>{' '}
          <button type="button" class="primary" onClick={onSignInAgain}>
            {t('signInAgainButton')}
          </button>
        </div>
      )}
      {problem && !signIn && (
        <div class="problem" role="alert">
          <strong>{t('queueProblem', problem.message)}</strong>
          <p>
            <time dateTime={iso(problem.at)}>
              {synced
                ? t('queueProblemAt', [formatWhen(problem.at, now), formatWhen(status.lastSyncAt!, now)])
                : t('queueProblemAtNoLast', formatWhen(problem.at, now))}
            </time>
          </p>
        </div>
      )}
      {threads.length > 0 ? (
        <ol class="threads">
          {threads.map((thread) => (
            <ThreadItem key={thread.taskId} thread={thread} onOpen={onOpen} />
          ))}
        </ol>
      ) : (
        // Before the first sync has finished, "nobody waits" would be a guess.
        synced && <p class="empty">{t('queueEmpty')}</p>
      )}
    </section>
  );
}

function ThreadItem({ thread, onOpen }: { thread: WaitingThread; onOpen(url: string): void }) {
  const { state, calendarMinutes } = thread.clock;
  const colours = REPLY_STATE_COLOURS[state];
  const client = thread.client.name.trim() || t('badgeSomeClient');
  const href = threadHref(thread.url);
  const body = (
    <>
      <span class="wait" data-state={state} style={{ background: colours.background, color: colours.text }}>
        {formatWait(calendarMinutes)}
        <span class="sr-only">, {stateName(state)}</span>
      </span>
      <span class="what">
        <span class="task">{thread.taskName}</span>
        <span class="meta">{t('queueThreadMeta', [thread.projectName, client])}</span>
      </span>
    </>
  );
  return (
    <li>
      {href ? (
        <a
          class="thread"
          data-state={state}
          href={href}
          target="_blank"
          rel="noreferrer"
          title={t('queueOpenThread')}
          onClick={(event) => {
            // The tabs API opens it beside the current tab, as the user expects from a toolbar popup.
            event.preventDefault();
            onOpen(href);
          }}
        >
          {body}
        </a>
      ) : (
        <span class="thread" data-state={state}>
          {body}
        </span>
      )}
    </li>
  );
}
