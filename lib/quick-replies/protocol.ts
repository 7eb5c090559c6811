// What the quick-reply messages carry between the comment editor, options and the background.
import type { Language } from '../locale';
import type { QuickReply, QuickReplySource } from './model';
import type { ListedReply } from './search';
import type { ReplyValues } from './variables';

export interface QuickReplyLibrary {
  /** Every reply with its usage, in list order. */
  entries: ListedReply[];
  language: Language;
  /** Set when the team's replies could not be read (the rest still shows). */
  teamProblem?: string;
}

/**
 * What a task's variables are, from the background: names as Worksection's
 * API has them, and days as "YYYY-MM-DD" (the page writes them in the UI
 * language). `today` is the account's today, in its time zone.
 */
export interface ReplyContext {
  values: Omit<ReplyValues, 'due_date' | 'today'>;
  dueDate?: string;
  today: string;
}

type None = Record<string, never>;

/** The quick-reply messages (listed in lib/messages.ts's Protocol). */
export interface QuickReplyMessages {
  'quick-replies/library': { request: None; response: QuickReplyLibrary };
  'quick-replies/context': { request: { origin: string; taskId: string }; response: ReplyContext };
  /** One more use of a reply (it moves up the list). */
  'quick-replies/used': { request: { source: QuickReplySource; id: string }; response: null };
  'quick-replies/personal/list': { request: None; response: QuickReply[] };
  /** `reply` is validated by the background. */
  'quick-replies/personal/save': { request: { reply: unknown; replacing?: string }; response: QuickReply };
  'quick-replies/personal/delete': { request: { id: string }; response: null };
  'quick-replies/personal/import': { request: { text: string }; response: { added: number; replaced: number } };
  'quick-replies/personal/export': { request: None; response: string };
}
