// axe-core injected into a page of the real browser (playwright-core has no
// axe integration of its own): the WCAG 2.0 A/AA and 2.1 AA rules.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { expect } from 'vitest';
import type { Page } from 'playwright-core';

const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21aa'];

export interface Found {
  id: string;
  help: string;
  nodes: string[];
}

/**
 * axe's violations on `page`, within the elements `include` selects (the
 * whole document by default), each with the elements it names. Injected
 * through DevTools' evaluate, which extension pages' CSP does not block.
 */
export async function violations(page: Page, include?: string[]): Promise<Found[]> {
  await page.evaluate(AXE_SOURCE);
  const { found, checked } = await page.evaluate(
    async ({ include, tags }) => {
      type Rule = { id: string; help: string; nodes: Array<{ target: unknown[] }> };
      const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: Rule[]; passes: Rule[] }> } }).axe;
      const context = include ? { include: include.map((selector) => [selector]) } : document;
      const result = await axe.run(context, { runOnly: { type: 'tag', values: tags } });
      return {
        found: result.violations.map((violation) => ({ id: violation.id, help: violation.help, nodes: violation.nodes.map((node) => JSON.stringify(node.target)) })),
        checked: result.passes.reduce((sum, rule) => sum + rule.nodes.length, 0),
      };
    },
    { include, tags: TAGS },
  );
  // Nothing checked would pass as nothing wrong: the UI must have been there for axe.
  expect(checked).toBeGreaterThan(10);
  return found;
}

