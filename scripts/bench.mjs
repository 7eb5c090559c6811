#!/usr/bin/env node
// `npm run bench`: Account Desk's performance budgets (DESIGN.md §6), measured
// on the production build against the Worksection simulator.
//
//   npm run bench -- [--runs 15 (≥ 10)] [--warmup 2] [--trace-loads 7] [--strict] [--only TEXT]
//
// Each bench case returns table rows; add a case to `benchCases` to add rows.
// With --strict the exit code is 1 when a row is over its budget.
//
// Page loads compare two persistent Chromium contexts with identical flags,
// one with the extension (connected to the demo account) and one without,
// alternated A,B,B,A,… in one run so that drift in the machine hits both.

import fs from 'node:fs';
import https from 'node:https';
import path from 'node:path';
import zlib from 'node:zlib';
import { firstSyncDone } from './demo.mjs';
import { buildExtension, chromeBuildDir, main, setup, step } from './setup.mjs';

const BUDGET = {
  contentScriptGzipBytes: 25 * 1024,
  loadRatio: 1.1,
  mainThreadMs: 8,
};

// ------------------------------------------------------------------ options
function parseOptions(argv) {
  const options = { runs: 15, warmup: 2, traceLoads: 7, strict: false, only: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const number = () => {
      const value = Number(argv[++i]);
      if (!Number.isInteger(value) || value < 0) throw new Error(`${arg} needs a whole number, got ${argv[i]}`);
      return value;
    };
    if (arg === '--runs') options.runs = number();
    else if (arg === '--warmup') options.warmup = number();
    else if (arg === '--trace-loads') options.traceLoads = number();
    else if (arg === '--strict') options.strict = true;
    else if (arg === '--only') options.only = String(argv[++i] ?? '').toLowerCase();
    else throw new Error(`unknown option ${arg} (known: --runs N, --warmup N, --trace-loads N, --strict, --only TEXT)`);
  }
  // Fewer loads make the medians noise; DESIGN.md §6 compares at least 10 per side.
  if (options.runs < 10) throw new Error('--runs must be at least 10');
  return options;
}

// ------------------------------------------------------------------ helpers
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (value) => `${value.toFixed(1)} ms`;

/** A table row. `within` is true/false against the budget, null when there is none. */
const row = (metric, value, { baseline = '', budget = '', within = null } = {}) => ({ metric, value, baseline, budget, within });

/**
 * What the cases share, started on first use: the demo (simulator + browser A
 * with the extension, connected) and browser B without the extension.
 */
function createLab() {
  let demo;
  let plain;
  return {
    manifest: JSON.parse(fs.readFileSync(path.join(chromeBuildDir, 'manifest.json'), 'utf8')),
    async demo() {
      demo ??= import('./demo.mjs').then(({ startDemo }) => startDemo({ log: (line) => console.log(`  ${line}`) }));
      return demo;
    },
    async withoutExtension() {
      plain ??= this.demo().then(({ harness, sim }) => harness.launchBrowser({ extension: false, hostRules: sim.hostRules }));
      return plain;
    },
    async close() {
      if (plain) await plain.then((b) => b.close(), () => {});
      if (demo) await demo.then((d) => d.stop(), () => {});
    },
  };
}

/** One page load in a fresh tab: navigation start → end of the load event, from the Performance API. */
async function loadTime(context, url) {
  const page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: 'load' });
    const handle = await page.waitForFunction(() => {
      const [navigation] = performance.getEntriesByType('navigation');
      return navigation && navigation.loadEventEnd > 0 ? navigation.loadEventEnd - navigation.startTime : 0;
    });
    return await handle.jsonValue();
  } finally {
    await page.close();
  }
}

// Trace events that are extension work on the page's main thread.
const EXTENSION_TASK = /ScriptInjection|UserScript|ContentScript/i;
const SCRIPT_EVENTS = new Set(['EvaluateScript', 'FunctionCall', 'v8.compile', 'v8.run', 'V8.Execute', 'v8.callFunction', 'v8.compileModule', 'v8.evaluateModule']);
const scriptUrl = (event) => String(event.args?.data?.url || event.args?.data?.scriptName || event.args?.fileName || '');

/**
 * A Chromium trace of one page load on the page renderer's main thread:
 * `tasks`, its top-level tasks, and `extension`, the slices that are
 * content-script injection or run code from chrome-extension:// URLs, merged
 * into a union (nested slices count once). `settle` decides when the load's
 * work is over (including the UI's work after load).
 */
async function traceMainThread(context, url, settle) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', (message) => events.push(...message.value));
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  try {
    await cdp.send('Tracing.start', {
      transferMode: 'ReportEvents',
      traceConfig: {
        includedCategories: ['devtools.timeline', 'v8', 'v8.execute', 'blink', 'loading', 'extensions', 'toplevel', 'disabled-by-default-devtools.timeline'],
      },
    });
    await page.goto(url, { waitUntil: 'load' });
    await settle(page);
    await cdp.send('Tracing.end');
    await complete;
  } finally {
    await cdp.detach().catch(() => {});
    await page.close();
  }
  const parse = events.find((e) => e.name === 'ParseHTML' && JSON.stringify(e.args ?? {}).includes(url));
  if (!parse) throw new Error(`the trace of ${url} has no ParseHTML event for the page; cannot find its main thread`);
  const main = events.filter((e) => e.pid === parse.pid && e.tid === parse.tid && e.ph === 'X' && typeof e.dur === 'number');
  const tasks = main.filter((e) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask').map((e) => [e.ts, e.ts + e.dur]);
  const slices = main
    .filter((e) => EXTENSION_TASK.test(e.name) || (SCRIPT_EVENTS.has(e.name) && scriptUrl(e).startsWith('chrome-extension://')))
    .map((e) => [e.ts, e.ts + e.dur])
    .sort((a, b) => a[0] - b[0]);
  const extension = [];
  for (const [start, end] of slices) {
    const last = extension.at(-1);
    if (!last || start > last[1]) extension.push([start, end]);
    else last[1] = Math.max(last[1], end);
  }
  return { tasks, extension };
}

/** Main-thread time the extension costs one page load, in ms. */
async function extensionMainThreadMs(context, url, settle) {
  const { extension } = await traceMainThread(context, url, settle);
  return extension.reduce((sum, [start, end]) => sum + end - start, 0) / 1000;
}

/**
 * The longest unbroken stretch of extension work on the main thread (ms), and
 * the page's longest task of all. (A rendering task can hold a quick
 * animation-frame callback of ours while painting thousands of rows; that
 * task's length is the page's, so the extension's own stretch is measured.)
 */
async function longestTasksMs(context, url, settle) {
  const { tasks, extension } = await traceMainThread(context, url, settle);
  const longest = (list) => Math.max(0, ...list.map(([start, end]) => (end - start) / 1000));
  return { extension: longest(extension), all: longest(tasks) };
}

// ------------------------------------------------------------------ cases
/** Content scripts Chromium injects at page start, raw and gzipped, against the budget. */
async function contentScriptSize(lab) {
  const files = [...new Set((lab.manifest.content_scripts ?? []).flatMap((cs) => [...(cs.js ?? []), ...(cs.css ?? [])]))];
  if (files.length === 0) return [row('content scripts (manifest)', 'none')];
  let raw = 0;
  let gzip = 0;
  const rows = files.map((file) => {
    const bytes = fs.readFileSync(path.join(chromeBuildDir, file));
    const gz = zlib.gzipSync(bytes, { level: 9 }).length;
    raw += bytes.length;
    gzip += gz;
    return row(`content script ${file}`, `${kib(bytes.length)} raw, ${kib(gz)} gzip`);
  });
  rows.push(
    row('content scripts at page start (gzip)', `${kib(gzip)} (${kib(raw)} raw)`, {
      budget: `≤ ${kib(BUDGET.contentScriptGzipBytes)}`,
      within: gzip <= BUDGET.contentScriptGzipBytes,
    }),
  );
  // The UI module the bootstrap imports after the page's load event.
  for (const file of (lab.manifest.web_accessible_resources ?? []).flatMap((entry) => entry.resources ?? [])) {
    if (!file.endsWith('.js')) continue;
    const bytes = fs.readFileSync(path.join(chromeBuildDir, file));
    rows.push(row(`UI module ${file} (imported after load)`, `${kib(bytes.length)} raw, ${kib(zlib.gzipSync(bytes, { level: 9 }).length)} gzip`));
  }
  return rows;
}

/** Median task-page load with (A) and without (B) the extension, ABBA-alternated. */
async function taskPageLoad(lab, options) {
  const { browser, pages } = await lab.demo();
  const plain = await lab.withoutExtension();
  const url = pages.taskUrl;
  const A = browser.context;
  const B = plain.context;
  console.log(`  task page ${url}: ${options.warmup} warm-up + ${options.runs} measured loads per browser, A,B,B,A,…`);
  for (let i = 0; i < options.warmup; i++) {
    await loadTime(A, url);
    await loadTime(B, url);
  }
  const times = { A: [], B: [] };
  for (let i = 0; i < options.runs; i++) {
    for (const side of i % 2 === 0 ? ['A', 'B'] : ['B', 'A']) times[side].push(await loadTime(side === 'A' ? A : B, url));
  }
  const a = median(times.A);
  const b = median(times.B);
  const ratio = a / b;
  return [
    row('task page load, median (with extension)', ms(a), { baseline: `${ms(b)} without` }),
    row('task page load ratio with/without', `${ratio.toFixed(2)}×`, {
      baseline: '1.00×',
      budget: `≤ ${BUDGET.loadRatio.toFixed(2)}×`,
      within: ratio <= BUDGET.loadRatio,
    }),
  ];
}

/** Extension main-thread time per task-page load (traced, untimed loads), B as a control. */
async function extensionMainThread(lab, options) {
  if (options.traceLoads < 1) return [row('extension main-thread time per task-page load', 'skipped (--trace-loads 0)')];
  const { browser, harness, pages } = await lab.demo();
  const plain = await lab.withoutExtension();
  const url = pages.taskUrl;
  // Count the UI's work after load too: wait until it is mounted and its text is stable.
  const settleWithUi = async (page) => {
    await harness.accountDeskUi(page).waitFor({ state: 'attached' });
    await page.waitForFunction(
      () => {
        const text = document.querySelector('account-desk-page-bar')?.shadowRoot?.textContent ?? '';
        const state = (window.__benchStable ??= { text: null, since: 0 });
        if (text !== state.text) Object.assign(state, { text, since: performance.now() });
        return performance.now() - state.since >= 300;
      },
      undefined,
      { polling: 50 },
    );
  };
  const settleWithout = (page) => page.waitForLoadState('networkidle');
  // The first traced load also pays for starting the tracing machinery: traced and dropped.
  await extensionMainThreadMs(browser.context, url, settleWithUi);
  const withExtension = [];
  for (let i = 0; i < options.traceLoads; i++) withExtension.push(await extensionMainThreadMs(browser.context, url, settleWithUi));
  const control = await extensionMainThreadMs(plain.context, url, settleWithout);
  const value = median(withExtension);
  return [
    row(`extension main-thread time per task-page load (median of ${withExtension.length})`, ms(value), {
      baseline: `${ms(control)} without`,
      budget: `≤ ${ms(BUDGET.mainThreadMs)}`,
      within: value <= BUDGET.mainThreadMs,
    }),
    row('  each traced load', withExtension.map((v) => v.toFixed(1)).join(', ') + ' ms'),
  ];
}

/** A simulator page's HTML, fetched from Node (the host mapping exists only inside Chromium). */
function simulatorPage(sim, url) {
  const { hostname, pathname, search } = new URL(url);
  return new Promise((resolve, reject) => {
    const request = https.get(
      { host: '127.0.0.1', port: sim.port, servername: hostname, path: pathname + search, headers: { host: hostname }, rejectUnauthorized: false },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk) => (body += chunk));
        response.on('end', () => (response.statusCode === 200 ? resolve(body) : reject(new Error(`${url}: HTTP ${response.statusCode}`))));
      },
    );
    request.on('error', reject);
  });
}

/**
 * A project's real task list grown to `rows` rows (copies of its own row markup
 * with new ids), served in place of the page, so its waiting threads get badges
 * among thousands of rows.
 */
async function serveBigTaskList(context, sim, url, rows) {
  const html = await simulatorPage(sim, url);
  await context.route(url, async (route) => {
    const list = html.indexOf('<div id="tasks_images"');
    const firstRow = html.indexOf('<div class="item', list);
    const rowEnd = html.indexOf('<div class="item', firstRow + 1);
    if (list < 0 || firstRow < 0 || rowEnd < 0) throw new Error(`no task rows found in ${url}`);
    const template = html.slice(firstRow, rowEnd);
    const filler = Array.from({ length: rows }, (_, n) => template.replace(/data-id="\d+"/, `data-id="${900000 + n}"`).replace(/\/(\d+)\/"/, `/${900000 + n}/"`)).join('');
    await route.fulfill({ contentType: 'text/html; charset=utf-8', body: html.slice(0, rowEnd) + filler + html.slice(rowEnd) });
  });
}

async function badgingBigList(lab) {
  const ROWS = 5000;
  const { browser, sim } = await lab.demo();
  const plain = await lab.withoutExtension();
  await firstSyncDone(browser);
  const waiting = sim.control.data().waiting;
  const projectId = waiting[0]?.projectId;
  if (!projectId) throw new Error('the simulator has no waiting thread');
  const expected = waiting.filter((thread) => thread.projectId === projectId).length;
  const url = new URL(`/project/${projectId}/`, sim.origin).href;
  await serveBigTaskList(browser.context, sim, url, ROWS);
  await serveBigTaskList(plain.context, sim, url, ROWS);
  const badged = async (page) => {
    await page.getByRole('img', { name: /^Client waiting/ }).first().waitFor({ timeout: 30_000 });
  };
  const withExtension = [];
  for (let run = 0; run < 3; run++) withExtension.push(await longestTasksMs(browser.context, url, badged));
  const control = await longestTasksMs(plain.context, url, (page) => page.waitForLoadState('networkidle'));
  const value = Math.max(...withExtension.map((run) => run.extension));
  return [
    row(`longest stretch of extension work on the main thread, ${ROWS}-row task list with badges (worst of 3; ${expected} waiting)`, ms(value), {
      baseline: `longest task of the page itself: ${ms(control.all)} without the extension`,
      budget: '≤ 50 ms',
      within: value <= 50,
    }),
  ];
}

/** Benches written in TypeScript (pure code and the sync engine), run in this process through tsx. */
async function typescriptBench(file, exportName) {
  const { tsImport } = await import('tsx/esm/api');
  const module = await tsImport(file, import.meta.url);
  return (await module[exportName]()).map((r) => row(r.metric, r.value, { baseline: r.baseline ?? '', budget: r.budget ?? '', within: r.within ?? null }));
}

/** The bench cases, in print order. Each: { name, run(lab, options) → rows }. */
const benchCases = [
  { name: 'Content script size', run: contentScriptSize },
  { name: 'Task page load', run: taskPageLoad },
  { name: 'Extension main-thread time', run: extensionMainThread },
  { name: 'Reply states', run: () => typescriptBench('./bench/replies.ts', 'replyStatesBench') },
  { name: 'Steady-state polling', run: () => typescriptBench('./bench/replies.ts', 'steadyPollBench') },
  { name: 'Badging a 5,000-row task list', run: badgingBigList },
  { name: 'Account time per project', run: () => typescriptBench('./bench/account-time.ts', 'monthQueryBench') },
  { name: 'Account time widget mount', run: () => typescriptBench('./bench/account-time.ts', 'widgetMountBench') },
  { name: 'Template picker', run: () => typescriptBench('./bench/templates.ts', 'pickerBench') },
];

// ------------------------------------------------------------------ table
function printTable(rows) {
  const header = { metric: 'metric', value: 'value', baseline: 'baseline (same run)', budget: 'budget', verdict: 'verdict' };
  const lines = [header, ...rows.map((r) => ({ ...r, verdict: r.within === null ? '' : r.within ? 'ok' : 'OVER' }))];
  const columns = ['metric', 'value', 'baseline', 'budget', 'verdict'];
  const width = Object.fromEntries(columns.map((c) => [c, Math.max(...lines.map((l) => String(l[c]).length))]));
  const format = (l) => columns.map((c) => String(l[c]).padEnd(width[c])).join('  ').trimEnd();
  console.log(format(header));
  console.log(columns.map((c) => '─'.repeat(width[c])).join('  '));
  for (const l of lines.slice(1)) console.log(format(l));
}

async function bench(argv) {
  const options = parseOptions(argv);
  await setup();
  await buildExtension();
  const lab = createLab();
  const rows = [];
  let failed = false;
  try {
    for (const benchCase of benchCases) {
      if (options.only && !benchCase.name.toLowerCase().includes(options.only)) continue;
      step(benchCase.name);
      try {
        rows.push(...(await benchCase.run(lab, options)));
      } catch (error) {
        failed = true;
        console.error(`  ✖ ${error instanceof Error ? error.message : error}`);
        rows.push(row(benchCase.name, `error: ${String(error instanceof Error ? error.message : error).split('\n')[0]}`));
      }
    }
  } finally {
    await lab.close();
  }
  step('Results');
  printTable(rows);
  const over = rows.filter((r) => r.within === false);
  if (over.length) console.log(`\n${over.length} over budget: ${over.map((r) => r.metric).join('; ')}`);
  return failed || (options.strict && over.length) ? 1 : 0;
}

main(() => bench(process.argv.slice(2)));
