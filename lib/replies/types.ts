/**
 * Reply badges' vocabulary (shared/DESIGN.md §2): client users, client
 * threads, replies, waiting since, the reply clock and its states.
 * Plain data only; the pure functions beside this file compute them.
 */

export type ReplyState = 'ok' | 'soon' | 'late' | 'escalated';

/** Minutes of calendar wait at which a waiting thread changes state (defaults 10 / 15 / 30). */
export interface ReplyThresholds {
  /** From this many minutes the thread is `soon`. */
  soon: number;
  /** Over this many minutes it is `late` (the case study's 15-minute target). */
  late: number;
  /** Over this many minutes it is `escalated` (when clients called the agency's leadership). */
  escalated: number;
}

/** When the agency works, for business minutes. */
export interface BusinessHours {
  /** IANA time zone of the account, e.g. "Europe/Kyiv". */
  timeZone: string;
  /** ISO weekdays that are working days: 1 = Monday … 7 = Sunday. */
  workDays: number[];
  /** "HH:MM" wall-clock start and end of a working day (end after start). */
  start: string;
  end: string;
  /** Days off, "YYYY-MM-DD" in the account's time zone. */
  holidays: string[];
}

export interface Person {
  id: string;
  name: string;
  email: string;
}

/** What a comment is, for the reply clock. */
export interface ThreadComment {
  id: string;
  /** Instant, ms since epoch. */
  at: number;
  author: Person;
  /** Written by a client user. */
  byClient: boolean;
  /** A team comment that answers: not a checklist-only comment (see threadReplies). */
  countsAsReply: boolean;
}

/** One client wait, from the first unanswered client comment to the team reply that ended it. */
export interface WaitEpisode {
  clientCommentId: string;
  client: Person;
  startedAt: number;
  repliedAt: number;
  replyCommentId: string;
  replier: Person;
  /** The thread's first episode (first-reply time) or a later one (next-reply time). */
  first: boolean;
}

export interface ThreadReplies {
  /** The oldest client comment not yet followed by a reply; absent when not waiting. */
  waiting?: { since: number; commentId: string; client: Person };
  episodes: WaitEpisode[];
}

export interface ReplyClock {
  calendarMinutes: number;
  businessMinutes: number;
  state: ReplyState;
}

/**
 * A wait's business time as the background read it, and how it runs on:
 * from `at` until `until` it grows one to one with the clock (`working`) or
 * not at all. Pages move badges on with it and ask again after `until`.
 */
export interface BusinessRun {
  at: number;
  /** Working milliseconds from the wait's start to `at`. */
  workedMs: number;
  working: boolean;
  /** The next instant a working window starts or ends. */
  until: number;
}
