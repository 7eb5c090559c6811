// Worksection pages rendered by the simulator's own page views
// (tests/simulator/pages), for tests that look at the DOM without a server:
// the selector tests and the reply badges. Rendered at test time, so they
// follow the simulator whenever its pages change; no saved copy to refresh.

import { SimClock } from '../simulator/clock';
import type { Store } from '../simulator/model';
import { handlePage } from '../simulator/pages/router';
import { seedDemoAccount } from '../simulator/seed';

/** The demo account as the simulator's own tests see it: seed 1, UTC, a fixed day. */
export const SIMULATOR_PAGE_NOW = new Date('2025-03-12T10:30:00Z');

/** The project whose pages the DOM tests use ("Northwind Coffee — website": rows over three levels). */
const PROJECT_ID = '8562';

let demo: Store | undefined;
const demoStore = (): Store => (demo ??= seedDemoAccount({ now: SIMULATOR_PAGE_NOW, seed: 1, timeZone: 'UTC', subdomain: 'demo' }));

/**
 * The full HTML document the simulator serves at `path` (with `?layout=unknown`
 * for the layout without anchors). Throws when the simulator answers anything
 * but 200, so a renamed id fails loudly instead of testing a "not found" page.
 */
export function simulatorPageHtml(path: string): string {
  const url = new URL(path, 'https://demo.worksection.com');
  const answer = handlePage(demoStore(), new SimClock(SIMULATOR_PAGE_NOW), {
    method: 'GET',
    path: url.pathname,
    search: url.searchParams,
    xhr: false,
    contentType: '',
    bodyText: '',
  });
  if (answer.status !== 200 || typeof answer.body !== 'string') {
    throw new Error(`the simulator answers ${path} with HTTP ${answer.status}, not a page`);
  }
  return answer.body;
}

/** That page as its own document (the DOMParser of the test environment, e.g. happy-dom). */
export function simulatorPage(path: string): Document {
  return new DOMParser().parseFromString(simulatorPageHtml(path), 'text/html');
}

/** Paths and ids of the pages the DOM tests use, read from the seeded account (so they follow its seed). */
export function simulatorDemoPages() {
  const store = demoStore();
  const project = store.project(PROJECT_ID);
  if (!project) throw new Error(`the simulator's demo account has no project ${PROJECT_ID}`);
  const byId = (a: { id: string }, b: { id: string }) => Number(a.id) - Number(b.id);
  const top = store.topLevelTasks(PROJECT_ID).sort(byId);
  const task = top[0];
  const subtask = top.flatMap((parent) => store.children(parent.id)).sort(byId)[0];
  if (!task || !subtask) throw new Error(`the simulator's project ${PROJECT_ID} needs a task and a subtask`);
  return {
    projectId: PROJECT_ID,
    projectPath: `/project/${PROJECT_ID}/`,
    /** A top-level task: its row on the project page, and its own page. */
    taskId: task.id,
    taskPath: store.taskPage(task),
    /** A subtask's row on the project page. */
    subtaskId: subtask.id,
  };
}
