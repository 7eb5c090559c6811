/**
 * The badge on a task page: beside the task title, with the waiting client's
 * name and the business-hours age. Without the title anchor (an unknown
 * layout) there is no task-page badge: the toolbar count and the popup still
 * list the thread, and diagnostics already report the missing anchor.
 */
import type { WaitingThread } from '@/lib/replies/protocol';
import { findAnchor } from '@/lib/page/selectors';
import { BADGE_TAG, createBadge, ownsBadge, renderBadge } from './badge';
import { badgeView, readClock, type ClockRules } from './view';

/** Set on the title anchor that carries a badge (value: the task id). */
export const TITLE_MARK = 'data-account-desk-reply-title';

/**
 * Shows `thread` (or nothing, for null) at the task title under `root`.
 * Returns the badge host, or null when there is none.
 */
export function badgeTaskTitle(root: ParentNode, thread: WaitingThread | null, now: number, rules: ClockRules): Element | null {
  const title = findAnchor(root, 'taskTitle').element;
  if (!thread) {
    if (title) clearTitleBadge(title);
    return null;
  }
  if (!title) return null;
  let host = title.getAttribute(TITLE_MARK) === thread.taskId ? title.querySelector(`:scope > ${BADGE_TAG}`) : null;
  if (!host || !ownsBadge(host)) {
    clearTitleBadge(title);
    host = createBadge(title.ownerDocument, 'task');
    // Inside the title, after its text or link: it reads as part of the heading.
    title.append(host);
    title.setAttribute(TITLE_MARK, thread.taskId);
  }
  renderBadge(host, badgeView(thread, readClock(thread, now, rules).clock));
  return host;
}

function clearTitleBadge(title: Element): void {
  for (const host of title.querySelectorAll(`:scope > ${BADGE_TAG}`)) host.remove();
  title.removeAttribute(TITLE_MARK);
}

/**
 * The thread's badge and line in the dock (its title not found): inside
 * `slot`, the docked feature's container; nothing there when `thread` is null.
 */
export function badgeInDock(slot: HTMLElement, thread: WaitingThread | null, now: number, rules: ClockRules): void {
  let host = slot.querySelector(`:scope > ${BADGE_TAG}`);
  if (!thread) {
    host?.remove();
    return;
  }
  if (!host || !ownsBadge(host)) {
    host?.remove();
    host = createBadge(slot.ownerDocument, 'task');
    slot.append(host);
  }
  renderBadge(host, badgeView(thread, readClock(thread, now, rules).clock));
}

/** Takes every title badge under `root` away. */
export function clearTitleBadges(root: ParentNode): void {
  for (const title of root.querySelectorAll(`[${TITLE_MARK}]`)) clearTitleBadge(title);
}
