// The reports page's "Account time": per project and month, account hours,
// project hours, share and cost; and its CSV.
import { toCsv, type CsvColumn } from '../replies/report';
import { accountCost, accountShare, type AccountShare } from './share';
import type { ShareThresholds } from './types';

export interface AccountTimeReportRow {
  projectId: string;
  projectName: string;
  /** "YYYY-MM" */
  month: string;
  accountMinutes: number;
  /** Hours logged in Worksection (minutes); null when they could not be read. */
  projectMinutes: number | null;
  share: AccountShare | null;
  cost: number | null;
  /** Set on time recorded for another account (its host): listed apart, never counted in this account's hours. */
  otherAccount?: string;
}

export interface ReportInput {
  /** Account time per project and month: projectId → "YYYY-MM" → minutes. */
  account: ReadonlyMap<string, ReadonlyMap<string, number>>;
  /** Logged per project and month (get_costs_total monthly); null when unavailable. */
  logged: ReadonlyMap<string, ReadonlyMap<string, number>> | null;
  /** Written back per project and month, counted in `logged` already. */
  written: ReadonlyMap<string, ReadonlyMap<string, number>>;
  names: ReadonlyMap<string, string>;
  months: readonly string[];
  thresholds: ShareThresholds;
  hourlyRate: number | null;
  writeBack: boolean;
}

/** One row per project and month with account time, newest month first, then by project name. */
export function accountTimeReport(input: ReportInput): AccountTimeReportRow[] {
  const rows: AccountTimeReportRow[] = [];
  for (const [projectId, byMonth] of input.account) {
    for (const month of input.months) {
      const accountMinutes = byMonth.get(month) ?? 0;
      if (accountMinutes <= 0) continue;
      const loggedMinutes = input.logged ? (input.logged.get(projectId)?.get(month) ?? 0) : null;
      const written = input.written.get(projectId)?.get(month) ?? 0;
      rows.push({
        projectId,
        projectName: input.names.get(projectId) ?? projectId,
        month,
        accountMinutes,
        projectMinutes: loggedMinutes,
        share:
          loggedMinutes === null
            ? null
            : accountShare({ accountMinutes, loggedMinutes, unwrittenMinutes: Math.max(0, accountMinutes - written), writeBack: input.writeBack }, input.thresholds),
        cost: accountCost(accountMinutes, input.hourlyRate),
      });
    }
  }
  return rows.sort((a, b) => b.month.localeCompare(a.month) || a.projectName.localeCompare(b.projectName) || a.projectId.localeCompare(b.projectId));
}

const hours = (minutes: number | null) => (minutes === null ? null : Math.round((minutes / 60) * 100) / 100);

export const ACCOUNT_TIME_CSV_COLUMNS: readonly CsvColumn<AccountTimeReportRow>[] = [
  { header: 'Project', value: (row) => row.projectName },
  { header: 'Project id', value: (row) => row.projectId },
  { header: 'Month', value: (row) => row.month },
  { header: 'Account hours', value: (row) => hours(row.accountMinutes) },
  { header: 'Project hours', value: (row) => hours(row.share?.kind === 'share' ? row.share.projectMinutes : row.projectMinutes) },
  { header: 'Share %', value: (row) => (row.share?.kind === 'share' ? Math.round(row.share.percent * 10) / 10 : null) },
  { header: 'Level', value: (row) => (row.share?.kind === 'share' ? row.share.level : row.share ? 'no project hours' : 'unknown') },
  { header: 'Cost', value: (row) => row.cost },
  // Time recorded for another account: its host (the row is not this account's project).
  { header: 'Other account', value: (row) => row.otherAccount ?? null },
];

export const accountTimeCsv = (rows: readonly AccountTimeReportRow[]): string => toCsv(rows, ACCOUNT_TIME_CSV_COLUMNS);
