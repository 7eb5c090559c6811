/**
 * A status report as text, in the report's language (not necessarily the
 * UI's): its first line, recognisable in any of the four languages, so a
 * report posted by anyone in the team is "the last report"; the sections as
 * plain text the manager edits; and that text as Markdown or HTML for e-mail.
 * Pure: the words come in as a lookup.
 *
 * Layout of the text (what the exports read back after editing):
 *   <marker>: <project>, <from> – <to>      title
 *   <health label>: <health>                 the first block's other lines: paragraphs
 *   <headline>
 *
 *   <section heading>                        each later block: a heading, then
 *   • item — details                         bullets ("• ") and paragraphs
 */
import type { Language } from '../locale';
import type { ReportSections } from './sections';

export type Health = 'on-track' | 'at-risk' | 'off-track';
export const HEALTHS: readonly Health[] = ['on-track', 'at-risk', 'off-track'];

/** The report language's strings: `word(key, subs)` and plural forms `count(base, n, subs)`. */
export interface ReportWords {
  language: Language;
  word(key: ReportWordKey, substitutions?: Array<string | number>): string;
  count(base: ReportPluralKey, count: number, substitutions?: Array<string | number>): string;
}

export type ReportWordKey =
  | 'srMarker'
  | 'srHealthLabel'
  | 'srHealthOnTrack'
  | 'srHealthAtRisk'
  | 'srHealthOffTrack'
  | 'srDone'
  | 'srInProgress'
  | 'srPlanned'
  | 'srOverdue'
  | 'srWaiting'
  | 'srHours'
  | 'srNothing'
  | 'srDue'
  | 'srNoDue'
  | 'srStarts'
  | 'srUnassigned'
  | 'srClosedOn'
  | 'srAssignedToClient'
  | 'srAwaitingReply'
  | 'srLoggedTotal'
  | 'srOfEstimate'
  | 'srShare'
  | 'srShareNoHours'
  | 'srDurationHm'
  | 'srDurationH'
  | 'srDurationM';

export type ReportPluralKey = 'srDaysOverdue';

/** Every language's marker, for recognising reports whoever wrote them. */
export const REPORT_MARKER_KEY = 'srMarker';

export const BULLET = '• ';

const HEALTH_WORD: Record<Health, ReportWordKey> = { 'on-track': 'srHealthOnTrack', 'at-risk': 'srHealthAtRisk', 'off-track': 'srHealthOffTrack' };

export function healthWord(words: ReportWords, health: Health): string {
  return words.word(HEALTH_WORD[health]);
}

/** "14.03.2025" (ru, uk, kk) or "14/03/2025" (en) for "YYYY-MM-DD". */
export function reportDay(words: Pick<ReportWords, 'language'>, isoDay: string): string {
  const [year, month, day] = isoDay.split('-').map(Number) as [number, number, number];
  const locale = words.language === 'en' ? 'en-GB' : words.language;
  return new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(year, month - 1, day)));
}

export function reportDuration(words: ReportWords, minutes: number): string {
  const rounded = Math.round(minutes);
  const hours = Math.floor(rounded / 60);
  const rest = rounded % 60;
  if (hours === 0) return words.word('srDurationM', [rest]);
  return rest === 0 ? words.word('srDurationH', [hours]) : words.word('srDurationHm', [hours, rest]);
}

/** Line breaks and tabs in names become spaces: a task name can't break the layout (or forge a heading). */
const oneLine = (text: string): string => text.replace(/[\r\n\t\u2028\u2029]+/g, ' ').trim();

export function reportTitle(words: ReportWords, projectName: string, firstDay: string, lastDay: string): string {
  return `${words.word('srMarker')}: ${oneLine(projectName)}, ${reportDay(words, firstDay)} – ${reportDay(words, lastDay)}`;
}

export interface ReportBodyInput {
  sections: ReportSections;
  today: string;
  timeZone: string;
}

/** The sections as the text the manager edits (everything after the title, health and headline). */
export function reportBody(words: ReportWords, { sections, today, timeZone }: ReportBodyInput): string {
  const day = (iso: string) => reportDay(words, iso);
  const who = (name: string | undefined) => (name ? oneLine(name) : words.word('srUnassigned'));
  const due = (iso: string | undefined) => (iso ? words.word('srDue', [day(iso)]) : words.word('srNoDue'));
  const dayOfInstant = (at: number) => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
  const block = (heading: string, lines: string[]) => [`${heading} (${lines.length})`, ...(lines.length > 0 ? lines : [words.word('srNothing')])].join('\n');
  const item = (name: string, ...details: string[]) => `${BULLET}${oneLine(name)} — ${details.filter((detail) => detail !== '').join(', ')}`;

  const blocks = [
    block(words.word('srDone'), sections.done.map((task) => item(task.name, task.closedAt !== undefined ? words.word('srClosedOn', [day(dayOfInstant(task.closedAt))]) : '', task.url))),
    block(words.word('srInProgress'), sections.inProgress.map((task) => item(task.name, who(task.assignee), due(task.due), task.url))),
    block(
      words.word('srPlanned'),
      sections.planned.map((task) =>
        item(task.name, who(task.assignee), task.due ? due(task.due) : words.word('srStarts', [day(task.start ?? today)]), task.url),
      ),
    ),
    block(
      words.word('srOverdue'),
      sections.overdue.map((task) => item(task.name, who(task.assignee), due(task.due), words.count('srDaysOverdue', daysBetween(task.due!, today)), task.url)),
    ),
    block(
      words.word('srWaiting'),
      sections.waiting.map((task) =>
        item(
          task.name,
          task.reason === 'client-assigned' ? words.word('srAssignedToClient', [who(task.assignee)]) : words.word('srAwaitingReply', [day(dayOfInstant(task.since ?? 0))]),
          task.url,
        ),
      ),
    ),
  ];

  const { hours } = sections;
  const hourLines = [words.word('srLoggedTotal', [reportDuration(words, hours.loggedMinutes)])];
  for (const row of hours.rows) {
    const spent = reportDuration(words, row.periodMinutes);
    hourLines.push(
      row.estimateMinutes !== undefined
        ? item(row.task.name, spent, words.word('srOfEstimate', [reportDuration(words, row.totalMinutes), reportDuration(words, row.estimateMinutes)]))
        : item(row.task.name, spent),
    );
  }
  if (hours.accountShare) {
    hourLines.push(
      hours.accountShare.kind === 'share'
        ? words.word('srShare', [formatPercent(words.language, hours.accountShare.percent), reportDuration(words, hours.accountShare.accountMinutes)])
        : words.word('srShareNoHours', [reportDuration(words, hours.accountShare.accountMinutes)]),
    );
  }
  blocks.push([words.word('srHours'), ...hourLines].join('\n'));
  return blocks.join('\n\n');
}

function formatPercent(language: Language, percent: number): string {
  return new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(percent);
}

function daysBetween(fromDay: string, toDay: string): number {
  return Math.round((Date.parse(`${toDay}T00:00:00Z`) - Date.parse(`${fromDay}T00:00:00Z`)) / 86_400_000);
}

/** The whole report as posted or copied: title, health, headline, then the (edited) body. */
export function composeReport(parts: { title: string; healthLine: string; headline: string; body: string }): string {
  const head = [parts.title, parts.healthLine, oneLine(parts.headline)].filter((line) => line !== '');
  return `${head.join('\n')}\n\n${parts.body.replace(/\r\n?/g, '\n').trim()}\n`;
}

// ---------------------------------------------------------------- recognising

const normaliseMarker = (text: string) => text.normalize('NFC').toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ').trim();

/** True when `text`'s first line starts with one of the languages' markers and a colon. */
export function isStatusReport(text: string, markers: readonly string[]): boolean {
  const first = normaliseMarker(text.replace(/^\s+/, '').split(/\r?\n|\r/, 1)[0] ?? '');
  return markers.some((marker) => {
    const wanted = normaliseMarker(marker);
    return wanted !== '' && first.startsWith(wanted) && first.slice(wanted.length).trimStart().startsWith(':');
  });
}

export interface FoundReport {
  commentId: string;
  taskId: string;
  at: number;
}

/** The latest status report among `comments` (any task of the project). */
export function lastReport(comments: Iterable<{ id: string; taskId: string; at: number; text: string }>, markers: readonly string[]): FoundReport | null {
  let found: FoundReport | null = null;
  // Minutes are all a comment's date says: of two reports in one minute, the later id is the later one.
  const later = (comment: { id: string; at: number }) => !found || comment.at > found.at || (comment.at === found.at && BigInt(comment.id) > BigInt(found.commentId));
  for (const comment of comments) {
    if (!/^\d+$/.test(comment.id) || !later(comment)) continue;
    if (isStatusReport(comment.text, markers)) found = { commentId: comment.id, taskId: comment.taskId, at: comment.at };
  }
  return found;
}

// ---------------------------------------------------------------- exports

const URL_PATTERN = /https?:\/\/[^\s<>"'`]+/g;

/** Text and links of a line, links only http(s) and without trailing punctuation. */
function pieces(line: string): Array<{ text: string; url?: boolean }> {
  const out: Array<{ text: string; url?: boolean }> = [];
  let last = 0;
  for (const match of line.matchAll(URL_PATTERN)) {
    let url = match[0];
    const trailing = /[.,;:!?)\]]+$/.exec(url)?.[0] ?? '';
    url = url.slice(0, url.length - trailing.length);
    if (match.index > last) out.push({ text: line.slice(last, match.index) });
    out.push({ text: url, url: true });
    last = match.index + url.length;
  }
  if (last < line.length) out.push({ text: line.slice(last) });
  return out;
}

interface Block {
  heading: string;
  lines: Array<{ bullet: boolean; text: string }>;
}

function blocksOf(text: string): Block[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((chunk) => chunk.split('\n').filter((line) => line.trim() !== ''))
    .filter((lines) => lines.length > 0)
    .map(([heading, ...rest]) => ({
      heading: heading!.trim(),
      lines: rest.map((line) => {
        const bullet = /^\s*[•\-*]\s+/.test(line);
        return { bullet, text: bullet ? line.replace(/^\s*[•\-*]\s+/, '') : line.trim() };
      }),
    }));
}

/** Markdown: every character Markdown could read as syntax is escaped; links are autolinks. */
export function toMarkdown(text: string): string {
  const escape = (value: string) => value.replace(/[\\`*_{}[\]()<>#+\-.!|~&]/g, '\\$&');
  const inline = (line: string) => pieces(line).map((piece) => (piece.url ? `<${piece.text}>` : escape(piece.text))).join('');
  return blocksOf(text)
    .map((block, index) => {
      const heading = `${index === 0 ? '#' : '##'} ${inline(block.heading)}`;
      const lines = block.lines.map((line) => (line.bullet ? `- ${inline(line.text)}` : `${inline(line.text)}  `));
      return [heading, ...(lines.length > 0 ? ['', ...lines] : [])].join('\n');
    })
    .join('\n\n')
    .concat('\n');
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (value: string): string => value.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character]!);

/** HTML for e-mail: everything from Worksection escaped, links only http(s). */
export function toHtml(text: string): string {
  const inline = (line: string) =>
    pieces(line)
      .map((piece) => (piece.url ? `<a href="${escapeHtml(piece.text)}">${escapeHtml(piece.text)}</a>` : escapeHtml(piece.text)))
      .join('');
  return blocksOf(text)
    .map((block, index) => {
      const out = [index === 0 ? `<h1>${inline(block.heading)}</h1>` : `<h2>${inline(block.heading)}</h2>`];
      let list: string[] = [];
      const flush = () => {
        if (list.length > 0) out.push(`<ul>${list.join('')}</ul>`);
        list = [];
      };
      for (const line of block.lines) {
        if (line.bullet) list.push(`<li>${inline(line.text)}</li>`);
        else {
          flush();
          out.push(`<p>${inline(line.text)}</p>`);
        }
      }
      flush();
      return out.join('\n');
    })
    .join('\n');
}
