// Time recorded for one account is never shown as another's: project ids and
// task ids of two Worksection accounts can coincide, so the widget, the thread
// time and the report count only the account they are about, and list the
// other accounts' time apart, by host.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { openDb, type AccountDeskDb } from '@/lib/db';
import { otherAccountOf, splitByAccount } from '@/lib/account-time/accounts';
import { projectSummary, threadTodayMs } from '@/lib/background/account-time/queries';
import { accountTimeReportFor } from '@/lib/background/account-time/report';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import type { Session } from '@/lib/account-time/types';

const A = 'https://demo.worksection.com';
const B = 'https://second.worksection.com';
const NOW = Date.parse('2025-03-12T15:00:00Z');
const MIN = 60_000;

const session = (start: number, minutes: number, origin?: string): Session => ({
  start, end: start + minutes * MIN, open: 0, taskId: '330102', projectId: '8506', lastActivityAt: start + minutes * MIN, tabId: 1, focusedAt: start,
  ...(origin ? { origin } : {}),
});

describe('whose account a row is', () => {
  it('names the other account by host; rows of this account, and rows from before accounts were tracked, are this account\'s', () => {
    expect(otherAccountOf({ origin: A }, B)).toBe('demo.worksection.com');
    expect(otherAccountOf({ origin: B }, B)).toBeUndefined();
    expect(otherAccountOf({}, B)).toBeUndefined();
    expect(otherAccountOf({ origin: A }, undefined)).toBeUndefined();
    const { own, others } = splitByAccount([{ origin: A, n: 1 }, { n: 2 }, { origin: B, n: 3 }, { origin: A, n: 4 }], B);
    expect(own.map((row) => row.n)).toEqual([2, 3]);
    expect([...others].map(([host, rows]) => [host, rows.map((row) => row.n)])).toEqual([['demo.worksection.com', [1, 4]]]);
  });
});

describe('the widget, the thread time and the report after reconnecting to another account', () => {
  let db: AccountDeskDb;

  beforeEach(async () => {
    db = openDb(`accounts-${Math.random()}`);
    // Today: 30 minutes in account A's thread 330102 of project 8506, 10 minutes in account B's thread with the same ids.
    await db.sessions.bulkAdd([session(NOW - 3 * 3600_000, 30, A), session(NOW - 3600_000, 10, B)]);
    await db.manualEntries.add({ projectId: '8506', date: '2025-03-12', minutes: 20, kind: 'call', note: 'A call', createdAt: NOW, origin: A });
    // The stored threads are B's (reply sync keeps the connected account's).
    await db.threads.put({ taskId: '330102', projectId: '8506', projectName: 'Sunflower Bakery — online shop', taskName: 'Shop design', page: '/project/8506/330102/', status: 'active', clientThread: 1, waiting: 0 });
  });

  it('the widget counts only its account, and says how much another account recorded under the same project id', async () => {
    const summary = await projectSummary({ db, client: null, origin: B, settings: DEFAULT_SETTINGS, now: NOW }, '8506');
    expect(summary.today.accountMs).toBe(10 * MIN);
    expect(summary.month.accountMs).toBe(10 * MIN);
    expect(summary.month.otherAccounts).toEqual([{ host: 'demo.worksection.com', ms: 50 * MIN }]);
    expect(summary.today.otherAccounts).toEqual([{ host: 'demo.worksection.com', ms: 50 * MIN }]);

    const onA = await projectSummary({ db, client: null, origin: A, settings: DEFAULT_SETTINGS, now: NOW }, '8506');
    expect(onA.month.accountMs).toBe(50 * MIN);
    expect(onA.month.otherAccounts).toEqual([{ host: 'second.worksection.com', ms: 10 * MIN }]);
  });

  it('a thread\'s time today is its account\'s only', async () => {
    expect(await threadTodayMs(db, '330102', NOW, 'UTC', B)).toBe(10 * MIN);
    expect(await threadTodayMs(db, '330102', NOW, 'UTC', A)).toBe(30 * MIN);
  });

  it('the report lists another account\'s time apart, marked with its host and without this account\'s names', async () => {
    const report = await accountTimeReportFor({ db, client: null, settings: DEFAULT_SETTINGS, now: NOW, hourlyRate: null, origin: B }, 1);
    expect(report.rows.map((row) => [row.projectId, row.projectName, row.accountMinutes, row.otherAccount])).toEqual([
      ['8506', 'Sunflower Bakery — online shop', 10, undefined],
      ['8506', '8506', 50, 'demo.worksection.com'],
    ]);
    expect(report.rows[1]!.share).toBeNull();
  });
});
