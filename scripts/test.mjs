#!/usr/bin/env node
// `npm test`: setup (npm packages, Chromium, Firefox ESR), the production
// builds and store zips (`npm run zip`: the end-to-end tests load the Chrome
// build, the Firefox tests the Firefox build, the package tests read the zips
// and lint the Firefox build), then every Vitest project (unit, package, e2e,
// firefox). Extra arguments go to Vitest:
//   npm test -- tests/unit          npm test -- --project e2e          npm test -- --project firefox
// The last line is always `Tests: N passed, N failed[, N skipped]`.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildStoreZips, main, run, setup, step } from './setup.mjs';

/**
 * Counts from Vitest's JSON report. A test file that failed before running any
 * test (an import error, a failing beforeAll) counts as one failure, so a
 * broken file can never hide behind "0 failed".
 */
function summarize(report) {
  let failed = report.numFailedTests ?? 0;
  for (const file of report.testResults ?? []) {
    const anyTestFailed = (file.assertionResults ?? []).some((t) => t.status === 'failed');
    if (file.status === 'failed' && !anyTestFailed) failed += 1;
  }
  return {
    passed: report.numPassedTests ?? 0,
    failed,
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
  };
}

function summaryLine({ passed, failed, skipped }) {
  return `Tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`;
}

async function test(vitestArgs) {
  await setup({ firefox: true });
  await buildStoreZips();

  step(`Running Vitest${vitestArgs.length ? ` (${vitestArgs.join(' ')})` : ' (all projects)'}`);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'account-desk-test-'));
  const jsonReport = path.join(tmp, 'vitest.json');
  try {
    const code = await run('npx', [
      'vitest',
      'run',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${jsonReport}`,
      ...vitestArgs,
    ]);
    if (!fs.existsSync(jsonReport)) {
      console.log(`\nVitest exited with code ${code} before writing its report.`);
      console.log(summaryLine({ passed: 0, failed: 1, skipped: 0 }));
      return code || 1;
    }
    const counts = summarize(JSON.parse(fs.readFileSync(jsonReport, 'utf8')));
    console.log(`\n${summaryLine(counts)}`);
    return code !== 0 || counts.failed > 0 ? code || 1 : 0;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main(() => test(process.argv.slice(2)));
