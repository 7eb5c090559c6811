/**
 * Reply badges on Worksection pages: which client threads wait for a reply,
 * and for how long, on a project's task list and on a task page.
 *
 * The background owns the data; this asks it (`replies/project`,
 * `replies/task`, `settings/get`) when the page changes or when the
 * background announces changed thread states or settings (a push message),
 * re-applies badges when Worksection re-renders parts of the page (one check
 * per animation frame), and moves ages on every 30 s without asking again.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { ask, onPush, type Problem, type Result, type WaitingThread } from '@/lib/messages';
import { findAnchor, taskRows } from '@/lib/page/selectors';
import { parseWorksectionPath, type WorksectionPage } from '@/lib/worksection/paths';
import { badgeRows, clearRowBadges, type TaskRow } from './rows';
import { badgeTaskTitle, clearTitleBadges } from './task-title';
import type { ClockRules } from './view';
import { onDomChange } from '../dom-changes';

export { badgeRows, type BadgeRun, type TaskRow } from './rows';

const AGE_TICK_MS = 30_000;
/** Badges (account-desk-reply) and the page bar (account-desk-ui). */

type BadgedPage = Extract<WorksectionPage, { kind: 'project' | 'task' }>;

interface Loaded {
  /** The page the threads were asked for. */
  key: string;
  waitingById: Map<string, WaitingThread>;
  rules: ClockRules;
}

function currentPage(): WorksectionPage {
  return parseWorksectionPath(location.pathname, location.hash);
}

function pageKey(page: WorksectionPage): string | null {
  if (page.kind === 'project') return `project:${page.projectId}`;
  if (page.kind === 'task') return `task:${page.taskId}`;
  return null;
}

async function askWaiting(page: BadgedPage, origin: string): Promise<Result<WaitingThread[]>> {
  if (page.kind === 'project') return ask('replies/project', { origin, projectId: page.projectId });
  const reply = await ask('replies/task', { origin, taskId: page.taskId });
  return reply.ok ? { ok: true, value: reply.value ? [reply.value] : [] } : reply;
}

function warn(problem: Problem): void {
  console.warn(`Account Desk, reply badges: ${problem.message} (${problem.kind})`);
}

export function startReplyBadges(ctx: ContentScriptContext): void {
  let loaded: Loaded | undefined;
  let generation = 0;
  // Reading 5,000 rows is the costly part of a pass: it is redone only when
  // the list changed, not for the 30-s ages or changes elsewhere on the page.
  let listed: { list: Element | null; rows: TaskRow[] } | undefined;
  const currentRows = () => {
    const list = findAnchor(document, 'taskList').element;
    if (!listed || listed.list !== list || !list) listed = { list, rows: taskRows(document) };
    return listed.rows;
  };

  /** Badges for what is loaded now; nothing for a page it wasn't loaded for. */
  const apply = () => {
    if (ctx.isInvalid) return;
    const page = currentPage();
    const data = loaded && loaded.key === pageKey(page) ? loaded : undefined;
    const now = Date.now();
    if (page.kind === 'project' && data && data.waitingById.size > 0) {
      badgeRows(currentRows(), data.waitingById, now, data.rules);
    } else {
      clearRowBadges(document);
    }
    if (page.kind === 'task' && data) badgeTaskTitle(document, data.waitingById.get(page.taskId) ?? null, now, data.rules);
    else clearTitleBadges(document);
  };

  const refresh = async () => {
    const run = ++generation;
    const page = currentPage();
    const key = pageKey(page);
    if (key === null || (page.kind !== 'project' && page.kind !== 'task')) {
      loaded = undefined;
      apply();
      return;
    }
    const [threads, settings] = await Promise.all([askWaiting(page, location.origin), ask('settings/get', {})]);
    // A newer refresh (another page, a newer version) has started meanwhile.
    if (run !== generation || ctx.isInvalid) return;
    if (threads.ok && settings.ok) {
      const on = settings.value.features.replyBadges;
      loaded = {
        key,
        waitingById: new Map(on ? threads.value.map((thread) => [thread.taskId, thread]) : []),
        rules: settings.value,
      };
    } else {
      warn(!threads.ok ? threads.problem : (settings as Extract<typeof settings, { ok: false }>).problem);
      // Keep what this page showed; a failed answer is no news about its threads.
      if (loaded?.key !== key) loaded = undefined;
    }
    apply();
  };

  // Worksection swaps page parts without navigating (our own badges coming
  // and going are not news): a changed task list is read again.
  onDomChange(ctx, (changed) => {
    if (listed?.list && changed.some((record) => listed?.list?.contains(record.target))) listed = undefined;
    apply();
  });

  // New thread states, or changed thresholds and hours: ask again.
  const stopListening = onPush(() => void refresh());

  ctx.addEventListener(window, 'wxt:locationchange', () => void refresh());
  ctx.setInterval(apply, AGE_TICK_MS);
  ctx.onInvalidated(() => {
    stopListening();
    // An updated or removed extension leaves no badge behind.
    clearRowBadges(document);
    clearTitleBadges(document);
  });
  void refresh();
}
