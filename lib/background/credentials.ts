/**
 * Where the connection (account origin, API key or OAuth token, summary) is
 * kept: an IndexedDB database of the extension's own origin, opened only by
 * the background.
 *
 * Why not storage.local: on Firefox, content scripts can read
 * storage.local and there is no way to stop them (Chrome has
 * `setAccessLevel`, which the background also calls, and storage.session is
 * lost on every browser restart). A content script shares its page's world
 * boundary with the page's own scripts, so whatever a content script can read,
 * an exploit in Worksection's pages can try to reach. IndexedDB is per origin:
 * a content script's `indexedDB` is the web page's, so it can never open the
 * extension's database on either browser.
 *
 * What this does not protect against: anyone with the user's profile on disk,
 * or another extension with debugger access; the key is stored as Worksection
 * gave it, like every browser-stored password-equivalent.
 *
 * A database of its own (not a table in lib/db.ts), so the backup export,
 * which reads every table there, can never carry it.
 */
import Dexie, { type Table } from 'dexie';
import { browser } from 'wxt/browser';

export const CREDENTIALS_DB_NAME = 'account-desk-credentials';
const KEY = 'connection';
/** Where versions before this one kept the connection (moved out on first read). */
const LEGACY_STORAGE_KEY = 'connection';

let opened: (Dexie & { secrets: Table<unknown, string> }) | undefined;

function secrets(): Table<unknown, string> {
  if (!opened) {
    const db = new Dexie(CREDENTIALS_DB_NAME) as Dexie & { secrets: Table<unknown, string> };
    db.version(1).stores({ secrets: '' });
    opened = db;
  }
  return opened.secrets;
}

export async function readCredentials<T>(): Promise<T | null> {
  const stored = (await secrets().get(KEY)) as T | undefined;
  if (stored !== undefined) return stored;
  // An older version's connection in storage.local: move it out of content scripts' reach.
  const { [LEGACY_STORAGE_KEY]: legacy } = await browser.storage.local.get(LEGACY_STORAGE_KEY);
  if (legacy === undefined || legacy === null) return null;
  await secrets().put(legacy, KEY);
  await browser.storage.local.remove(LEGACY_STORAGE_KEY);
  return legacy as T;
}

export async function storeCredentials(value: unknown): Promise<void> {
  await secrets().put(value, KEY);
}

/**
 * Reads and rewrites the connection in one transaction, so two changes (a
 * refreshed token, a switched wire scheme) never overwrite each other with
 * what they read before. `change` answers undefined to leave it as it is.
 */
export async function updateCredentials<T>(change: (current: T | null) => T | undefined): Promise<void> {
  const table = secrets();
  await table.db.transaction('rw', table, async () => {
    const next = change(((await table.get(KEY)) as T | undefined) ?? null);
    if (next !== undefined) await table.put(next, KEY);
  });
}

export async function forgetCredentials(): Promise<void> {
  await secrets().delete(KEY);
  await browser.storage.local.remove(LEGACY_STORAGE_KEY);
}

/**
 * Chrome: storage.local for the extension's own pages and worker only
 * (TRUSTED_CONTEXTS is Chrome's default; said here so that it stays so).
 * Firefox has no such switch, hence the database above.
 */
export function lockStorage(): void {
  const local = browser.storage.local as { setAccessLevel?: (options: { accessLevel: string }) => Promise<void> };
  if (typeof local.setAccessLevel !== 'function') return;
  void local.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' }).catch((error: unknown) => console.warn('Account Desk, storage access level:', error));
}

/** Another small secret kept beside the connection under its own key (acting-as.ts, oauth-app.ts), out of content scripts' and backups' reach. */
export async function readSecret<T>(key: string): Promise<T | null> {
  if (key === KEY) throw new RangeError('The connection is read through readCredentials');
  return ((await secrets().get(key)) as T | undefined) ?? null;
}

export async function storeSecret(key: string, value: unknown): Promise<void> {
  if (key === KEY) throw new RangeError('The connection is stored through storeCredentials');
  await secrets().put(value, key);
}

export async function forgetSecret(key: string): Promise<void> {
  if (key === KEY) throw new RangeError('The connection is forgotten through forgetCredentials');
  await secrets().delete(key);
}
