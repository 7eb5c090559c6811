/**
 * Account Desk's database (IndexedDB through Dexie), opened only by the
 * background. The schema is declared here, versioned; each version adds what
 * a feature needs, with upgrade functions only where rows must change.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { PageVisit } from './page/protocol';
import type { Person, WaitEpisode } from './replies/types';
import type { TemplateApplication } from './templates/journal';
import type { PersonalTemplateRow, RoleMappingRow, SavedChecklistRow } from './templates/store-types';
import type { ManualEntry, Session } from './account-time/types';
import type { PersonalReplyRow, ReplyUsageRow } from './quick-replies/store-types';
import type { WriteBackEntry } from './account-time/write-back';

/** A cached API answer (project and task names for the page bar). */
export interface CacheRow {
  key: string;
  value: unknown;
  fetchedAt: number;
}

/** A task or subtask as reply badges see it. */
export interface ThreadRow {
  taskId: string;
  projectId: string;
  projectName: string;
  taskName: string;
  /** Task page path, e.g. /project/P/T/S/. */
  page: string;
  status: 'active' | 'done';
  author?: Person;
  assignee?: Person;
  /** 1 when a client commented, authored or is assigned (or the project is a client project). IndexedDB can't index booleans. */
  clientThread: 0 | 1;
  /** 1 while a client comment waits for a reply. */
  waiting: 0 | 1;
  waitingSince?: number;
  waitingCommentId?: string;
  waitingClient?: Person;
  /** The wait each notification was sent for (its waitingSince), so each is sent once. */
  notifiedLate?: number;
  notifiedEscalated?: number;
  /** When its comments were last read from the API. */
  commentsSyncedAt?: number;
}

export interface CommentRow {
  id: string;
  taskId: string;
  at: number;
  author: Person;
  text: string;
}

export interface EpisodeRow extends WaitEpisode {
  /** taskId:clientCommentId — the same wait is stored once however often it is seen. */
  id: string;
  taskId: string;
  projectId: string;
  calendarMinutes: number;
  businessMinutes: number;
}

/** Small named records: the sync cursor, the client directory, sync status. */
export interface StateRow {
  key: string;
  value: unknown;
}

export type AccountDeskDb = Dexie & {
  pageVisits: EntityTable<PageVisit, 'id'>;
  cache: EntityTable<CacheRow, 'key'>;
  threads: EntityTable<ThreadRow, 'taskId'>;
  comments: EntityTable<CommentRow, 'id'>;
  episodes: EntityTable<EpisodeRow, 'id'>;
  state: EntityTable<StateRow, 'key'>;
  // [account-time tables]
  sessions: EntityTable<Session, 'id'>;
  manualEntries: EntityTable<ManualEntry, 'id'>;
  writeBack: EntityTable<WriteBackEntry, 'key'>;
  // [templates tables]
  templateApplications: EntityTable<TemplateApplication, 'id'>;
  personalTemplates: EntityTable<PersonalTemplateRow, 'id'>;
  roleMappings: EntityTable<RoleMappingRow, 'key'>;
  savedChecklists: EntityTable<SavedChecklistRow, 'id'>;
  // [quick-replies tables]
  personalReplies: EntityTable<PersonalReplyRow, 'id'>;
  replyUsage: EntityTable<ReplyUsageRow, 'key'>;
};

export const DB_NAME = 'account-desk';

export function openDb(name = DB_NAME): AccountDeskDb {
  const db = new Dexie(name) as AccountDeskDb;
  db.version(1).stores({
    pageVisits: '++id, visitedAt',
    cache: 'key, fetchedAt',
  });
  // Reply badges: threads by project and waiting flag, comments per thread in
  // time order, wait episodes by project and time for the reports.
  db.version(2).stores({
    threads: 'taskId, projectId, waiting',
    comments: 'id, [taskId+at]',
    episodes: 'id, taskId, [projectId+startedAt], startedAt',
    state: 'key',
  });
  // [version 3: account time]
  // Account time: sessions by project and start (a month per project is an
  // index range), by thread and start (time in this thread today), the open
  // one by its flag; manual entries by project and day; the write-back journal.
  db.version(3).stores({
    sessions: '++id, open, start, [projectId+start], [taskId+start]',
    manualEntries: '++id, [projectId+date], date',
    writeBack: 'key, status',
  });
  // [version 4: templates]
  // Template applications (journals) by project for "Resume", personal
  // templates in the user's order, role mappings per project, checklists by use.
  db.version(4).stores({
    templateApplications: 'id, [origin+projectId], startedAt',
    personalTemplates: 'id, position',
    roleMappings: 'key',
    savedChecklists: 'id, usedAt',
  });
  // [version 5: quick replies]
  // Personal replies in the user's order; how often each reply (any library)
  // was inserted here, which orders the list. No row changes: nothing to upgrade.
  db.version(5).stores({
    personalReplies: 'id, position',
    replyUsage: 'key',
  });
  return db;
}

let shared: AccountDeskDb | undefined;

/** The background's one connection (opened lazily: nothing runs at import time). */
export function db(): AccountDeskDb {
  shared ??= openDb();
  return shared;
}
