// The demo session start.mjs and bench.mjs share: the Worksection simulator on
// a random port, Chromium with the built extension mapped onto it, and the demo
// account connected through the options page, as a user would.
// Loaded after setup (it needs node_modules): the simulator and the harness are
// TypeScript, imported through tsx.

import fs from 'node:fs';
import path from 'node:path';
import { projectRoot, SetupError } from './setup.mjs';

const SIMULATOR = 'tests/simulator/index.ts';
const HARNESS = 'tests/e2e/harness.ts';

/** Imports the TypeScript harness and simulator through tsx. */
export async function loadTestKit() {
  if (!fs.existsSync(path.join(projectRoot, SIMULATOR))) {
    throw new SetupError(`the Worksection simulator is missing: ${SIMULATOR} does not exist`);
  }
  const { tsImport } = await import('tsx/esm/api');
  const [harness, simulator] = await Promise.all([
    tsImport(`../${HARNESS}`, import.meta.url),
    tsImport(`../${SIMULATOR}`, import.meta.url),
  ]);
  return { harness, simulator };
}

/**
 * The pages a demo shows: the first project, and its top-level task with the
 * most comments (the heaviest ordinary task page). The dock page is that task
 * in a layout with none of the anchors Account Desk knows.
 */
export function demoPages(sim) {
  const project = sim.control.data().projects[0];
  if (!project) throw new SetupError('the simulator has no projects');
  const tasks = sim.control.tasks(project.id).filter((task) => task.level === 0);
  const task = tasks.reduce((best, next) => (next.commentCount > best.commentCount ? next : best), tasks[0]);
  if (!task) throw new SetupError(`the simulator's project ${project.page} has no tasks`);
  const url = (page) => new URL(page, sim.origin).href;
  return {
    projectUrl: url(project.page),
    projectName: project.name,
    taskUrl: url(task.page),
    taskName: task.name,
    dockUrl: url(`${task.page}?layout=unknown`),
  };
}

/**
 * Starts the simulator and a browser with the extension, and connects the demo
 * account through options.html. `log` receives one line per step.
 * Returns { sim, browser, harness, pages, connected, stop }.
 */
export async function startDemo({ headless = true, log = console.log, simulatorOptions = {} } = {}) {
  const { harness, simulator } = await loadTestKit();

  log('Starting the Worksection simulator');
  const sim = await simulator.startSimulator({ port: 0, ...simulatorOptions });
  log(`  ${sim.origin} is served on 127.0.0.1:${sim.port} (${sim.hostRules})`);

  let browser;
  try {
    log(`Launching Chromium ${headless ? 'headless' : 'with a window'} with the extension from .output/chrome-mv3`);
    browser = await harness.launchBrowser({ headless, hostRules: sim.hostRules, viewport: headless ? undefined : null });
    log(`  extension id ${browser.extensionId}`);

    log(`Connecting through options.html: Account URL ${sim.origin}, the demo API key`);
    const connected = await harness.connectThroughOptions(browser, { accountUrl: sim.origin, apiKey: sim.apiKey });
    if (!connected.startsWith('Connected to ')) throw new SetupError(`connecting the demo account failed: ${connected}`);
    log(`  ${connected}`);
    const me = await chooseWhoYouAre(browser);
    log(`  Who are you in Worksection? ${me}`);

    const pages = demoPages(sim);
    log(`Demo pages: project ${pages.projectUrl}, task ${pages.taskUrl}, dock ${pages.dockUrl}`);

    const stop = async () => {
      await browser.close();
      await sim.close();
    };
    return { sim, browser, harness, pages, connected, stop };
  } catch (error) {
    await browser?.close();
    await sim.close();
    throw error;
  }
}

/**
 * Answers options' "Who are you in Worksection?" as a manager of the agency
 * would (the admin key writes as the person chosen): the first member of the
 * agency's own team, by name. Returns their name.
 */
async function chooseWhoYouAre(browser) {
  const options = await browser.extensionPage('options.html');
  try {
    const ask = (type, request = {}) => options.evaluate(([type, request]) => chrome.runtime.sendMessage({ type, request }), [type, request]);
    const people = await ask('acting-as/people');
    const person = people.ok ? people.value.find((candidate) => !candidate.client) : undefined;
    if (!person) throw new SetupError(`options offered nobody to act as: ${JSON.stringify(people).slice(0, 200)}`);
    const chosen = await ask('acting-as/choose', { userId: person.id });
    if (!chosen.ok) throw new SetupError(`choosing ${person.name} failed: ${chosen.problem.message}`);
    return person.name;
  } finally {
    await options.close();
  }
}

/** Sets Account Desk's language as options → Language does (every open page follows at once). */
export async function chooseLanguage(browser, language) {
  const options = await browser.extensionPage('options.html');
  try {
    const saved = await options.evaluate((language) => chrome.runtime.sendMessage({ type: 'settings/save', request: { patch: { language } } }), language);
    if (!saved.ok) throw new SetupError(`choosing the language ${language} failed: ${saved.problem.message}`);
  } finally {
    await options.close();
  }
}

/** Waits until the extension's first reply sync is done (it starts when the demo connects), as the popup shows it. */
export async function firstSyncDone(browser) {
  const { harness } = await loadTestKit();
  await harness.waitForFirstSync(browser);
}
