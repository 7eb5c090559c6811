/** Which anchors the content script found on the last pages visited. */
import { db } from '../db';
import type { PageVisit } from '../page/protocol';

export const KEPT_VISITS = 20;

export async function recordVisit(visit: Omit<PageVisit, 'id'>): Promise<void> {
  const visits = db().pageVisits;
  await db().transaction('rw', visits, async () => {
    await visits.add(visit);
    const excess = (await visits.count()) - KEPT_VISITS;
    if (excess > 0) await visits.orderBy('visitedAt').limit(excess).delete();
  });
}

export async function recentVisits(): Promise<PageVisit[]> {
  return db().pageVisits.orderBy('visitedAt').reverse().limit(KEPT_VISITS).toArray();
}
