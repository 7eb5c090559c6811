/**
 * Capture in the background: heartbeats and stops from content scripts, the
 * screen lock, pause. Each one is a short Dexie transaction that reads the
 * open session row, applies the pure stitching rules and writes the rows
 * back, so a stopped service worker loses nothing and two tabs can't both
 * hold an open session.
 */
import type { AccountDeskDb } from '../../db';
import { applyHeartbeat, applyStop, stopEverything, type SessionStep, type StitchRules } from '../../account-time/sessions';
import type { Heartbeat, Session, Stop } from '../../account-time/types';

export const PAUSED_KEY = 'accountTime.paused';
export const LOCKED_KEY = 'accountTime.lockedAt';

export interface CaptureDeps {
  db: AccountDeskDb;
  idleLimitMs: number;
}

async function openSession(db: AccountDeskDb): Promise<Session | undefined> {
  // At most one row is open; should a bug ever leave two, the newest wins and the others close below.
  const open = await db.sessions.where('open').equals(1).sortBy('start');
  for (const stale of open.slice(0, -1)) await db.sessions.put({ ...stale, open: 0 });
  return open.at(-1);
}

async function write(db: AccountDeskDb, step: SessionStep): Promise<void> {
  if (step.close) await db.sessions.put(step.close);
  if (step.open) await db.sessions.put(step.open);
}

async function rules(db: AccountDeskDb, idleLimitMs: number): Promise<StitchRules> {
  const [paused, locked] = await Promise.all([db.state.get(PAUSED_KEY), db.state.get(LOCKED_KEY)]);
  return { idleLimitMs, paused: paused?.value === true, lockedAt: typeof locked?.value === 'number' ? locked.value : undefined };
}

/** Returns the open session after the heartbeat (undefined: this tab is not counting). */
export async function recordHeartbeat({ db, idleLimitMs }: CaptureDeps, beat: Heartbeat): Promise<Session | undefined> {
  return db.transaction('rw', [db.sessions, db.state], async () => {
    const step = applyHeartbeat(await openSession(db), beat, await rules(db, idleLimitMs));
    await write(db, step);
    return step.open && step.open.tabId === beat.tabId ? step.open : undefined;
  });
}

export async function recordStop({ db, idleLimitMs }: CaptureDeps, stop: Stop): Promise<void> {
  await db.transaction('rw', [db.sessions, db.state], async () => {
    await write(db, applyStop(await openSession(db), stop, await rules(db, idleLimitMs)));
  });
}

/** Screen lock: stop at once; input from before the lock can't restart counting. */
export async function recordLock({ db, idleLimitMs }: CaptureDeps, at: number): Promise<void> {
  await db.transaction('rw', [db.sessions, db.state], async () => {
    await write(db, stopEverything(await openSession(db), at, idleLimitMs));
    await db.state.put({ key: LOCKED_KEY, value: at });
  });
}

export async function setPaused({ db, idleLimitMs }: CaptureDeps, paused: boolean, at: number): Promise<boolean> {
  await db.transaction('rw', [db.sessions, db.state], async () => {
    if (paused) await write(db, stopEverything(await openSession(db), at, idleLimitMs));
    await db.state.put({ key: PAUSED_KEY, value: paused });
  });
  return paused;
}

export async function isPaused(db: AccountDeskDb): Promise<boolean> {
  return (await db.state.get(PAUSED_KEY))?.value === true;
}

/** The open session, if it is still live (a heartbeat within the idle limit). */
export async function liveSession(db: AccountDeskDb, now: number, idleLimitMs: number): Promise<Session | undefined> {
  const open = await db.sessions.where('open').equals(1).last();
  return open && now - open.end <= idleLimitMs ? open : undefined;
}
