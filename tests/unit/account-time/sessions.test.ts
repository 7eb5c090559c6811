import { describe, expect, it } from 'vitest';
import { applyHeartbeat, applyStop, stopEverything } from '@/lib/account-time/sessions';
import type { Heartbeat, Session } from '@/lib/account-time/types';

const S = 1000;
const rules = { idleLimitMs: 60 * S };
const beat = (at: number, extra: Partial<Heartbeat> = {}): Heartbeat => ({
  tabId: 1,
  taskId: '10',
  projectId: '7',
  at,
  lastActivityAt: at,
  focusedAt: 0,
  ...extra,
});

/** Feed heartbeats through the stitcher like the background does; returns every stored row. */
function stitch(beats: Heartbeat[], rulesIn = rules): Session[] {
  const closed: Session[] = [];
  let open: Session | undefined;
  for (const b of beats) {
    const step = applyHeartbeat(open, b, rulesIn);
    if (step.close) closed.push(step.close);
    open = step.open ?? (step.close ? undefined : open);
  }
  return open ? [...closed, open] : closed;
}
const duration = (rows: Session[]) => rows.reduce((sum, row) => sum + row.end - row.start, 0);

describe('stitching heartbeats into sessions', () => {
  it('extends one open session with each heartbeat', () => {
    const rows = stitch([0, 15, 30, 45].map((s) => beat(s * S)));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ start: 0, end: 45 * S, open: 1 });
  });

  it('closes a session back-dated to the last activity after a gap longer than the idle limit, and opens a new one', () => {
    const rows = stitch([beat(0), beat(15 * S, { lastActivityAt: 10 * S }), beat(200 * S)]);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ start: 0, end: 10 * S, open: 0 });
    expect(rows[1]).toMatchObject({ start: 200 * S, end: 200 * S, open: 1 });
  });

  it('a heartbeat saying the user has been idle past the limit closes the session at the last activity', () => {
    const rows = stitch([beat(0), beat(15 * S), beat(30 * S, { lastActivityAt: 15 * S }), beat(80 * S, { lastActivityAt: 15 * S })]);
    expect(rows).toEqual([expect.objectContaining({ start: 0, end: 15 * S, open: 0 })]);
  });

  it('the idle limit is a setting: 15 s idle counts under a 60 s limit and stops under a 15 s one', () => {
    const beats = [beat(0), beat(5 * S), beat(21 * S, { lastActivityAt: 5 * S })];
    expect(duration(stitch(beats))).toBe(21 * S);
    expect(duration(stitch(beats, { idleLimitMs: 15 * S }))).toBe(5 * S);
  });

  it('two tabs never count twice: the tab focused last owns the clock, the other one is ignored', () => {
    const a = (at: number) => beat(at, { tabId: 1, taskId: '10', focusedAt: 0 });
    const b = (at: number) => beat(at, { tabId: 2, taskId: '20', focusedAt: 20 * S });
    const rows = stitch([a(0), a(15 * S), b(21 * S), a(25 * S), b(30 * S), a(40 * S), b(45 * S)]);
    expect(rows.map((r) => [r.taskId, r.start, r.end])).toEqual([
      ['10', 0, 20 * S],
      ['20', 21 * S, 45 * S],
    ]);
    // No overlap: wall time covered is at most the wall time elapsed.
    expect(duration(rows)).toBeLessThanOrEqual(45 * S);
  });

  it('an older tab takes over again once it is focused later', () => {
    const rows = stitch([
      beat(0, { tabId: 1, focusedAt: 0 }),
      beat(10 * S, { tabId: 2, taskId: '20', focusedAt: 5 * S }),
      beat(20 * S, { tabId: 1, focusedAt: 18 * S }),
    ]);
    expect(rows.map((r) => [r.tabId, r.start, r.end])).toEqual([
      [1, 0, 5 * S],
      [2, 10 * S, 18 * S],
      [1, 20 * S, 20 * S],
    ]);
  });

  it('the same tab moving to another thread ends the first session there', () => {
    const rows = stitch([beat(0), beat(10 * S), beat(14 * S, { taskId: '11' })]);
    expect(rows.map((r) => [r.taskId, r.start, r.end, r.open])).toEqual([
      ['10', 0, 14 * S, 0],
      ['11', 14 * S, 14 * S, 1],
    ]);
  });

  it('input from before a screen lock cannot restart counting; input after it can', () => {
    expect(applyHeartbeat(undefined, beat(100 * S, { lastActivityAt: 90 * S }), { ...rules, lockedAt: 95 * S })).toEqual({ ignored: 'locked' });
    expect(applyHeartbeat(undefined, beat(100 * S, { lastActivityAt: 99 * S }), { ...rules, lockedAt: 95 * S }).open).toBeDefined();
  });

  it('while paused nothing opens and the open session closes at its last heartbeat', () => {
    const open: Session = { ...stitch([beat(0), beat(10 * S)])[0]! };
    expect(applyHeartbeat(open, beat(15 * S), { ...rules, paused: true })).toMatchObject({ ignored: 'paused', close: { end: 10 * S, open: 0 } });
  });
});

describe('stopping', () => {
  const open = (): Session => stitch([beat(0), beat(15 * S, { lastActivityAt: 12 * S })])[0]!;

  it('losing focus or visibility ends the session at that moment when the user was active', () => {
    expect(applyStop(open(), { tabId: 1, at: 20 * S, lastActivityAt: 19 * S, reason: 'blur' }, rules).close).toMatchObject({ end: 20 * S, open: 0 });
  });

  it('going idle ends it back-dated to the last activity', () => {
    expect(applyStop(open(), { tabId: 1, at: 72 * S, lastActivityAt: 12 * S, reason: 'idle' }, rules).close).toMatchObject({ end: 12 * S });
  });

  it('a stop from a tab that does not own the session changes nothing', () => {
    expect(applyStop(open(), { tabId: 2, at: 20 * S, lastActivityAt: 20 * S, reason: 'hidden' }, rules)).toEqual({});
  });

  it('a screen lock stops at once, never after the idle limit', () => {
    expect(stopEverything(open(), 16 * S, rules.idleLimitMs).close).toMatchObject({ end: 16 * S });
    expect(stopEverything(open(), 500 * S, rules.idleLimitMs).close).toMatchObject({ end: 72 * S });
    expect(stopEverything(undefined, 16 * S, rules.idleLimitMs)).toEqual({});
  });
});

describe('page loads', () => {
  it('a new page load in the same tab starts a new session; the old one ends at its last heartbeat even if its stop was lost', () => {
    const rows = stitch([beat(0, { pageId: 'a' }), beat(5 * S, { pageId: 'a' }), beat(9 * S, { pageId: 'b' }), beat(14 * S, { pageId: 'b' })]);
    expect(rows.map((r) => [r.pageId, r.start, r.end, r.open])).toEqual([
      ['a', 0, 5 * S, 0],
      ['b', 9 * S, 14 * S, 1],
    ]);
  });
});

describe('focus moving between tabs', () => {
  it('the tab losing focus counts until the other took it, but not past its own idle limit', () => {
    const rows = stitch([beat(0, { tabId: 1, focusedAt: 0 }), beat(100 * S, { tabId: 2, taskId: '20', focusedAt: 99 * S, lastActivityAt: 100 * S })], { idleLimitMs: 200 * S });
    expect(rows.map((r) => [r.tabId, r.start, r.end])).toEqual([
      [1, 0, 99 * S],
      [2, 100 * S, 100 * S],
    ]);
    const idleFirst = stitch([beat(0, { tabId: 1, focusedAt: 0 }), beat(50 * S, { tabId: 2, focusedAt: 49 * S })], { idleLimitMs: 15 * S });
    // The first tab's gap (50 s) exceeds the idle limit: closed at its last activity.
    expect(idleFirst.map((r) => [r.tabId, r.start, r.end])).toEqual([
      [1, 0, 0],
      [2, 50 * S, 50 * S],
    ]);
  });
});
