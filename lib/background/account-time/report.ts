/** The "Account time" report: account time per project and month from Dexie, project hours from one get_costs_total call. */
import type { AccountDeskDb } from '../../db';
import { monthBefore, monthKey } from '../../account-time/periods';
import { accountTimeReport } from '../../account-time/report';
import { perProject } from '../../account-time/totals';
import type { AccountTimeReport } from '../../account-time/protocol';
import type { Problem } from '../../messages';
import type { Settings } from '../../settings';
import type { WorksectionClient } from '../../worksection/client';
import { wsTimeToMinutes } from '../../worksection/dates';
import { toProblem } from '../problems';
import { SESSION_REACH_MS } from './queries';
import { splitByAccount } from '../../account-time/accounts';
import type { ManualEntry, Session } from '../../account-time/types';

export const REPORT_MONTHS_LIMIT = 24;


type Nested = Map<string, Map<string, number>>;
const add = (map: Nested, projectId: string, month: string, minutes: number) => {
  const inner = map.get(projectId) ?? new Map<string, number>();
  inner.set(month, (inner.get(month) ?? 0) + minutes);
  map.set(projectId, inner);
};

export async function accountTimeReportFor(
  deps: {
    db: AccountDeskDb;
    client: WorksectionClient | null;
    settings: Settings;
    now: number;
    hourlyRate: number | null;
    /** The connected account: rows recorded for another one are listed apart, marked with its host. */
    origin?: string;
  },
  monthCount: number,
): Promise<AccountTimeReport> {
  if (!Number.isInteger(monthCount) || monthCount < 1 || monthCount > REPORT_MONTHS_LIMIT) {
    throw new RangeError(`A report covers 1 to ${REPORT_MONTHS_LIMIT} months, not ${monthCount}`);
  }
  const { db, client, settings, now } = deps;
  // Periods are the account's calendar days, as Worksection counts the hours logged in them.
  const zone = settings.account.timeZone;
  const periods = Array.from({ length: monthCount }, (_, index) => monthBefore(now, monthCount - 1 - index, zone));
  const first = periods[0]!;
  const last = periods.at(-1)!;

  const [sessions, entries, written] = await Promise.all([
    db.sessions.where('start').between(first.from - SESSION_REACH_MS, last.to, true, false).toArray(),
    db.manualEntries.where('date').between(first.firstDay, last.lastDay, true, true).toArray(),
    db.writeBack.where('status').equals('sent').toArray(),
  ]);
  const ownSessions = splitByAccount(sessions, deps.origin);
  const ownEntries = splitByAccount(entries, deps.origin);
  const perMonth = (accountSessions: Session[], accountEntries: ManualEntry[]): Nested => {
    const nested: Nested = new Map();
    for (const period of periods) {
      for (const row of perProject(accountSessions, accountEntries, period)) add(nested, row.projectId, monthKey(period), row.totalMs / 60_000);
    }
    return nested;
  };
  const account = perMonth(ownSessions.own, ownEntries.own);
  const writtenMap: Nested = new Map();
  for (const entry of splitByAccount(written, deps.origin).own) if (entry.date >= first.firstDay && entry.date <= last.lastDay) add(writtenMap, entry.projectId, entry.date.slice(0, 7), entry.minutes);

  const names = new Map<string, string>();
  for (const thread of await db.threads.toArray()) if (thread.projectName) names.set(thread.projectId, thread.projectName);
  let logged: Nested | null = null;
  let problem: Problem | undefined;
  if (client) {
    try {
      const total = await client.getCostsTotal({ dateStart: first.firstDay, dateEnd: last.lastDay, extra: ['projects'] });
      logged = new Map();
      for (const project of Object.values(total.projects ?? {})) {
        if (project.name) names.set(project.id, project.name);
        for (const [month, value] of Object.entries(project.monthly ?? {})) add(logged, project.id, month, wsTimeToMinutes(value.time) ?? 0);
      }
    } catch (error) {
      problem = toProblem(error);
    }
  }
  const months = periods.map(monthKey);
  const rows = accountTimeReport({
    account,
    logged,
    written: writtenMap,
    names,
    months,
    thresholds: settings.accountTime.shareThresholds,
    hourlyRate: deps.hourlyRate,
    writeBack: settings.accountTime.writeBack,
  });
  // Another account's time: its project ids mean nothing here (no names, hours or shares of this account).
  const hosts = new Set([...ownSessions.others.keys(), ...ownEntries.others.keys()]);
  for (const host of hosts) {
    const others = accountTimeReport({
      account: perMonth(ownSessions.others.get(host) ?? [], ownEntries.others.get(host) ?? []),
      logged: null,
      written: new Map(),
      names: new Map(),
      months,
      thresholds: settings.accountTime.shareThresholds,
      hourlyRate: deps.hourlyRate,
      writeBack: false,
    });
    rows.push(...others.map((row) => ({ ...row, otherAccount: host })));
  }
  return { months, rows, problem };
}
