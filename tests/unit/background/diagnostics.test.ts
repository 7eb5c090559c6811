import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { KEPT_VISITS, recentVisits, recordVisit } from '@/lib/background/diagnostics';

const visit = (n: number) => ({
  url: `https://demo.worksection.com/project/${1000 + n}/`,
  pageKind: 'project' as const,
  placement: n % 2 ? ('dock' as const) : ('anchor' as const),
  anchors: [{ name: 'taskList', found: n % 2 === 0, selector: n % 2 === 0 ? '#tasks_images' : undefined }],
  visitedAt: 1_700_000_000_000 + n * 1000,
});

describe('diagnostics', () => {
  beforeEach(async () => {
    await db().pageVisits.clear();
  });

  it('lists the last visits, newest first, with their anchors', async () => {
    await recordVisit(visit(1));
    await recordVisit(visit(2));
    const visits = await recentVisits();
    expect(visits.map((v) => v.url)).toEqual([visit(2).url, visit(1).url]);
    expect(visits[0]?.anchors).toEqual([{ name: 'taskList', found: true, selector: '#tasks_images' }]);
    expect(visits[1]?.placement).toBe('dock');
  });

  it(`keeps only the last ${KEPT_VISITS} visits`, async () => {
    for (let n = 0; n < KEPT_VISITS + 5; n++) await recordVisit(visit(n));
    expect(await db().pageVisits.count()).toBe(KEPT_VISITS);
    const visits = await recentVisits();
    expect(visits[0]?.url).toBe(visit(KEPT_VISITS + 4).url);
    expect(visits.at(-1)?.url).toBe(visit(5).url);
  });
});
