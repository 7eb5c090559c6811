// "Reply times" report: statistics over wait episodes for a period, per
// project and per client, and CSV export that is safe to open in a spreadsheet.
import { type BusinessCalendar, businessCalendar, businessMinutesBetween } from './business-hours';
import { DEFAULT_REPLY_THRESHOLDS, calendarMinutesBetween } from './clock';
import type { BusinessHours, ReplyThresholds, WaitEpisode } from './types';

/** A stored episode with the thread's project, as the reports page reads it. */
export interface EpisodeRecord extends WaitEpisode {
  projectId: string;
  projectName?: string;
}

export type ReplyMeasure = 'calendar' | 'business';

export interface ReplyTimeOptions {
  /** Period [from, to) in ms; an episode belongs to the period its client comment was written in. */
  from: number;
  to: number;
  /** Minutes an answer may take to count as "within target"; default `thresholds.late` (15). */
  target?: number;
  thresholds?: ReplyThresholds;
  measure: ReplyMeasure;
  hours: BusinessHours;
}

export interface ReplyTimeStats {
  episodes: number;
  /** Minutes; null without episodes. The median of an even count is the mean of the middle two. */
  median: number | null;
  /** Nearest-rank 90th percentile: the smallest wait that at least 90 % of waits do not exceed. */
  p90: number | null;
  /** Share (0…1) of episodes answered in at most `target` minutes. */
  withinTarget: number | null;
  target: number;
  /** Median of the threads' first waits (first-reply time) and of later ones (next-reply time). */
  firstReplyMedian: number | null;
  nextReplyMedian: number | null;
}

export interface ReplyTimeRow extends ReplyTimeStats {
  key: string;
  label: string;
}

/** Whole minutes an episode's client waited, by the chosen measure. */
export function episodeMinutes(
  episode: Pick<WaitEpisode, 'startedAt' | 'repliedAt'>,
  measure: ReplyMeasure,
  hours: BusinessHours | BusinessCalendar,
): number {
  return measure === 'business'
    ? businessMinutesBetween(episode.startedAt, episode.repliedAt, hours)
    : calendarMinutesBetween(episode.startedAt, episode.repliedAt);
}

const ascending = (values: readonly number[]): number[] => [...values].sort((a, b) => a - b);

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = ascending(values);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * Nearest-rank percentile: sort ascending and take the value at rank
 * ⌈p/100 · n⌉ (1-based). Always one of the values, never interpolated.
 */
export function percentileNearestRank(values: readonly number[], p: number): number | null {
  if (!(p > 0 && p <= 100)) throw new RangeError(`A percentile is in (0, 100], not ${p}`);
  if (values.length === 0) return null;
  const sorted = ascending(values);
  return sorted[Math.ceil((p / 100) * sorted.length) - 1]!;
}

function checkOptions(options: ReplyTimeOptions): number {
  if (!Number.isFinite(options.from) || !Number.isFinite(options.to)) {
    throw new RangeError(`A report period needs finite from/to instants, got ${options.from} and ${options.to}`);
  }
  const target = options.target ?? options.thresholds?.late ?? DEFAULT_REPLY_THRESHOLDS.late;
  if (!Number.isFinite(target) || target < 0) throw new RangeError(`A reply target is minutes ≥ 0, not ${target}`);
  return target;
}

const inPeriod = (episode: WaitEpisode, { from, to }: ReplyTimeOptions): boolean => episode.startedAt >= from && episode.startedAt < to;

function statsOf(episodes: readonly WaitEpisode[], options: ReplyTimeOptions, target: number): ReplyTimeStats {
  // Resolve the calendar once for all episodes (and only when it is needed).
  const hours = options.measure === 'business' ? businessCalendar(options.hours) : options.hours;
  const minutes = episodes.map((episode) => episodeMinutes(episode, options.measure, hours));
  const first: number[] = [];
  const next: number[] = [];
  episodes.forEach((episode, index) => (episode.first ? first : next).push(minutes[index]!));
  return {
    episodes: episodes.length,
    median: median(minutes),
    p90: percentileNearestRank(minutes, 90),
    withinTarget: minutes.length === 0 ? null : minutes.filter((value) => value <= target).length / minutes.length,
    target,
    firstReplyMedian: median(first),
    nextReplyMedian: median(next),
  };
}

/** Statistics over the episodes that started in [from, to). */
export function replyTimeStats(episodes: readonly WaitEpisode[], options: ReplyTimeOptions): ReplyTimeStats {
  const target = checkOptions(options);
  return statsOf(
    episodes.filter((episode) => inPeriod(episode, options)),
    options,
    target,
  );
}

function groupedStats<E extends WaitEpisode>(
  episodes: readonly E[],
  options: ReplyTimeOptions,
  keyOf: (episode: E) => { key: string; label: string },
): ReplyTimeRow[] {
  const target = checkOptions(options);
  const groups = new Map<string, { label: string; episodes: E[] }>();
  for (const episode of episodes) {
    if (!inPeriod(episode, options)) continue;
    const { key, label } = keyOf(episode);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { label, episodes: [] }));
    group.episodes.push(episode);
  }
  return [...groups]
    .map(([key, group]) => ({ key, label: group.label, ...statsOf(group.episodes, options, target) }))
    .sort((a, b) => a.label.localeCompare(b.label) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** One row per project with episodes in the period, by project name. */
export function byProject(episodes: readonly EpisodeRecord[], options: ReplyTimeOptions): ReplyTimeRow[] {
  return groupedStats(episodes, options, (episode) => ({ key: episode.projectId, label: episode.projectName || episode.projectId }));
}

/** One row per client who waited in the period, by client name. */
export function byClient(episodes: readonly WaitEpisode[], options: ReplyTimeOptions): ReplyTimeRow[] {
  return groupedStats(episodes, options, ({ client }) => ({
    key: client.id || client.email.trim().toLowerCase(),
    label: client.name || client.email || client.id,
  }));
}

export type CsvValue = string | number | boolean | null | undefined;

export interface CsvColumn<T> {
  header: string;
  value: (row: T) => CsvValue;
}

/** Characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  // Numbers and booleans are ours, not client text: -5 stays a number.
  let text = typeof value === 'string' ? value : String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * RFC 4180 CSV (CRLF line ends, fields with comma, quote or line break quoted,
 * quotes doubled), with a header line. Text cells starting with = + - @ tab or
 * CR get a leading ' so that client-written text cannot run as a formula.
 */
export function toCsv<T>(rows: Iterable<T>, columns: readonly CsvColumn<T>[]): string {
  const lines = [columns.map((column) => csvCell(column.header)).join(',')];
  for (const row of rows) lines.push(columns.map((column) => csvCell(column.value(row))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
