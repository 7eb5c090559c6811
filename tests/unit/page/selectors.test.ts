// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ANCHORS, findAnchor, PAGE_ANCHORS, taskRows, type AnchorName } from '@/lib/page/selectors';
import { simulatorDemoPages, simulatorPage } from '../../support/simulator-pages';

// happy-dom gives import.meta.url an http: scheme, so resolve from the project root.
const fixtures = join(process.cwd(), 'tests/fixtures/pages/');

function page(name: string): Document {
  return new DOMParser().parseFromString(readFileSync(fixtures + name, 'utf8'), 'text/html');
}

/** How many elements each anchor's matching alternative finds, per saved page. */
function counts(doc: Document): Record<AnchorName, number> {
  return Object.fromEntries(
    (Object.keys(ANCHORS) as AnchorName[]).map((name) => {
      const match = findAnchor(doc, name);
      return [name, match.selector ? doc.querySelectorAll(match.selector).length : 0];
    }),
  ) as Record<AnchorName, number>;
}

describe('Worksection selectors against saved and simulated pages', () => {
  it('classic project page: header, task list and one row per task', () => {
    const doc = page('classic-project.html');
    expect(counts(doc)).toMatchObject({ projectHeader: 1, taskList: 1, taskRow: 3, taskTitle: 0 });
    expect(taskRows(doc).map((row) => [row.taskId, row.link?.textContent])).toEqual([
      ['331786', 'Monthly SEO report'],
      ['330142', 'Workflow revision'],
      ['331910', 'Sprint 1'],
    ]);
  });

  it('task opened in the classic modal: the title falls back to #TB_title', () => {
    const doc = page('classic-task-modal.html');
    const title = findAnchor(doc, 'taskTitle');
    expect(title.selector).toBe('#TB_title .name');
    expect(title.element?.textContent).toBe('Monthly SEO report');
    expect(counts(doc).taskActions).toBe(1);
  });

  it('a redesigned layout has none of the anchors (the dock case)', () => {
    const doc = page('redesign-unknown.html');
    for (const name of [...PAGE_ANCHORS.project, ...PAGE_ANCHORS.task]) {
      expect(findAnchor(doc, name).element, name).toBeNull();
    }
    expect(taskRows(doc)).toEqual([]);
  });

  // Rendered from the simulator's page views at test time, so these follow the pages the e2e tests run against.
  it('simulator pages have every anchor their page kind needs', () => {
    const { projectPath, taskPath, taskId } = simulatorDemoPages();
    const project = simulatorPage(projectPath);
    for (const name of PAGE_ANCHORS.project) expect(findAnchor(project, name).element, name).not.toBeNull();
    expect(counts(project).taskRow).toBeGreaterThan(5);
    expect(taskRows(project).map((row) => row.taskId)).toContain(taskId);
    const task = simulatorPage(taskPath);
    for (const name of PAGE_ANCHORS.task) expect(findAnchor(task, name).element, name).not.toBeNull();
  });

  it('the simulator\'s rich comment editor is a known anchor, not a guess', () => {
    const { taskPath } = simulatorDemoPages();
    const editor = findAnchor(simulatorPage(`${taskPath}?editor=rich`), 'commentEditor');
    expect(editor).toMatchObject({ selector: 'form#comment_form [contenteditable]:not([contenteditable="false"])' });
    expect(editor.guess).toBeUndefined();
    expect(editor.element?.getAttribute('role')).toBe('textbox');
    expect(counts(simulatorPage(`${taskPath}?editor=rich`)).commentEditor).toBe(1);
  });

  it('the simulator\'s layout without anchors has none of them (the dock case)', () => {
    const { projectPath, taskPath } = simulatorDemoPages();
    for (const [path, kind] of [[projectPath, 'project'], [taskPath, 'task']] as const) {
      const doc = simulatorPage(`${path}?layout=unknown`);
      for (const name of PAGE_ANCHORS[kind]) expect(findAnchor(doc, name).element, `${kind} ${name}`).toBeNull();
      expect(taskRows(doc)).toEqual([]);
    }
  });
});
