// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { BADGE_TAG } from '@/components/replies/badge';
import { badgeRows, clearRowBadges, ROW_MARK } from '@/components/replies/rows';
import { taskRows } from '@/lib/page/selectors';
import { byTaskId, MINUTE, NOW, pill, RULES, savedPage, SIMULATOR, simulatorProjectPage, useEnglishMessages, waitingThread } from './badges-support';

// The simulator's project page: rows over three levels.
const LATE_ROW = SIMULATOR.taskId;
const SUBTASK_ROW = SIMULATOR.subtaskId;

describe('badgeRows on the simulator\'s project page', () => {
  let doc: Document;
  beforeEach(() => {
    useEnglishMessages();
    doc = simulatorProjectPage();
  });

  const rowOf = (taskId: string) => {
    const row = doc.querySelector(`#tasks_images .item[data-id="${taskId}"]`);
    if (!row) throw new Error(`no row ${taskId} on the page`);
    return row;
  };
  const badgesIn = (taskId: string) => rowOf(taskId).querySelectorAll(BADGE_TAG);

  it('badges exactly the waiting rows, in the name cell right after the title link', () => {
    const run = badgeRows(taskRows(doc), byTaskId(waitingThread(LATE_ROW, 20), waitingThread(SUBTASK_ROW, 3)), NOW, RULES);

    expect(run).toEqual({ badged: 2, removed: 0 });
    expect(doc.querySelectorAll(BADGE_TAG)).toHaveLength(2);
    for (const taskId of [LATE_ROW, SUBTASK_ROW]) {
      const link = rowOf(taskId).querySelector('.name > a');
      expect(link?.nextElementSibling?.localName).toBe(BADGE_TAG);
      expect(rowOf(taskId).getAttribute(ROW_MARK)).toBe(taskId);
    }
    expect(doc.querySelectorAll(`[${ROW_MARK}]`)).toHaveLength(2);
  });

  it('falls back to the row\'s action slot when a row has no name cell', () => {
    const row = rowOf(LATE_ROW);
    row.querySelector('.name')?.remove();
    badgeRows(taskRows(doc), byTaskId(waitingThread(LATE_ROW, 20)), NOW, RULES);
    expect(row.querySelector(`.td_actions > ${BADGE_TAG}`)).not.toBeNull();
  });

  it('shows the calendar wait, the state, and an accessible name starting "Client waiting"', () => {
    badgeRows(taskRows(doc), byTaskId(waitingThread(LATE_ROW, 20), waitingThread(SUBTASK_ROW, 3)), NOW, RULES);

    const late = pill(badgesIn(LATE_ROW)[0]);
    expect(late.textContent).toBe('20m');
    expect(late.getAttribute('role')).toBe('img');
    expect(late.getAttribute('aria-label')).toBe('Client waiting 20 minutes, late');
    expect(late.dataset.state).toBe('late');
    expect(late.title).toBe('Laura Bennett has waited 20m (20m in business hours): late');

    const fresh = pill(badgesIn(SUBTASK_ROW)[0]);
    expect(fresh.textContent).toBe('3m');
    expect(fresh.getAttribute('aria-label')).toBe('Client waiting 3 minutes, within target');
    expect(fresh.dataset.state).toBe('ok');
  });

  it('moves the clock on itself: ages and states with `now`, business minutes from the reading the background sent', () => {
    // Waiting since Wednesday 17:50 UTC; the working day ends at 18:00.
    const since = Date.parse('2025-03-12T17:50:00Z');
    const thread = waitingThread(LATE_ROW, 0, { waitingSince: since });
    const rows = taskRows(doc);

    badgeRows(rows, byTaskId(thread), since + 12 * MINUTE, RULES);
    const host = badgesIn(LATE_ROW)[0];
    expect(pill(host).textContent).toBe('12m');
    expect(pill(host).dataset.state).toBe('soon');

    badgeRows(rows, byTaskId(thread), since + 125 * MINUTE, RULES);
    expect(badgesIn(LATE_ROW)[0]).toBe(host);
    expect(pill(host).textContent).toBe('2h 5m');
    expect(pill(host).dataset.state).toBe('escalated');
    expect(pill(host).getAttribute('aria-label')).toBe('Client waiting 2 hours 5 minutes, escalated');
    expect(pill(host).title).toBe('Laura Bennett has waited 2h 5m (10m in business hours): escalated');
  });

  it('follows the thresholds in the rules', () => {
    const strict = { ...RULES, replyThresholds: { soon: 2, late: 5, escalated: 8 } };
    badgeRows(taskRows(doc), byTaskId(waitingThread(LATE_ROW, 9)), NOW, strict);
    expect(pill(badgesIn(LATE_ROW)[0]).dataset.state).toBe('escalated');
  });

  it('is idempotent: a second run with the same input adds nothing and writes nothing', async () => {
    const waiting = byTaskId(waitingThread(LATE_ROW, 20), waitingThread(SUBTASK_ROW, 3));
    badgeRows(taskRows(doc), waiting, NOW, RULES);
    const host = badgesIn(LATE_ROW)[0]!;
    const records: MutationRecord[] = [];
    const observer = new MutationObserver((batch) => records.push(...batch));
    observer.observe(doc.body, { subtree: true, childList: true, attributes: true, characterData: true });
    observer.observe(host.shadowRoot!, { subtree: true, childList: true, attributes: true, characterData: true });

    const again = badgeRows(taskRows(doc), waiting, NOW, RULES);
    await Promise.resolve();
    records.push(...observer.takeRecords());
    observer.disconnect();

    expect(again).toEqual({ badged: 2, removed: 0 });
    expect(badgesIn(LATE_ROW)).toHaveLength(1);
    expect(badgesIn(LATE_ROW)[0]).toBe(host);
    expect(doc.querySelectorAll(BADGE_TAG)).toHaveLength(2);
    expect(records).toEqual([]);
  });

  it('takes the badge away when the thread is answered, and leaves the others', () => {
    const rows = taskRows(doc);
    badgeRows(rows, byTaskId(waitingThread(LATE_ROW, 20), waitingThread(SUBTASK_ROW, 3)), NOW, RULES);

    const run = badgeRows(rows, byTaskId(waitingThread(SUBTASK_ROW, 4)), NOW, RULES);

    expect(run).toEqual({ badged: 1, removed: 1 });
    expect(badgesIn(LATE_ROW)).toHaveLength(0);
    expect(rowOf(LATE_ROW).hasAttribute(ROW_MARK)).toBe(false);
    expect(badgesIn(SUBTASK_ROW)).toHaveLength(1);
    expect(clearRowBadges(doc)).toBe(1);
    expect(doc.querySelectorAll(BADGE_TAG)).toHaveLength(0);
  });

  it('puts the badge back once when Worksection re-renders a row or its name cell', () => {
    const waiting = byTaskId(waitingThread(LATE_ROW, 20));
    badgeRows(taskRows(doc), waiting, NOW, RULES);

    // The name cell re-rendered inside the marked row: the mark alone must not stop a new badge.
    const name = rowOf(LATE_ROW).querySelector('.name')!;
    name.innerHTML = `<a href="${SIMULATOR.taskPath}">Renamed task</a>`;
    badgeRows(taskRows(doc), waiting, NOW, RULES);
    expect(badgesIn(LATE_ROW)).toHaveLength(1);
    expect(rowOf(LATE_ROW).querySelector('.name > a')?.nextElementSibling?.localName).toBe(BADGE_TAG);

    // The whole row replaced by a fresh copy without mark or badge.
    const fresh = doc.createElement('div');
    fresh.className = 'item level0 active';
    fresh.setAttribute('data-id', LATE_ROW);
    fresh.innerHTML = `<div class="name"><a href="${SIMULATOR.taskPath}">Renamed task</a></div>`;
    rowOf(LATE_ROW).replaceWith(fresh);
    badgeRows(taskRows(doc), waiting, NOW, RULES);
    badgeRows(taskRows(doc), waiting, NOW, RULES);
    expect(badgesIn(LATE_ROW)).toHaveLength(1);
    expect(doc.querySelectorAll(BADGE_TAG)).toHaveLength(1);
  });

  it('moves a badge when a row now shows another task', () => {
    const rows = taskRows(doc);
    badgeRows(rows, byTaskId(waitingThread(LATE_ROW, 20)), NOW, RULES);
    rowOf(LATE_ROW).setAttribute('data-id', '999001');

    badgeRows(taskRows(doc), byTaskId(waitingThread('999001', 40)), NOW, RULES);

    const row = rowOf('999001');
    expect(row.getAttribute(ROW_MARK)).toBe('999001');
    expect(row.querySelectorAll(BADGE_TAG)).toHaveLength(1);
    expect(pill(row.querySelector(BADGE_TAG)).textContent).toBe('40m');
  });

  it('shows hostile client and task names as text: nothing is parsed into elements', () => {
    const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
    const thread = waitingThread(LATE_ROW, 20, {
      client: { id: '1', name: hostile, email: 'x@example.com' },
      taskName: hostile,
      projectName: hostile,
    });
    badgeRows(taskRows(doc), byTaskId(thread), NOW, RULES);

    const host = badgesIn(LATE_ROW)[0]!;
    expect(pill(host).title).toBe(`${hostile} has waited 20m (20m in business hours): late`);
    expect(host.shadowRoot!.querySelectorAll('img, script')).toHaveLength(0);
    expect(rowOf(LATE_ROW).querySelectorAll('img, script')).toHaveLength(0);
  });

  it('says "A client" when the client has no name', () => {
    const thread = waitingThread(LATE_ROW, 20, { client: { id: '', name: '  ', email: '' } });
    badgeRows(taskRows(doc), byTaskId(thread), NOW, RULES);
    expect(pill(badgesIn(LATE_ROW)[0]).title).toMatch(/^A client has waited 20m/);
  });

  it('skips rows it cannot tell the task of, and badges nothing when nobody waits', () => {
    const legacy = savedPage('classic-project.html');
    const rows = taskRows(legacy);
    expect(badgeRows(rows, new Map(), NOW, RULES)).toEqual({ badged: 0, removed: 0 });
    expect(legacy.querySelectorAll(BADGE_TAG)).toHaveLength(0);

    // The classic layout's third row has no data-id: its id comes from the link.
    badgeRows(rows, byTaskId(waitingThread('331910', 16)), NOW, RULES);
    expect(legacy.querySelectorAll(BADGE_TAG)).toHaveLength(1);
    expect(pill(legacy.querySelector(BADGE_TAG)).getAttribute('aria-label')).toBe('Client waiting 16 minutes, late');
  });
});
