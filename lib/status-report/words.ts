// The report language's words from a compiled catalog (lib/i18n-catalog.ts):
// the report is written in the project's language whatever the UI's is.
import { lookUp, type Catalog } from '../i18n-catalog';
import { pluralCategory } from '../i18n';
import type { Language } from '../locale';
import type { ReportWords } from './text';

export function reportWords(catalog: Catalog, language: Language): ReportWords {
  const subs = (values?: Array<string | number>) => values?.map(String);
  return {
    language,
    word: (key, values) => lookUp(catalog, key, subs(values)) || key,
    count: (base, count, values) => {
      const args = subs(values ?? [count]);
      return lookUp(catalog, `${base}_${pluralCategory(count, language)}`, args) || lookUp(catalog, `${base}_other`, args) || `${base}_other`;
    },
  };
}

/** Each catalog's report marker: the first words of a report in that language. */
export function reportMarkers(catalogs: readonly Catalog[]): string[] {
  return [...new Set(catalogs.map((catalog) => lookUp(catalog, 'srMarker')).filter((marker) => marker !== ''))];
}
