/**
 * No user-visible text is written into the UI's code: JSX text and the
 * attributes people read or hear (aria-label, title, placeholder, alt) come
 * from `t`/`tn`, so every language has them; so does text the plain
 * TypeScript DOM code (the dock, the page runner, badges) puts on Worksection
 * pages. What may stay literal is listed here, each with why.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const ALLOWED = [
  // The product's mark on the bar and the dock button: a logo, hidden from screen readers or named by t('barDockOpen').
  'components/page-bar/PageBar.tsx: AD',
  'lib/page/dock.ts: AD',
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

/** In DOM code: text or a read attribute set to a literal with a word in it. */
function domLiterals(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const match of source.matchAll(/\.(?:textContent|innerText|title|placeholder|alt|ariaLabel)\s*=\s*(['"`])([^'"`]*\p{L}{2,}[^'"`]*)\1/gu)) found.push(match[2]!);
  for (const match of source.matchAll(/setAttribute\(\s*'(?:aria-label|aria-description|title|placeholder|alt)',\s*(['"`])([^'"`]*\p{L}[^'"`]*)\1/gu)) found.push(match[2]!);
  return found.map((text) => `${file}: ${text}`);
}

const sources = (dirs: string[], extension: string) =>
  dirs.flatMap((dir) => (readdirSync(dir, { recursive: true }) as string[]).filter((name) => name.endsWith(extension)).map((name) => `${dir}/${name}`));

describe('user-visible text', () => {
  it('comes from the messages, in every component and extension page', () => {
    const files = ['components', 'entrypoints'].flatMap((dir) =>
      (readdirSync(dir, { recursive: true }) as string[]).filter((name) => name.endsWith('.tsx')).map((name) => `${dir}/${name}`),
    );
    expect(files.length).toBeGreaterThan(30);
    expect(files.flatMap(literals).filter((entry) => !ALLOWED.includes(entry))).toEqual([]);
  });

  it('comes from the messages in the DOM code of Worksection pages too', () => {
    const files = sources(['components', 'entrypoints', 'lib/page'], '.ts').filter((name) => !name.endsWith('.d.ts'));
    expect(files).toContain('lib/page/dock.ts');
    expect(files.flatMap(domLiterals).filter((entry) => !ALLOWED.includes(entry))).toEqual([]);
  });

  it('is found when it is there (the check is live)', () => {
    const probe = 'components/page-bar/PageBar.tsx';
    expect(literals(probe)).toContain(`${probe}: AD`);
    expect(domLiterals('lib/page/dock.ts')).toContain('lib/page/dock.ts: AD');
  });
});
