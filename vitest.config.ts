import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Four kinds of tests, one run, one summary:
// - unit: pure lib/ code and adapters with WXT's fake browser and fake-indexeddb;
// - package: the built store zips (manifest, locales, sizes) and Mozilla's linter on the Firefox build;
// - e2e: the production build in Debian's Chromium against the simulator;
// - firefox: the Firefox build in Debian's Firefox ESR against the simulator (tests/firefox/harness.ts).
export default defineConfig({
  test: {
    projects: [
      {
        plugins: [WxtVitest()],
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.{ts,tsx}'],
          environment: 'node',
          setupFiles: ['tests/unit/setup.ts'],
        },
      },
      {
        // The store zips `npm test` makes first (npm run zip): manifests, locales, sizes.
        test: {
          name: 'package',
          include: ['tests/package/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // expect.poll waits for what a browser shows, like Playwright's own waits (its default is 1 s, too
          // short for a page whose first answer from the background is slow on a busy machine).
          expect: { poll: { timeout: 15_000 } },
          // One browser at a time: the machine has two cores.
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'firefox',
          include: ['tests/firefox/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          expect: { poll: { timeout: 15_000 } },
          // One browser at a time: Firefox starts after the Chromium project (and the others) have finished,
          // and its files run one after another (each puts the simulator on port 443).
          sequence: { groupOrder: 1 },
          fileParallelism: false,
        },
      },
    ],
  },
});
