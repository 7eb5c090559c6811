import { describe, expect, it } from 'vitest';
import { buildSearchIndex, orderEntries, searchTemplates } from '@/components/templates/search';
import type { TemplateSummary } from '@/lib/templates/protocol';

const summary = (id: string, source: TemplateSummary['source'], name: string, extra: Partial<TemplateSummary> = {}): TemplateSummary => ({
  source,
  id,
  name,
  nodes: 3,
  searchText: '',
  ...extra,
});

describe('picker search', () => {
  const entries = [
    summary('a', 'builtin', 'Website launch', { language: 'en', searchText: 'Designer\nPre-launch QA' }),
    summary('b', 'builtin', 'Запуск сайта', { language: 'ru', searchText: 'Дизайнер' }),
    summary('c', 'personal', 'Client onboarding', { description: 'Context and goal' }),
    summary('d', 'team', 'Café menu refresh'),
  ];

  it('matches every word in names, descriptions, roles and task titles, ignoring case and accents', () => {
    const index = buildSearchIndex(entries);
    expect(searchTemplates(index, '').map((entry) => entry.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(searchTemplates(index, 'qa DESIGNER').map((entry) => entry.id)).toEqual(['a']);
    expect(searchTemplates(index, 'goal').map((entry) => entry.id)).toEqual(['c']);
    expect(searchTemplates(index, 'cafe').map((entry) => entry.id)).toEqual(['d']);
    expect(searchTemplates(index, 'сайта').map((entry) => entry.id)).toEqual(['b']);
    expect(searchTemplates(index, 'website nothing')).toEqual([]);
  });

  it('orders personal, team, then built-ins in the UI language before the others', () => {
    expect(orderEntries(entries, 'ru').map((entry) => entry.id)).toEqual(['c', 'd', 'b', 'a']);
    expect(orderEntries(entries, 'en').map((entry) => entry.id)).toEqual(['c', 'd', 'a', 'b']);
  });
});
