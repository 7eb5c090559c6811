// Account time's plain data (DESIGN §2 "Account time"): engaged time in client
// threads, kept as sessions with a start and an end, plus manual entries for
// account work outside threads. Durations always come from timestamps.

/** Engaged time in one client thread. The open session is the row whose `open` is 1; its `end` moves with each heartbeat. */
export interface Session {
  id?: number;
  /** Epoch ms. */
  start: number;
  /** Epoch ms; for the open session, the last heartbeat. */
  end: number;
  /** 1 while heartbeats extend it (IndexedDB can't index booleans). */
  open: 0 | 1;
  taskId: string;
  projectId: string;
  /** The user's last input the background heard of; idle closes the session back-dated to it. */
  lastActivityAt: number;
  /** The browser tab the heartbeats come from. */
  tabId: number;
  /** When that tab last took focus: the latest focused tab wins. */
  focusedAt: number;
  /** Which page load in that tab (a reload or a new page is a new session, even when its last stop was lost). */
  pageId?: string;
  /** The Worksection account (origin) whose thread it is; absent in rows recorded before accounts were tracked. */
  origin?: string;
}

export type ManualKind = 'invoice' | 'report' | 'call' | 'other';

/** Account work outside threads, typed in by the user. */
export interface ManualEntry {
  id?: number;
  projectId: string;
  /** The calendar day it belongs to, "YYYY-MM-DD". */
  date: string;
  minutes: number;
  kind: ManualKind;
  note: string;
  createdAt: number;
  /** The Worksection account (origin) the entry was made for; absent in entries made before accounts were tracked. */
  origin?: string;
}

/** "I am here and active": sent every few seconds by a focused, visible client-thread tab. */
export interface Heartbeat {
  tabId: number;
  taskId: string;
  projectId: string;
  /** When it was sent (the background's clock when it arrives). */
  at: number;
  lastActivityAt: number;
  focusedAt: number;
  /** Random per page load (see Session.pageId). */
  pageId?: string;
  /** The account of the thread (see Session.origin). */
  origin?: string;
}

export type StopReason = 'idle' | 'hidden' | 'blur' | 'leave' | 'lock' | 'pause';

/** The tab stopped counting: it lost focus or visibility, went idle, or left the thread. */
export interface Stop {
  tabId: number;
  at: number;
  lastActivityAt: number;
  reason: StopReason;
}

/** Share thresholds in percent: green at or under `green`, amber at or under `amber`, red above. */
export interface ShareThresholds {
  green: number;
  amber: number;
}

export interface AccountTimeSettings {
  /** Seconds without input after which the user is idle (≥ 15). */
  idleSeconds: number;
  shareThresholds: ShareThresholds;
  /** The manager's hourly rate for the cost (null: not set). */
  hourlyRate: number | null;
  /** Write account time back to Worksection as time costs (opt-in). */
  writeBack: boolean;
}
