/**
 * The account's directory: its users, their teams and its projects with
 * their members, kept in Dexie. Connecting fills it from the reads it makes
 * anyway, so a page that needs people (the template picker's roles) has them
 * at once, even while the first sync holds the API. Older than MAX_AGE_MS,
 * it is still served and refreshed in the background; missing, it is read.
 * A refresh that fails is remembered until one succeeds, so what serves the
 * old lists can say they are old and why (`directoryStaleness`).
 */
import { db } from '../db';
import type { WsProject, WsUser, WsUserGroup } from '../worksection/types';
import { connectedClient } from './connection';
import { t } from '../i18n';
import { ProblemError } from '../problem';

export interface AccountDirectory {
  users: WsUser[];
  groups: WsUserGroup[];
  /** Active projects, each with `users` (its members). */
  projects: WsProject[];
}

export const DIRECTORY_MAX_AGE_MS = 10 * 60_000;

const keyOf = (origin: string) => `${origin} directory`;
/** The account asked about is not the one connected (or none is). */
export class NotConnectedProblem extends ProblemError {
  readonly kind = 'not-connected';
}

const failureKeyOf = (origin: string) => `${origin} directory refresh failed`;
const refreshing = new Map<string, Promise<AccountDirectory>>();

export async function primeDirectory(origin: string, directory: AccountDirectory, now = Date.now()): Promise<void> {
  await db().cache.put({ key: keyOf(origin), value: directory, fetchedAt: now });
}

/** One read of the three lists at a time per account; `interactive` reads go ahead of the sync. */
function refresh(origin: string, priority: 'interactive' | 'background'): Promise<AccountDirectory> {
  let running = refreshing.get(origin);
  if (!running) {
    running = (async () => {
      const connection = await connectedClient({ priority });
      if (!connection || connection.origin !== origin) throw new NotConnectedProblem(t('problemNotConnectedTo', new URL(origin).host));
      const { client } = connection;
      const directory = { users: await client.getUsers(), groups: await client.getUserGroups(), projects: await client.getProjects({ extra: ['users'] }) };
      await primeDirectory(origin, directory);
      await db().cache.delete(failureKeyOf(origin));
      return directory;
    })()
      .catch(async (error: unknown) => {
        await db().cache.put({ key: failureKeyOf(origin), value: String((error as Error)?.message ?? error), fetchedAt: Date.now() });
        throw error;
      })
      .finally(() => refreshing.delete(origin));
    refreshing.set(origin, running);
  }
  return running;
}

export async function accountDirectory(origin: string, now = Date.now()): Promise<AccountDirectory> {
  const row = await db().cache.get(keyOf(origin));
  if (!row) return refresh(origin, 'interactive');
  if (now - row.fetchedAt >= DIRECTORY_MAX_AGE_MS) {
    refresh(origin, 'background').catch((error: unknown) => console.warn('Account Desk, directory refresh:', error));
  }
  return row.value as AccountDirectory;
}

/** When the lists served for `origin` are old because refreshing them failed: since when they are, and why; null otherwise. */
export async function directoryStaleness(origin: string): Promise<{ since: number; problem: string } | null> {
  const [failure, row] = await Promise.all([db().cache.get(failureKeyOf(origin)), db().cache.get(keyOf(origin))]);
  return failure && row ? { since: row.fetchedAt, problem: String(failure.value) } : null;
}
