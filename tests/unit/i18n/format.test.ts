// Dates in a language the browser's ICU has no month names for (Chromium's
// Kazakh writes "M11") fall back to numbers; languages with names keep them.
import { describe, expect, it } from 'vitest';
import { dateFormat } from '@/lib/format';

/** Intl, except that `language`'s months come out as ICU writes them without data: "M11". */
const withoutMonthNames = (missing: string) => (language: string, options: Intl.DateTimeFormatOptions) => {
  const real = new Intl.DateTimeFormat(language, options);
  if (language !== missing || options.month === '2-digit' || options.month === 'numeric') return real;
  const formatToParts = (at?: number | Date) => real.formatToParts(at).map((part) => (part.type === 'month' ? { ...part, value: `M${new Date(at ?? 0).getUTCMonth() + 1}` } : part));
  return { formatToParts, format: (at?: number | Date) => formatToParts(at).map((part) => part.value).join('') } as unknown as Intl.DateTimeFormat;
};

describe('dateFormat', () => {
  const at = Date.UTC(2026, 10, 30, 2, 13);

  it('writes the day in numbers where the month would be "M11"', () => {
    const format = dateFormat('kk', { dateStyle: 'medium', timeZone: 'UTC' }, { year: 'numeric', month: '2-digit', day: '2-digit' }, withoutMonthNames('kk'));
    expect(format.format(at)).not.toMatch(/M\d/);
    expect(format.format(at)).toContain('2026');
    expect(format.format(at)).toContain('11');
  });

  it('keeps the month names a language has', () => {
    const format = dateFormat('ru', { dateStyle: 'medium', timeZone: 'UTC' }, { year: 'numeric', month: '2-digit', day: '2-digit' }, withoutMonthNames('kk'));
    expect(format.format(at)).toMatch(/нояб/);
  });
});
