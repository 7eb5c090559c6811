/**
 * Account-time benchmark (imported by scripts/bench.mjs through tsx): a
 * month's account time for one project over a year of sessions (about
 * 100,000 rows), the query the widget and reports make: an index range on
 * [projectId+start] in Dexie (on fake-indexeddb in Node) plus clipping;
 * baseline: the same query for one day (the fixed cost of a range read).
 * The widget's mount is measured in Chromium by scripts/bench.mjs.
 */
import 'fake-indexeddb/auto';
import { performance } from 'node:perf_hooks';
import { periodOf } from '../../lib/account-time/periods';
import type { Session } from '../../lib/account-time/types';
import { projectAccountMs } from '../../lib/background/account-time/queries';
import { openDb } from '../../lib/db';
import { median, type BenchRow } from './rows';

/** A year of sessions: 20 projects, ~275 sessions a day of 30 s – 10 min, deterministic. */
function yearOfSessions(now: number, count: number): Session[] {
  let seed = 7;
  const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  const yearMs = 365 * 86_400_000;
  return Array.from({ length: count }, (_, index) => {
    const start = now - yearMs + Math.floor((index / count) * yearMs);
    const end = start + 30_000 + Math.floor(random() * 570_000);
    const project = Math.floor(random() * 20);
    return { start, end, open: 0, taskId: String(1000 + project * 50 + Math.floor(random() * 50)), projectId: String(100 + project), lastActivityAt: end, tabId: 1, focusedAt: start };
  });
}

export async function monthQueryBench(): Promise<BenchRow[]> {
  const now = Date.UTC(2026, 10, 27, 12);
  const db = openDb(`bench-account-time-${Date.now()}`);
  const rows = yearOfSessions(now, 100_000);
  await db.sessions.bulkAdd(rows);
  const month = periodOf('month', now - 60 * 86_400_000, 'Europe/Kyiv');
  const day = periodOf('day', now - 60 * 86_400_000, 'Europe/Kyiv');
  const times: number[] = [];
  const baselines: number[] = [];
  let total = 0;
  for (let run = 0; run < 9; run++) {
    let start = performance.now();
    await projectAccountMs(db, '105', day);
    baselines.push(performance.now() - start);
    start = performance.now();
    total = await projectAccountMs(db, '105', month);
    times.push(performance.now() - start);
  }
  db.close();
  const value = median(times.slice(2));
  return [
    {
      metric: `a month's account time for one project, ${rows.length.toLocaleString('en')} sessions over a year (${(total / 3_600_000).toFixed(1)} h; Dexie on fake-indexeddb, median of 7)`,
      value: `${value.toFixed(1)} ms`,
      baseline: `${median(baselines.slice(2)).toFixed(1)} ms for one day`,
      budget: '≤ 20 ms',
      within: value <= 20,
    },
  ];
}
