// @vitest-environment happy-dom
// Layout reports users send us (tests/fixtures/pages/skeleton-*.html, made by
// "Report this page's layout") are fixtures for the selectors: each file names
// what Account Desk should find on that layout.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ANCHORS, findAnchor, type AnchorName } from '@/lib/page/selectors';

const FIXTURES = path.join(__dirname, '../../fixtures/pages');

/** What each saved report must give, anchor by anchor: found by a selector, by a guess, or missing. */
const EXPECTED: Record<string, Partial<Record<AnchorName, 'found' | 'guess' | 'missing'>>> = {
  // The simulator's unknown layout, from the dock's report (tests/e2e/layout-report.test.ts refreshes it).
  'skeleton-unknown-task.html': {
    taskList: 'missing',
    taskRow: 'missing',
    taskTitle: 'missing',
    taskActions: 'missing',
    comments: 'missing',
    commentEditor: 'guess',
    taskModal: 'missing',
  },
};

describe('saved layout reports', () => {
  const files = fs.readdirSync(FIXTURES).filter((name) => name.startsWith('skeleton-'));

  it('has an expectation for every saved report', () => {
    expect(files.sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const [file, anchors] of Object.entries(EXPECTED)) {
    it(`finds on ${file} what its layout has`, () => {
      document.body.outerHTML = fs.readFileSync(path.join(FIXTURES, file), 'utf8');
      for (const [name, expected] of Object.entries(anchors) as Array<[AnchorName, string]>) {
        const match = findAnchor(document, name);
        const seen = !match.element ? 'missing' : match.guess ? 'guess' : 'found';
        expect(seen, `${ANCHORS[name].label} on ${file}`).toBe(expected);
      }
    });
  }
});
