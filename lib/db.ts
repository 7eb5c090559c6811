/**
 * Account Desk's database (IndexedDB through Dexie), opened only by the
 * background. The schema is declared here, versioned; later issues add tables
 * with new versions and upgrade functions where rows must change.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { PageVisit } from './messages';

/** A cached API answer (project and task names for the page bar). */
export interface CacheRow {
  key: string;
  value: unknown;
  fetchedAt: number;
}

export type AccountDeskDb = Dexie & {
  pageVisits: EntityTable<PageVisit, 'id'>;
  cache: EntityTable<CacheRow, 'key'>;
};

export const DB_NAME = 'account-desk';

export function openDb(name = DB_NAME): AccountDeskDb {
  const db = new Dexie(name) as AccountDeskDb;
  db.version(1).stores({
    pageVisits: '++id, visitedAt',
    cache: 'key, fetchedAt',
  });
  return db;
}

let shared: AccountDeskDb | undefined;

/** The background's one connection (opened lazily: nothing runs at import time). */
export function db(): AccountDeskDb {
  shared ??= openDb();
  return shared;
}
