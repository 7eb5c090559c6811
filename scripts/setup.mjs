#!/usr/bin/env node
// Makes a fresh clone runnable: npm packages, a Chromium and a Firefox ESR for
// the end-to-end tests. Node built-ins only, because it runs before node_modules exists.
// `node scripts/setup.mjs` runs it alone; test/start/bench import its helpers.

import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const chromeBuildDir = path.join(projectRoot, '.output', 'chrome-mv3');
export const firefoxBuildDir = path.join(projectRoot, '.output', 'firefox-mv3');
const DEFAULT_CHROMIUM = '/usr/bin/chromium';
const DEFAULT_FIREFOX = '/usr/bin/firefox-esr';

/** Prints one step of what a script does, so a newcomer can follow along. */
export function step(message) {
  console.log(`\n▸ ${message}`);
}

/** A setup problem the user can fix; `main` prints it without a stack trace. */
export class SetupError extends Error {
  name = 'SetupError';
}

/**
 * Runs a command with inherited stdio and resolves with its exit code.
 * Rejects only when the command cannot start at all.
 */
export function run(command, args, { cwd = projectRoot, env = process.env } = {}) {
  console.log(`  $ ${[command, ...args].join(' ')}`);
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: 'inherit' });
    child.once('error', (error) => reject(new SetupError(`cannot run ${command}: ${error.message}`)));
    child.once('exit', (code, signal) => resolve(code ?? 128 + (signal ? (os.constants.signals[signal] ?? 0) : 0)));
  });
}

/** Like `run`, but a non-zero exit is an error naming the command. */
export async function runOrFail(command, args, options) {
  const code = await run(command, args, options);
  if (code !== 0) throw new SetupError(`\`${[command, ...args].join(' ')}\` failed with exit code ${code}`);
}

function mtimeMs(file) {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return null;
  }
}

/**
 * Why the npm packages must be (re)installed, or null when they are current.
 * npm writes node_modules/.package-lock.json on every install, so its age
 * tells whether the install predates the lock file.
 */
export function packagesOutOfDate(root = projectRoot) {
  const lock = mtimeMs(path.join(root, 'package-lock.json'));
  const installed = mtimeMs(path.join(root, 'node_modules', '.package-lock.json')) ?? mtimeMs(path.join(root, 'node_modules'));
  if (installed === null) return 'node_modules is missing';
  if (lock !== null && installed < lock) return 'node_modules is older than package-lock.json';
  return null;
}

/** Installs npm packages when missing or stale: `npm ci` with a lock file, `npm install` without. */
export async function ensurePackages(root = projectRoot) {
  const reason = packagesOutOfDate(root);
  if (!reason) {
    console.log('  npm packages are up to date');
    return;
  }
  const hasLock = fs.existsSync(path.join(root, 'package-lock.json'));
  console.log(`  ${reason}: running npm ${hasLock ? 'ci' : 'install'}`);
  await runOrFail('npm', [hasLock ? 'ci' : 'install'], { cwd: root });
}

/** The Chromium binary the tests drive: $CHROMIUM, else Debian's /usr/bin/chromium. */
export function chromiumPath() {
  return process.env.CHROMIUM || DEFAULT_CHROMIUM;
}

function isRoot() {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

/**
 * A Debian browser the tests drive: returns `binary` when it exists, installs
 * `debianPackage` when running as root, otherwise says exactly what to do.
 */
async function ensureDebianBrowser({ name, binary, envVariable, debianPackage }) {
  if (fs.existsSync(binary)) {
    console.log(`  ${name}: ${binary}`);
    return binary;
  }
  if (process.env[envVariable]) {
    throw new SetupError(`${envVariable}=${process.env[envVariable]} does not exist; point it at a ${name} binary or unset it`);
  }
  const install = `apt-get update && apt-get install -y ${debianPackage}`;
  if (!isRoot() || !fs.existsSync('/usr/bin/apt-get')) {
    throw new SetupError(
      `${name} is missing at ${binary}. Install it, then run this again:\n` +
        `    sudo sh -c '${install}'\n` +
        `  or set ${envVariable}=/path/to/${debianPackage}`,
    );
  }
  console.log(`  ${name} is missing: installing Debian's package`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  await runOrFail('apt-get', ['update'], { env });
  await runOrFail('apt-get', ['install', '-y', debianPackage], { env });
  if (!fs.existsSync(binary)) throw new SetupError(`apt-get installed ${debianPackage} but ${binary} is still missing`);
  return binary;
}

/**
 * Makes sure Chromium exists; installs Debian's package when running as root.
 * Returns its path. Playwright's own browser download is not used: it cannot
 * reach its CDN here, and Debian's Chromium loads unpacked extensions.
 */
export function ensureChromium() {
  return ensureDebianBrowser({ name: 'Chromium', binary: chromiumPath(), envVariable: 'CHROMIUM', debianPackage: 'chromium' });
}

/** The Firefox binary the Firefox checks drive: $FIREFOX, else Debian's /usr/bin/firefox-esr. */
export function firefoxPath() {
  return process.env.FIREFOX || DEFAULT_FIREFOX;
}

/**
 * Makes sure Firefox ESR exists for the `firefox` Vitest project (tests/firefox/),
 * installing Debian's package when running as root; like Chromium, a machine
 * where it cannot be installed stops here with what to install, rather than
 * running a suite that would leave Firefox untested.
 */
export function ensureFirefox() {
  return ensureDebianBrowser({ name: 'Firefox ESR', binary: firefoxPath(), envVariable: 'FIREFOX', debianPackage: 'firefox-esr' });
}

/**
 * npm packages, then Chromium, then (with `firefox`, as `npm test` asks) Firefox ESR.
 * Returns what later steps need.
 */
export async function setup({ firefox = false } = {}) {
  step('Checking npm packages');
  await ensurePackages();
  step('Checking Chromium');
  const chromium = await ensureChromium();
  if (!firefox) return { chromium };
  step('Checking Firefox ESR');
  return { chromium, firefox: await ensureFirefox() };
}

/** Production build of the Chrome extension into .output/chrome-mv3. */
export async function buildExtension() {
  step('Building the extension (production, Chrome MV3)');
  await runOrFail('npx', ['wxt', 'build']);
  if (!fs.existsSync(path.join(chromeBuildDir, 'manifest.json'))) {
    throw new SetupError(`the build finished but ${path.relative(projectRoot, chromeBuildDir)}/manifest.json is missing`);
  }
}

/**
 * The store packages (`npm run zip`): the Chrome and Firefox zips and AMO's
 * sources zip in .output/. Building them is a production build of each
 * browser, so .output/chrome-mv3 is the same as `buildExtension` makes; it
 * costs `npm test` one Firefox build and the zipping (a few seconds).
 */
export async function buildStoreZips() {
  step('Building the extension and its store zips (production, Chrome and Firefox MV3)');
  await runOrFail('npm', ['run', 'zip']);
  for (const buildDir of [chromeBuildDir, firefoxBuildDir]) {
    if (!fs.existsSync(path.join(buildDir, 'manifest.json'))) {
      throw new SetupError(`the build finished but ${path.relative(projectRoot, buildDir)}/manifest.json is missing`);
    }
  }
}

/** Whether a module was started as the program (`node scripts/x.mjs`) rather than imported. */
export function isMain(importMetaUrl) {
  return process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(importMetaUrl);
}

/** Runs a script's main function; setup problems print as one clear message. */
export function main(fn) {
  fn().then(
    (code) => {
      if (typeof code === 'number') process.exitCode = code;
    },
    (error) => {
      if (error instanceof SetupError) console.error(`\n✖ ${error.message}`);
      else console.error('\n✖', error);
      process.exitCode = 1;
    },
  );
}

if (isMain(import.meta.url)) {
  main(async () => {
    const { chromium, firefox } = await setup({ firefox: true });
    const version = (binary) => spawnSync(binary, ['--version'], { encoding: 'utf8' }).stdout?.trim() || binary;
    console.log(`\nReady: npm packages installed, ${version(chromium)}, ${version(firefox)}.`);
  });
}
