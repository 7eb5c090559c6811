/** Read-through cache of API answers in Dexie, so page visits don't each cost a throttled call. */
import { db } from '../db';

export async function cached<T>(key: string, maxAgeMs: number, load: () => Promise<T>, now = Date.now()): Promise<T> {
  const row = await db().cache.get(key);
  if (row && now - row.fetchedAt < maxAgeMs) return row.value as T;
  const value = await load();
  await db().cache.put({ key, value, fetchedAt: now });
  return value;
}
