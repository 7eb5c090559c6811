// Picker search: every keystroke filters hundreds of templates, so each entry's
// searchable text (name, description, roles, every node title) is folded once.
import type { TemplateSummary } from '@/lib/templates/protocol';

const fold = (text: string): string => text.toLocaleLowerCase().normalize('NFKD').replace(/\p{M}/gu, '');

export interface SearchIndex {
  entries: readonly TemplateSummary[];
  /** Folded text per entry, built on the first search (opening the picker does not pay for it). */
  haystacks?: readonly string[];
}

export function buildSearchIndex(entries: readonly TemplateSummary[]): SearchIndex {
  return { entries };
}

function haystacksOf(index: SearchIndex): readonly string[] {
  index.haystacks ??= index.entries.map((entry) => fold(`${entry.name}\n${entry.description ?? ''}\n${entry.searchText}`));
  return index.haystacks;
}

/** Entries containing every word of `query`, in library order. */
export function searchTemplates(index: SearchIndex, query: string): TemplateSummary[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...index.entries];
  const out: TemplateSummary[] = [];
  haystacksOf(index).forEach((haystack, position) => {
    if (words.every((word) => haystack.includes(word))) out.push(index.entries[position]!);
  });
  return out;
}

/** Library order for the picker: personal, team, then built-ins in the UI language, then the other languages. */
export function orderEntries(entries: readonly TemplateSummary[], language: string): TemplateSummary[] {
  const rank = (entry: TemplateSummary): number =>
    entry.source === 'personal' ? 0 : entry.source === 'team' ? 1 : entry.language === language ? 2 : 3;
  return entries
    .map((entry, position) => ({ entry, position }))
    .sort((a, b) => rank(a.entry) - rank(b.entry) || a.position - b.position)
    .map(({ entry }) => entry);
}
