/**
 * No user-visible text is written into the UI's code: JSX text and the
 * attributes people read or hear (aria-label, title, placeholder, alt) come
 * from `t`/`tn`, so every language has them. What may stay literal is listed
 * here, each with why.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const ALLOWED = [
  // The product's mark on the bar and the dock button: a logo, hidden from screen readers or named by t('barDockOpen').
  'components/page-bar/PageBar.tsx: AD',
  'components/account-time/ThreadTime.tsx: AD',
  // An address is no word of any language.
  'components/options/ConnectionSection.tsx: https://youragency.worksection.com',
];

/** JSX text with a word in it, and literal text attributes, per file: "file: text". */
function literals(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const match of source.matchAll(/>([^<>{}()=;]*[\p{L}]{2,}[^<>{}()=;]*)<\//gu)) found.push(match[1]!.trim());
  for (const match of source.matchAll(/\b(?:aria-label|aria-description|title|placeholder|alt)="([^"]*\p{L}[^"]*)"/gu)) found.push(match[1]!);
  return found.map((text) => `${file}: ${text}`);
}

describe('user-visible text', () => {
  it('comes from the messages, in every component and extension page', () => {
    const files = ['components', 'entrypoints'].flatMap((dir) =>
      (readdirSync(dir, { recursive: true }) as string[]).filter((name) => name.endsWith('.tsx')).map((name) => `${dir}/${name}`),
    );
    expect(files.length).toBeGreaterThan(30);
    expect(files.flatMap(literals).filter((entry) => !ALLOWED.includes(entry))).toEqual([]);
  });

  it('is found when it is there (the check is live)', () => {
    const probe = 'components/page-bar/PageBar.tsx';
    expect(literals(probe)).toContain(`${probe}: AD`);
  });
});
