// What the status report's messages carry between a project page and the background.
import type { Language } from '../locale';
import type { Health } from './text';

/** Since the last report on the project, or the last 1, 2 or 4 weeks. */
export type ReportPeriodChoice = 'last-report' | '1w' | '2w' | '4w';
export const REPORT_PERIODS: readonly ReportPeriodChoice[] = ['last-report', '1w', '2w', '4w'];

export interface StatusReportDraft {
  projectName: string;
  /** The language the report's text is in (the project's choice, else the UI's). */
  language: Language;
  period: {
    choice: ReportPeriodChoice;
    /** Instants [from, to) and the account's days they cover. */
    from: number;
    to: number;
    firstDay: string;
    lastDay: string;
    /** The report the period starts from ("last-report"). */
    lastReport?: { at: number; taskId: string; commentId: string; url: string };
    /** "last-report" asked, none found in Worksection: the period is the last two weeks. */
    noEarlierReport?: boolean;
  };
  /** The report's first line: its marker in `language`, the project and the period. */
  title: string;
  /** Health words in `language`, to compose the second line. */
  healthLabel: string;
  healthWords: Record<Health, string>;
  /** The sections as editable text. */
  body: string;
  counts: { done: number; inProgress: number; planned: number; overdue: number; waiting: number };
  /** Tasks the report can be posted on (open, not internal), by name. */
  targets: Array<{ id: string; name: string }>;
  /** The task the last report of this project was posted on from here (remembered per project). */
  targetTaskId?: string;
  /** How many Worksection API calls this draft made (0 when all it needed was at hand). */
  apiCalls: number;
}

export interface DraftRequest {
  origin: string;
  projectId: string;
  period: ReportPeriodChoice;
  /** Omitted: the project's report language (default the UI's). Given: it becomes the project's. */
  language?: Language;
  /**
   * Reuse what this dialog's first draft read, when recent (another period or
   * language costs no call); without it the project is read afresh.
   */
  reuse?: boolean;
}

export interface PostRequest {
  origin: string;
  projectId: string;
  taskId: string;
  /** The whole report; its first line must carry the marker. */
  text: string;
}

/** The status report's messages (listed in lib/messages.ts's Protocol). */
export interface StatusReportMessages {
  'status-report/draft': { request: DraftRequest; response: StatusReportDraft };
  'status-report/post': { request: PostRequest; response: { commentId: string; page: string; url: string } };
}
