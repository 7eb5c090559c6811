// Stitching heartbeats into sessions. Pure: the background reads the open
// session row, asks these functions what changes, and writes the rows back,
// so nothing depends on the service worker's memory.
import type { Heartbeat, Session, Stop } from './types';

/** What to write: the session to close (final values), and the open one (new or extended). */
export interface SessionStep {
  close?: Session;
  open?: Session;
  /** Why a heartbeat changed nothing. */
  ignored?: 'older-focus' | 'idle' | 'locked' | 'paused';
}

export interface StitchRules {
  idleLimitMs: number;
  /** Input before this instant (a screen lock) can't restart counting. */
  lockedAt?: number;
  paused?: boolean;
}

const clamp = (value: number, low: number, high: number) => Math.min(Math.max(value, low), high);

/** `session` closed at `end` (never before its start). */
export function closeAt(session: Session, end: number): Session {
  return { ...session, open: 0, end: Math.max(session.start, end) };
}

/**
 * Where an interrupted session ends: at the interruption when the user was
 * active within the idle limit, else back-dated to the last activity.
 */
export function honestEnd(session: Session, at: number, lastActivityAt: number, idleLimitMs: number): number {
  const activity = Math.max(session.lastActivityAt, lastActivityAt);
  return at - activity <= idleLimitMs ? at : activity;
}

function fresh(beat: Heartbeat): Session {
  return {
    start: beat.at,
    end: beat.at,
    open: 1,
    taskId: beat.taskId,
    projectId: beat.projectId,
    lastActivityAt: beat.lastActivityAt,
    tabId: beat.tabId,
    focusedAt: beat.focusedAt,
    ...(beat.pageId === undefined ? {} : { pageId: beat.pageId }),
    ...(beat.origin === undefined ? {} : { origin: beat.origin }),
  };
}

export function applyHeartbeat(open: Session | undefined, beat: Heartbeat, rules: StitchRules): SessionStep {
  const { idleLimitMs } = rules;
  if (rules.paused) return { ignored: 'paused', close: open && closeAt(open, open.end) };
  if (rules.lockedAt !== undefined && beat.lastActivityAt <= rules.lockedAt) return { ignored: 'locked' };
  const idle = beat.at - beat.lastActivityAt > idleLimitMs;

  if (!open) return idle ? { ignored: 'idle' } : { open: fresh(beat) };

  // A gap longer than the idle limit: the open session was abandoned (its tab
  // went away without a word); it ends at its last activity.
  if (beat.at - open.end > idleLimitMs) {
    const close = closeAt(open, Math.min(open.end, open.lastActivityAt));
    return idle ? { close, ignored: 'idle' } : { close, open: fresh(beat) };
  }

  if (beat.tabId !== open.tabId) {
    // Two windows never count twice: the tab focused last owns the clock.
    if (beat.focusedAt < open.focusedAt) return { ignored: 'older-focus' };
    if (idle) return { ignored: 'idle' };
    // The other tab kept the focus (it would have said so otherwise) until this
    // one took it, unless its user had gone idle before.
    const close = closeAt(open, clamp(Math.min(beat.focusedAt, open.lastActivityAt + idleLimitMs), open.start, beat.at));
    return { close, open: { ...fresh(beat), start: Math.max(beat.at, close.end) } };
  }

  if (beat.pageId !== open.pageId) {
    // A new page load in the same tab whose previous page never said goodbye
    // (a stop sent while unloading can be lost): the old page ends at its last heartbeat.
    const close = closeAt(open, open.end);
    return idle ? { close, ignored: 'idle' } : { close, open: fresh(beat) };
  }

  if (idle) return { close: closeAt(open, honestEnd(open, beat.at, beat.lastActivityAt, idleLimitMs)), ignored: 'idle' };

  if (beat.taskId !== open.taskId || beat.origin !== open.origin) {
    // Same tab, another thread (in-page navigation): the old one ends now.
    return { close: closeAt(open, beat.at), open: fresh(beat) };
  }

  return {
    open: {
      ...open,
      end: Math.max(open.end, beat.at),
      lastActivityAt: Math.max(open.lastActivityAt, beat.lastActivityAt),
      focusedAt: Math.max(open.focusedAt, beat.focusedAt),
    },
  };
}

/** A tab stopped counting; only the tab that owns the open session can close it. */
export function applyStop(open: Session | undefined, stop: Stop, rules: StitchRules): SessionStep {
  if (!open || open.tabId !== stop.tabId) return {};
  if (stop.reason === 'idle') return { close: closeAt(open, Math.min(stop.at, Math.max(open.lastActivityAt, stop.lastActivityAt))) };
  return { close: closeAt(open, honestEnd(open, stop.at, stop.lastActivityAt, rules.idleLimitMs)) };
}

/** Screen lock or pause: whatever is open stops now (never later than the user could have been active). */
export function stopEverything(open: Session | undefined, at: number, idleLimitMs: number): SessionStep {
  if (!open) return {};
  const end = Math.min(at, Math.max(open.end, open.lastActivityAt + idleLimitMs));
  return { close: closeAt(open, end) };
}
