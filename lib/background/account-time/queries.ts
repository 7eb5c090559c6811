/**
 * What the widget, the task page and the reports show: account time per
 * period from index ranges over sessions and manual entries, project time
 * from Worksection (`get_costs_total`, cached: stale-while-revalidate).
 */
import type { AccountDeskDb } from '../../db';
import { monthBefore, monthKey, periodOf, type Period } from '../../account-time/periods';
import { accountCost, accountShare } from '../../account-time/share';
import { manualMs, sessionMs } from '../../account-time/totals';
import type { ManualEntry, Session } from '../../account-time/types';
import type { PeriodSummary, ProjectTimeSummary } from '../../account-time/protocol';
import type { Problem } from '../../messages';
import type { Settings } from '../../settings';
import type { WorksectionClient } from '../../worksection/client';
import { wsTimeToMinutes } from '../../worksection/dates';
import { toProblem } from '../problems';
import { ProblemError } from '../../problem';
import { splitByAccount } from '../../account-time/accounts';
import { t } from '../../i18n';

/** Sessions are looked up by start; one that began up to a day before a period can still reach into it. */
export const SESSION_REACH_MS = 24 * 3600_000;
/** Project time is re-read from Worksection when older than this (the cached value is shown meanwhile). */
export const PROJECT_TIME_MAX_AGE = 5 * 60_000;
export const TREND_MONTHS = 6;

/** Worksection answered project time in a form we can't read. */
export class ProjectTimeProblem extends ProblemError {
  readonly kind = 'unreadable-project-time';
}

export async function projectSessions(db: AccountDeskDb, projectId: string, from: number, to: number): Promise<Session[]> {
  return db.sessions.where('[projectId+start]').between([projectId, from - SESSION_REACH_MS], [projectId, to], true, false).toArray();
}

export async function projectEntries(db: AccountDeskDb, projectId: string, firstDay: string, lastDay: string): Promise<ManualEntry[]> {
  return db.manualEntries.where('[projectId+date]').between([projectId, firstDay], [projectId, lastDay], true, true).toArray();
}

/** Account time of one project in a period: `origin`'s (all rows without one), and other accounts' by host. */
export async function projectAccountTime(
  db: AccountDeskDb,
  projectId: string,
  period: Period,
  origin?: string,
): Promise<{ ms: number; others: Map<string, number> }> {
  const [sessions, entries] = await Promise.all([
    projectSessions(db, projectId, period.from, period.to),
    projectEntries(db, projectId, period.firstDay, period.lastDay),
  ]);
  // Another account's project can have the same id: its time is never this project's.
  const ownSessions = splitByAccount(sessions, origin);
  const ownEntries = splitByAccount(entries, origin);
  const others = new Map<string, number>();
  for (const [host, rows] of ownSessions.others) others.set(host, (others.get(host) ?? 0) + sessionMs(rows, period.from, period.to));
  for (const [host, rows] of ownEntries.others) others.set(host, (others.get(host) ?? 0) + manualMs(rows, period));
  for (const [host, ms] of others) if (ms <= 0) others.delete(host);
  return { ms: sessionMs(ownSessions.own, period.from, period.to) + manualMs(ownEntries.own, period), others };
}

/** Account time of one project in a period, in ms (`origin`'s only, when given). */
export async function projectAccountMs(db: AccountDeskDb, projectId: string, period: Period, origin?: string): Promise<number> {
  return (await projectAccountTime(db, projectId, period, origin)).ms;
}

/** Time in one thread today, in ms (`origin`'s only, when given: another account's task can have the same id). */
export async function threadTodayMs(db: AccountDeskDb, taskId: string, now: number, timeZone: string, origin?: string): Promise<number> {
  const day = periodOf('day', now, timeZone);
  const sessions = await db.sessions.where('[taskId+start]').between([taskId, day.from - SESSION_REACH_MS], [taskId, day.to], true, false).toArray();
  return sessionMs(splitByAccount(sessions, origin).own, day.from, day.to);
}

/** Minutes of account time already written back to Worksection for a project and period. */
export async function writtenBackMinutes(db: AccountDeskDb, projectId: string, period: Period, origin: string): Promise<number> {
  const sent = splitByAccount(await db.writeBack.where('status').equals('sent').toArray(), origin).own;
  return sent
    .filter((entry) => entry.projectId === projectId && entry.date >= period.firstDay && entry.date <= period.lastDay)
    .reduce((sum, entry) => sum + entry.minutes, 0);
}

/** Stale-while-revalidate in the cache table: a cached value is answered at once, and re-read in the background when old. */
async function revalidated<T>(db: AccountDeskDb, key: string, now: number, load: () => Promise<T>): Promise<T> {
  const refresh = async () => {
    const value = await load();
    await db.cache.put({ key, value, fetchedAt: Date.now() });
    return value;
  };
  const row = await db.cache.get(key);
  if (row) {
    if (now - row.fetchedAt >= PROJECT_TIME_MAX_AGE) void refresh().catch(() => {}); // the next look gets the new value
    return row.value as T;
  }
  return refresh();
}

function minutesOf(time: string): number {
  const minutes = wsTimeToMinutes(time);
  if (minutes === undefined) throw new ProjectTimeProblem(t('timeProblemProjectTime', time));
  return minutes;
}

/** All hours logged on the project in a period (get_costs_total). */
function loggedMinutes(client: WorksectionClient, deps: SummaryDeps, projectId: string, period: Pick<Period, 'firstDay' | 'lastDay'>): Promise<number> {
  const key = `${deps.origin} costs-total ${projectId} ${period.firstDay} ${period.lastDay}`;
  return revalidated(deps.db, key, deps.now, async () =>
    minutesOf((await client.getCostsTotal({ projectId, dateStart: period.firstDay, dateEnd: period.lastDay })).total.time),
  );
}

/** Hours logged per month ("YYYY-MM" → minutes) from one call with extra=projects. */
function monthlyLoggedMinutes(client: WorksectionClient, deps: SummaryDeps, projectId: string, firstDay: string, lastDay: string): Promise<Record<string, number>> {
  const key = `${deps.origin} costs-monthly ${projectId} ${firstDay} ${lastDay}`;
  return revalidated(deps.db, key, deps.now, async () => {
    const total = await client.getCostsTotal({ projectId, dateStart: firstDay, dateEnd: lastDay, extra: ['projects'] });
    const monthly = total.projects?.[projectId]?.monthly ?? {};
    const out: Record<string, number> = {};
    for (const [month, value] of Object.entries(monthly)) out[month] = minutesOf(value.time);
    return out;
  });
}



export interface SummaryDeps {
  db: AccountDeskDb;
  /** Null when not connected: account time still shows, shares don't. */
  client: WorksectionClient | null;
  origin: string;
  settings: Settings;
  now: number;
}

type Summary = PeriodSummary & { problem?: Problem };

async function periodSummary(
  deps: SummaryDeps,
  projectId: string,
  period: Period,
  label: string,
  kind: PeriodSummary['kind'],
  logged: () => Promise<number> | null,
): Promise<Summary> {
  const { db, settings } = deps;
  const { ms: accountMs, others } = await projectAccountTime(db, projectId, period, deps.origin);
  const accountMinutes = accountMs / 60_000;
  let loggedValue: number | null = null;
  let problem: Problem | undefined;
  try {
    loggedValue = await logged();
  } catch (error) {
    problem = toProblem(error);
  }
  const { writeBack, shareThresholds, hourlyRate } = settings.accountTime;
  const written = writeBack ? await writtenBackMinutes(db, projectId, period, deps.origin) : 0;
  const share =
    loggedValue === null
      ? null
      : accountShare({ accountMinutes, loggedMinutes: loggedValue, unwrittenMinutes: Math.max(0, accountMinutes - written), writeBack }, shareThresholds);
  const otherAccounts = [...others].map(([host, ms]) => ({ host, ms }));
  return {
    kind, label, firstDay: period.firstDay, lastDay: period.lastDay, accountMs, loggedMinutes: loggedValue, share, cost: accountCost(accountMinutes, hourlyRate),
    ...(otherAccounts.length > 0 ? { otherAccounts } : {}),
    problem,
  };
}

export async function projectSummary(deps: SummaryDeps, projectId: string): Promise<ProjectTimeSummary> {
  // Periods are the account's calendar days, as Worksection counts the hours logged in them.
  const zone = deps.settings.account.timeZone;
  const { client } = deps;
  const day = periodOf('day', deps.now, zone);
  const week = periodOf('week', deps.now, zone);
  const months = Array.from({ length: TREND_MONTHS }, (_, index) => monthBefore(deps.now, TREND_MONTHS - 1 - index, zone));
  const first = months[0]!;
  const current = months.at(-1)!;
  // Three calls at most (day, week, six months by month); the client throttles to one a second.
  let monthly: Promise<Record<string, number>> | undefined;
  const monthLogged = (period: Period) => async () => {
    monthly ??= monthlyLoggedMinutes(client!, deps, projectId, first.firstDay, current.lastDay);
    return (await monthly)[monthKey(period)] ?? 0;
  };
  const summaries: Summary[] = [
    await periodSummary(deps, projectId, day, 'today', 'day', () => client && loggedMinutes(client, deps, projectId, day)),
    await periodSummary(deps, projectId, week, 'week', 'week', () => client && loggedMinutes(client, deps, projectId, week)),
  ];
  for (const month of months) {
    summaries.push(await periodSummary(deps, projectId, month, monthKey(month), month === current ? 'month' : 'month-back', () => client && monthLogged(month)()));
  }
  const strip = ({ problem: _problem, ...summary }: Summary): PeriodSummary => summary;
  const [today, thisWeek, ...trend] = summaries;
  return {
    projectId,
    today: strip(today!),
    week: strip(thisWeek!),
    month: strip(trend.at(-1)!),
    trend: trend.map(strip),
    thresholds: deps.settings.accountTime.shareThresholds,
    hourlyRate: deps.settings.accountTime.hourlyRate,
    timeZone: zone,
    problem: summaries.find((summary) => summary.problem)?.problem,
  };
}
