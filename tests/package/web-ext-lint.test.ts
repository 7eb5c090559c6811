// Mozilla's linter (web-ext lint, the addons-linter AMO's review runs) on the
// Firefox build that `npm test` makes first: no errors, and every warning or
// notice explained to AMO's reviewers in SOURCES.md (which goes into the
// sources zip), by its code and file in the table there. A new warning fails
// until it is removed or explained; an explanation of a warning the linter no
// longer gives fails too, so the notes stay true.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import webExt, { type LintMessage, type LintResult } from 'web-ext';
import { beforeAll, describe, expect, it } from 'vitest';

const root = process.cwd();
const buildDir = join(root, '.output', 'firefox-mv3');
const notesFile = join(root, 'SOURCES.md');

interface Explained {
  code: string;
  /** The file as SOURCES.md names it; `*` stands for a build hash. */
  file: string;
  matches(message: LintMessage): boolean;
}

/** The rows of SOURCES.md's table of linter messages: | `CODE` | `file` | … */
function explainedInNotes(): Explained[] {
  const rows = [...readFileSync(notesFile, 'utf8').matchAll(/^\|\s*`([A-Z0-9_]+)`\s*\|\s*`([^`]+)`\s*\|/gm)];
  return rows.map(([, code, file]) => {
    const pattern = new RegExp(`^${file!.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/]+')}$`);
    return { code: code!, file: file!, matches: (message) => message.code === code && pattern.test(message.file ?? '') };
  });
}

const describeMessage = (message: LintMessage) => `${message.code} in ${message.file ?? '(no file)'}${message.line ? `:${message.line}` : ''}: ${message.message}`;

describe('web-ext lint on the Firefox build', () => {
  let result: LintResult;
  let explained: Explained[];

  beforeAll(async () => {
    if (!existsSync(join(buildDir, 'manifest.json'))) {
      throw new Error(`${buildDir}/manifest.json is missing: npm test builds it first (npm run zip), or run \`npx wxt build -b firefox\``);
    }
    explained = explainedInNotes();
    // As `web-ext lint -s .output/firefox-mv3` runs it, without printing or exiting.
    result = await webExt.cmd.lint({ sourceDir: buildDir, output: 'none', boring: true }, { shouldExitProgram: false });
  }, 180_000);

  it('SOURCES.md has the table of explained linter messages', () => {
    expect(explained.length, 'rows like | `UNSAFE_VAR_ASSIGNMENT` | `worksection-bootstrap.js` | … in SOURCES.md').toBeGreaterThan(0);
  });

  it('reports no errors', () => {
    expect(result.errors.map(describeMessage)).toEqual([]);
  });

  it('reports no warning or notice that the review notes do not explain', () => {
    const unexplained = [...result.warnings, ...result.notices].filter((message) => !explained.some((row) => row.matches(message)));
    expect(unexplained.map(describeMessage), 'remove it, or explain it in SOURCES.md\'s table (code and file)').toEqual([]);
  });

  it('explains no warning the linter no longer reports', () => {
    const stale = explained.filter((row) => ![...result.warnings, ...result.notices].some((message) => row.matches(message)));
    expect(stale.map((row) => `${row.code} in ${row.file}`), 'remove these rows from SOURCES.md').toEqual([]);
  });
});
