// The quick-reply list's order and search. The list is ordered by how often
// the user inserted each reply (counted locally), then by when, then by
// library: personal, the team's, built-ins in the UI language, other
// languages. A search keeps that order but puts replies whose title matches
// first, since `/inv` means the invoice reply. Each reply's folded text is
// made on the first search, so opening the list does not pay for it. Pure.
import type { Language } from '../locale';
import type { QuickReply, QuickReplySource } from './model';

export interface ListedReply {
  /** "<source>:<id>": what usage is counted under. */
  key: string;
  source: QuickReplySource;
  reply: QuickReply;
  /** Times inserted in this browser, and when last. */
  uses: number;
  usedAt: number;
}

export const replyKey = (source: QuickReplySource, id: string) => `${source}:${id}`;

const libraryRank = (entry: ListedReply, language: Language): number =>
  entry.source === 'personal' ? 0 : entry.source === 'team' ? 1 : entry.reply.language === language ? 2 : 3;

/** Most used first, then most recent, then library order (stable within a library). */
export function orderReplies(entries: readonly ListedReply[], language: Language): ListedReply[] {
  return entries
    .map((entry, position) => ({ entry, position, rank: libraryRank(entry, language) }))
    .sort((a, b) => b.entry.uses - a.entry.uses || b.entry.usedAt - a.entry.usedAt || a.rank - b.rank || a.position - b.position)
    .map(({ entry }) => entry);
}

const fold = (text: string): string => text.toLocaleLowerCase().normalize('NFKD').replace(/\p{M}/gu, '');

export interface ReplyIndex {
  entries: readonly ListedReply[];
  titles?: readonly string[];
  texts?: readonly string[];
}

export function replyIndex(ordered: readonly ListedReply[]): ReplyIndex {
  return { entries: ordered };
}

/** The replies containing every word of `query` (title or text), title matches first; each group in list order. */
export function searchReplies(index: ReplyIndex, query: string): ListedReply[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...index.entries];
  index.titles ??= index.entries.map((entry) => fold(entry.reply.title));
  index.texts ??= index.entries.map((entry) => fold(entry.reply.body));
  const inTitle: ListedReply[] = [];
  const inText: ListedReply[] = [];
  index.entries.forEach((entry, position) => {
    const title = index.titles![position]!;
    if (words.every((word) => title.includes(word))) inTitle.push(entry);
    else if (words.every((word) => title.includes(word) || index.texts![position]!.includes(word))) inText.push(entry);
  });
  return [...inTitle, ...inText];
}
