// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { BADGE_TAG } from '@/components/replies/badge';
import { badgeTaskTitle, clearTitleBadges, TITLE_MARK } from '@/components/replies/task-title';
import { NOW, pill, RULES, savedPage, SIMULATOR, simulatorTaskPage, useEnglishMessages, waitingThread } from './badges-support';

// The simulator's task page: its task under `.task h1`.
const TASK = SIMULATOR.taskId;
const OTHER_TASK = String(Number(TASK) + 1);

describe('badgeTaskTitle on task pages', () => {
  beforeEach(() => useEnglishMessages());

  const line = (host: Element | null) => host?.shadowRoot?.querySelector('.line')?.textContent;

  it('puts the badge inside the title after the link, with the client and the business-hours age', () => {
    const doc = simulatorTaskPage();
    const since = Date.parse('2025-03-12T17:50:00Z');
    const thread = waitingThread(TASK, 0, { waitingSince: since });

    const host = badgeTaskTitle(doc, thread, since + 40 * 60_000, RULES);

    const title = doc.querySelector('.task h1')!;
    expect(host?.parentElement).toBe(title);
    expect(title.querySelector('a')?.nextElementSibling).toBe(host);
    expect(title.getAttribute(TITLE_MARK)).toBe(TASK);
    expect(pill(host).textContent).toBe('40m');
    expect(pill(host).getAttribute('aria-label')).toBe('Client waiting 40 minutes, escalated');
    expect(line(host)).toBe('Laura Bennett waiting 40m · 10m in business hours');
  });

  it('is idempotent and goes away when the thread is answered', () => {
    const doc = simulatorTaskPage();
    const thread = waitingThread(TASK, 20);
    const first = badgeTaskTitle(doc, thread, NOW, RULES);
    expect(badgeTaskTitle(doc, thread, NOW, RULES)).toBe(first);
    expect(doc.querySelectorAll(BADGE_TAG)).toHaveLength(1);

    expect(badgeTaskTitle(doc, null, NOW, RULES)).toBeNull();
    expect(doc.querySelectorAll(BADGE_TAG)).toHaveLength(0);
    expect(doc.querySelector(`[${TITLE_MARK}]`)).toBeNull();
  });

  it('replaces the badge when the title now shows another task', () => {
    const doc = simulatorTaskPage();
    badgeTaskTitle(doc, waitingThread(TASK, 20), NOW, RULES);
    const other = badgeTaskTitle(doc, waitingThread(OTHER_TASK, 5), NOW, RULES);
    expect(doc.querySelectorAll(BADGE_TAG)).toHaveLength(1);
    expect(pill(other).textContent).toBe('5m');
    clearTitleBadges(doc);
    expect(doc.querySelectorAll(BADGE_TAG)).toHaveLength(0);
  });

  it('uses the modal title of the classic layout', () => {
    const doc = savedPage('classic-task-modal.html');
    const host = badgeTaskTitle(doc, waitingThread('331786', 20), NOW, RULES);
    expect(host?.parentElement?.matches('#TB_title .name')).toBe(true);
  });

  it('shows nothing, and does not fail, when the layout has no title anchor', () => {
    const doc = savedPage('redesign-unknown.html');
    expect(badgeTaskTitle(doc, waitingThread(TASK, 20), NOW, RULES)).toBeNull();
    expect(doc.querySelectorAll(BADGE_TAG)).toHaveLength(0);
  });

  it('renders a hostile client name as text', () => {
    const doc = simulatorTaskPage();
    const name = '<img src=x onerror=alert(1)> <script>alert(2)</script>';
    const host = badgeTaskTitle(doc, waitingThread(TASK, 20, { client: { id: '1', name, email: '' } }), NOW, RULES);
    expect(line(host)).toBe(`${name} waiting 20m · 20m in business hours`);
    expect(host?.shadowRoot?.querySelectorAll('img, script')).toHaveLength(0);
  });
});
