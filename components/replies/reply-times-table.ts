// What the "Reply times" tables show and what their CSV export holds. The
// table is for reading ("2h 5m", "87%"); the CSV is for spreadsheets (plain
// minutes and percentages, so they can be summed and charted).
import { formatWait } from '@/lib/replies/clock';
import { toCsv, type CsvColumn, type ReplyMeasure, type ReplyTimeRow } from '@/lib/replies/report';

/** The two tables: one row per project, one per client. */
export type ReplyTimeGrouping = 'project' | 'client';

/** Placeholder for a statistic without episodes behind it (e.g. no next replies yet). */
export const NO_VALUE = '—';

/** A wait as the badges write it ("23m", "2h 5m", "3d 4h"); medians of two waits can be half minutes. */
export function formatMinutes(minutes: number | null): string {
  return minutes === null ? NO_VALUE : formatWait(Math.round(minutes));
}

/**
 * A share as a whole percentage. 100 % and 0 % are kept for "all" and "none":
 * 199 of 200 reads 99 %, not a rounded-up 100 % that would hide the one miss.
 */
export function formatShare(share: number | null): string {
  if (share === null) return NO_VALUE;
  const percent = Math.round(share * 100);
  const honest = share < 1 && percent === 100 ? 99 : share > 0 && percent === 0 ? 1 : percent;
  return `${honest}%`;
}

const tenths = (value: number | null): number | null => (value === null ? null : Math.round(value * 10) / 10);

/** Column headers of the CSV, in the page's language (the page passes them through t()). */
export interface ReplyTimeCsvHeaders {
  label: string;
  episodes: string;
  median: string;
  p90: string;
  withinTarget: string;
  target: string;
  firstReplyMedian: string;
  nextReplyMedian: string;
}

/** CSV columns: the table's, with minutes and percentages as plain numbers (one decimal), and the target beside them. */
export function replyTimeCsvColumns(headers: ReplyTimeCsvHeaders): CsvColumn<ReplyTimeRow>[] {
  return [
    { header: headers.label, value: (row) => row.label },
    { header: headers.episodes, value: (row) => row.episodes },
    { header: headers.median, value: (row) => tenths(row.median) },
    { header: headers.p90, value: (row) => tenths(row.p90) },
    { header: headers.withinTarget, value: (row) => tenths(row.withinTarget === null ? null : row.withinTarget * 100) },
    { header: headers.target, value: (row) => row.target },
    { header: headers.firstReplyMedian, value: (row) => tenths(row.firstReplyMedian) },
    { header: headers.nextReplyMedian, value: (row) => tenths(row.nextReplyMedian) },
  ];
}

export function replyTimesCsv(rows: readonly ReplyTimeRow[], headers: ReplyTimeCsvHeaders): string {
  return toCsv(rows, replyTimeCsvColumns(headers));
}

/** e.g. reply-times-by-project-2026-11-01-2026-11-30.csv; business minutes add "-business". */
export function replyTimesFileName(
  grouping: ReplyTimeGrouping,
  period: { firstDay: string; lastDay: string },
  measure: ReplyMeasure,
): string {
  return `reply-times-by-${grouping}-${period.firstDay}-${period.lastDay}${measure === 'business' ? '-business' : ''}.csv`;
}
