/**
 * Badges on a project's task list: one on each waiting thread's row, inside
 * the name cell after the title link, and none anywhere else.
 *
 * Built for lists of thousands of rows: one pass over the rows with a Map
 * lookup each, and DOM writes only on rows that are waiting or that still
 * carry a badge from before.
 */
import type { WaitingThread } from '@/lib/replies/protocol';
import type { taskRows } from '@/lib/page/selectors';
import { BADGE_TAG, createBadge, ownsBadge, renderBadge } from './badge';
import { badgeView, readClock, type ClockRules } from './view';

export type TaskRow = ReturnType<typeof taskRows>[number];

/** Set on a row that carries a badge (value: the task id), so a row is never badged twice. */
export const ROW_MARK = 'data-account-desk-reply';

export interface BadgeRun {
  /** Rows with a badge after the run. */
  badged: number;
  /** Badges taken away (thread answered, or the row now shows another task). */
  removed: number;
}

/**
 * Puts, updates or removes the badge of every row in `rows` for the waiting
 * threads in `waitingById` (by task id), with ages read at `now` (ms) under
 * `rules` (the thresholds, e.g. the user's Settings).
 * Idempotent: running it again with the same input changes nothing.
 */
export function badgeRows(
  rows: readonly TaskRow[],
  waitingById: ReadonlyMap<string, WaitingThread>,
  now: number,
  rules: ClockRules,
): BadgeRun {
  const run: BadgeRun = { badged: 0, removed: 0 };
  for (const { row, taskId, link } of rows) {
    const thread = taskId === null ? undefined : waitingById.get(taskId);
    const mark = row.getAttribute(ROW_MARK);
    if (!thread) {
      if (mark !== null) {
        removeRowBadge(row);
        run.removed++;
      }
      continue;
    }
    let host = mark === thread.taskId ? row.querySelector(BADGE_TAG) : null;
    if (!host || !ownsBadge(host)) {
      // A new row, a row Worksection re-rendered inside, or a badge left by an older content script.
      if (mark !== null) removeRowBadge(row);
      host = insertRowBadge(row, link, thread.taskId);
    }
    renderBadge(host, badgeView(thread, readClock(thread, now, rules).clock));
    run.badged++;
  }
  return run;
}

function insertRowBadge(row: Element, link: Element | null, taskId: string): Element {
  const host = createBadge(row.ownerDocument, 'row');
  // After the title link; without one, in the name cell, else in the row's action slot (.td_actions, classic layout).
  if (link) link.after(host);
  else (row.querySelector('.name') ?? row.querySelector('.td_actions') ?? row).append(host);
  row.setAttribute(ROW_MARK, taskId);
  return host;
}

function removeRowBadge(row: Element): void {
  for (const host of row.querySelectorAll(BADGE_TAG)) host.remove();
  row.removeAttribute(ROW_MARK);
}

/** Takes every row badge under `root` away (nothing waits here, or the feature stops). */
export function clearRowBadges(root: ParentNode): number {
  const rows = root.querySelectorAll(`[${ROW_MARK}]`);
  for (const row of rows) removeRowBadge(row);
  return rows.length;
}
