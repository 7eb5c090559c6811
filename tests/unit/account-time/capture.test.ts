import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { openDb, type AccountDeskDb } from '@/lib/db';
import { recordHeartbeat, recordLock, recordStop, setPaused } from '@/lib/background/account-time/capture';
import { projectAccountMs, threadTodayMs } from '@/lib/background/account-time/queries';
import { deleteEntry, listEntries, saveEntry } from '@/lib/background/account-time/manual';
import { periodOf } from '@/lib/account-time/periods';
import type { Heartbeat } from '@/lib/account-time/types';

const S = 1000;
const T0 = Date.parse('2025-03-12T10:00:00Z');
const idleLimitMs = 15 * S;

describe('capture in Dexie', () => {
  let name: string;
  let db: AccountDeskDb;
  const deps = () => ({ db, idleLimitMs });
  const beat = (seconds: number, extra: Partial<Heartbeat> = {}): Heartbeat => ({
    tabId: 1,
    taskId: '10',
    projectId: '7',
    at: T0 + seconds * S,
    lastActivityAt: T0 + seconds * S,
    focusedAt: T0,
    ...extra,
  });
  const today = () => threadTodayMs(db, '10', T0 + 3600 * S, 'UTC');

  beforeEach(() => {
    name = `capture-${Math.random()}`;
    db = openDb(name);
  });

  it('keeps the open session in a row, so a restarted worker (a new connection) carries on without losing a second', async () => {
    for (const s of [0, 5, 10]) await recordHeartbeat(deps(), beat(s));
    db.close();
    db = openDb(name); // the service worker was stopped and woken by the next heartbeat
    for (const s of [15, 20]) await recordHeartbeat(deps(), beat(s));
    await recordStop(deps(), { tabId: 1, at: T0 + 22 * S, lastActivityAt: T0 + 21 * S, reason: 'leave' });
    expect(await today()).toBe(22 * S);
    expect(await db.sessions.count()).toBe(1);
  });

  it('two tabs never count twice, and never both hold an open session', async () => {
    for (const s of [0, 5, 10, 15, 20]) {
      await recordHeartbeat(deps(), beat(s, { tabId: 1, focusedAt: T0 }));
      await recordHeartbeat(deps(), beat(s + 1, { tabId: 2, taskId: '11', focusedAt: T0 + 1 * S }));
    }
    expect(await db.sessions.where('open').equals(1).count()).toBe(1);
    const day = periodOf('day', T0, 'UTC');
    // Tab 1 until tab 2 took focus (1 s), then tab 2 to its last heartbeat (21 s): the wall time, once.
    expect(await projectAccountMs(db, '7', day)).toBe(21 * S);
  });

  it('a screen lock stops at once, and input from before it does not restart counting', async () => {
    for (const s of [0, 5]) await recordHeartbeat(deps(), beat(s));
    await recordLock(deps(), T0 + 7 * S);
    expect(await recordHeartbeat(deps(), beat(9, { lastActivityAt: T0 + 6 * S }))).toBeUndefined();
    expect(await today()).toBe(7 * S);
    expect(await recordHeartbeat(deps(), beat(30))).toBeDefined();
  });

  it('pause stops counting until resumed', async () => {
    await recordHeartbeat(deps(), beat(0));
    await recordHeartbeat(deps(), beat(4));
    await setPaused(deps(), true, T0 + 5 * S);
    expect(await recordHeartbeat(deps(), beat(6))).toBeUndefined();
    await setPaused(deps(), false, T0 + 8 * S);
    await recordHeartbeat(deps(), beat(10));
    await recordHeartbeat(deps(), beat(12));
    expect(await today()).toBe(5 * S + 2 * S);
  });
});

describe('manual entries', () => {
  let db: AccountDeskDb;
  beforeEach(() => {
    db = openDb(`manual-${Math.random()}`);
  });

  it('are added, edited and deleted, and count in their project and day', async () => {
    const saved = await saveEntry(db, { projectId: '7', date: '2025-03-12', minutes: 30, kind: 'call', note: ' Weekly call ' }, T0);
    expect(saved).toMatchObject({ id: expect.any(Number), note: 'Weekly call', createdAt: T0 });
    await saveEntry(db, { ...saved, minutes: 45 }, T0 + 1);
    expect(await projectAccountMs(db, '7', periodOf('day', T0, 'UTC'))).toBe(45 * 60 * S);
    expect((await listEntries(db, '7')).map((entry) => [entry.minutes, entry.createdAt])).toEqual([[45, T0]]);
    await deleteEntry(db, saved.id!);
    expect(await listEntries(db, '7')).toEqual([]);
  });

  it('refuse bad input with every problem named, and change nothing', async () => {
    await expect(saveEntry(db, { projectId: 'x', date: '12.03.2025', minutes: 0, kind: 'lunch', note: 5 }, T0)).rejects.toThrow(
      'Entry not saved: project: "x" is not a Worksection project id; date: expected a real date YYYY-MM-DD, got "12.03.2025"; minutes: expected whole minutes from 1 to 1440, got 0; kind: expected one of invoice, report, call, other, got "lunch"; note: expected text of at most 500 characters, got 5',
    );
    await expect(saveEntry(db, { id: 99, projectId: '7', date: '2025-03-12', minutes: 5, kind: 'call', note: '' }, T0)).rejects.toThrow('Entry 99 no longer exists');
    expect(await db.manualEntries.count()).toBe(0);
  });
});
