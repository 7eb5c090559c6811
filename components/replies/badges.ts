/**
 * Reply badges on a page: the background owns the data; this asks it
 * (`replies/project` or `replies/task`; the clock's rules come from the
 * page's shared settings read) when the feature mounts and whenever the background announces new
 * thread states or settings (a push message), re-applies badges when
 * Worksection re-renders parts of the page (one check per animation frame),
 * and moves ages on every 30 s without asking again (unless a working window
 * began or ended since its reading of business time).
 */
import { ask, onPush, type Problem, type Result } from '@/lib/messages';
import type { WaitingThread } from '@/lib/replies/protocol';
import { onDomChange } from '@/lib/page/dom-changes';
import type { FeatureContext, TaskFeatureContext } from '@/lib/page/feature';
import { findAnchor, taskRows } from '@/lib/page/selectors';
import { badgeRows, clearRowBadges, type TaskRow } from './rows';
import { badgeInDock, badgeTaskTitle, clearTitleBadges } from './task-title';
import { watchSentReplies } from './sent';
import type { ClockRules } from './view';

export { badgeRows, type BadgeRun, type TaskRow } from './rows';

const AGE_TICK_MS = 30_000;

interface Loaded {
  waitingById: Map<string, WaitingThread>;
  rules: ClockRules;
}

function warn(problem: Problem): void {
  console.warn(`Account Desk, reply badges: ${problem.message} (${problem.kind})`);
}

/**
 * The shared life of both badge kinds: load, re-load on pushes, re-apply on
 * page changes and every 30 s, clear when the feature goes.
 */
function keepBadged(
  { signal, settings: readSettings }: Pick<FeatureContext, 'signal' | 'settings'>,
  load: () => Promise<Result<WaitingThread[]>>,
  apply: (loaded: Loaded | undefined, changed?: readonly MutationRecord[]) => void,
  clear: () => void,
): void {
  let loaded: Loaded | undefined;
  let generation = 0;
  const refresh = async () => {
    const run = ++generation;
    const [threads, settings] = await Promise.all([load(), readSettings()]);
    // A newer refresh has started meanwhile, or the feature left.
    if (run !== generation || signal.aborted) return;
    if (threads.ok && settings.ok) {
      loaded = { waitingById: new Map(threads.value.map((thread) => [thread.taskId, thread])), rules: settings.value };
    } else {
      // Keep what the page showed; a failed answer is no news about its threads.
      warn(!threads.ok ? threads.problem : (settings as Extract<typeof settings, { ok: false }>).problem);
    }
    apply(loaded);
  };

  onDomChange(document, signal, (changed) => apply(loaded, changed));
  // New thread states, or changed thresholds and hours: ask again.
  const stopListening = onPush(() => void refresh());
  // Ages move on here; past a working window's start or end the background's
  // reading of business time no longer holds, and it is asked again.
  const tick = window.setInterval(() => {
    const now = Date.now();
    if (loaded && [...loaded.waitingById.values()].some((thread) => now >= thread.business.until)) void refresh();
    else apply(loaded);
  }, AGE_TICK_MS);
  signal.addEventListener(
    'abort',
    () => {
      stopListening();
      window.clearInterval(tick);
      // A feature switched off, another page, an updated extension: no badge stays behind.
      clear();
    },
    { once: true },
  );
  void refresh();
}

/** A badge on each waiting thread's row of a project's task list. */
export function mountRowBadges(context: FeatureContext<'project'>): void {
  const { origin, page } = context;
  // Reading 5,000 rows is the costly part of a pass: it is redone only when
  // the list changed, not for the 30-s ages or changes elsewhere on the page.
  let listed: { list: Element | null; rows: TaskRow[] } | undefined;
  const currentRows = () => {
    const list = findAnchor(document, 'taskList').element;
    if (!listed || listed.list !== list || !list) listed = { list, rows: taskRows(document) };
    return listed.rows;
  };
  keepBadged(
    context,
    () => ask('replies/project', { origin, projectId: page.projectId }),
    (loaded, changed) => {
      if (changed && listed?.list && changed.some((record) => listed?.list?.contains(record.target))) listed = undefined;
      if (loaded && loaded.waitingById.size > 0) badgeRows(currentRows(), loaded.waitingById, Date.now(), loaded.rules);
      else clearRowBadges(document);
    },
    () => clearRowBadges(document),
  );
}

/** The badge and its line beside a waiting task's title, on its page or in its modal (or in the dock, without a title). */
export function mountTitleBadge(context: TaskFeatureContext): void {
  const { origin, page, root, docked } = context;
  const show = (thread: WaitingThread | null, rules: ClockRules) =>
    docked ? badgeInDock(context.container(), thread, Date.now(), rules) : badgeTaskTitle(root, thread, Date.now(), rules);
  // A reply sent here clears the badge at once, not at the next poll.
  watchSentReplies(context);
  keepBadged(
    context,
    async () => {
      const reply = await ask('replies/task', { origin, taskId: page.taskId });
      return reply.ok ? { ok: true, value: reply.value ? [reply.value] : [] } : reply;
    },
    (loaded) => {
      if (loaded) show(loaded.waitingById.get(page.taskId) ?? null, loaded.rules);
    },
    () => clearTitleBadges(root),
  );
}
