// The packages we upload: the Chrome Web Store zip, the AMO zip, and the
// sources zip AMO's reviewers rebuild from. `npm test` makes them first
// (`npm run zip`, scripts/test.mjs); this file only reads them.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { WORKSECTION_HOSTS } from '../../lib/worksection/hosts';
import { readZip, type ZipEntry } from './zip';

const root = process.cwd();
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string; version: string };
const zipPath = (kind: 'chrome' | 'firefox' | 'sources') => join(root, '.output', `${pkg.name}-${pkg.version}-${kind}.zip`);

/**
 * Exactly what the manifest asks for; each has its reason in
 * docs/store/permissions.md ('identity': Sign in with Worksection).
 */
const EXPECTED_PERMISSIONS = ['alarms', 'identity', 'idle', 'notifications', 'storage'];
const EXPECTED_OPTIONAL_HOSTS = ['https://*/*'];
const LOCALES = ['en', 'kk', 'ru', 'uk'];

/**
 * 512 KiB per store zip. Today's is about 165 KB; the budget leaves room for
 * the whole UI translated into ru, uk and kk (about 25 KB compressed each)
 * and the welcome page's screenshots, and still catches what must never
 * ship: source maps, a second copy of a bundle, a dependency's data files.
 */
const STORE_ZIP_BUDGET = 512 * 1024;
/** DESIGN.md §6: the content script loaded at page start, gzipped. */
const PAGE_START_SCRIPT_BUDGET = 25 * 1024;
/** AMO accepts much larger sources, but ours are text: more means images or build output got in. */
const SOURCES_ZIP_BUDGET = 2 * 1024 * 1024;

type Manifest = Record<string, any>;
type Messages = Record<string, { message: string }>;

function json<T>(entry: ZipEntry | undefined, what: string): T {
  if (!entry) throw new Error(`${what} is missing`);
  return JSON.parse(entry.read().toString('utf8')) as T;
}

/** Every "__MSG_key__" anywhere in the manifest. */
function messageKeys(value: unknown, found = new Set<string>()): Set<string> {
  if (typeof value === 'string') for (const match of value.matchAll(/__MSG_(\w+?)__/g)) found.add(match[1]!);
  else if (Array.isArray(value)) value.forEach((item) => messageKeys(item, found));
  else if (value && typeof value === 'object') Object.values(value).forEach((item) => messageKeys(item, found));
  return found;
}

/** Every file the manifest points at, so a missing one fails here rather than at install. */
function referencedFiles(manifest: Manifest): string[] {
  const files = [
    ...Object.values((manifest.icons ?? {}) as Record<string, string>),
    manifest.action?.default_popup,
    manifest.options_ui?.page,
    manifest.background?.service_worker,
    ...(manifest.background?.scripts ?? []),
    ...((manifest.content_scripts ?? []) as Array<{ js?: string[]; css?: string[] }>).flatMap((script) => [...(script.js ?? []), ...(script.css ?? [])]),
  ];
  return files.filter((file): file is string => typeof file === 'string');
}

for (const browser of ['chrome', 'firefox'] as const) {
  describe(`the ${browser} store zip`, () => {
    let zip: Map<string, ZipEntry>;
    let manifest: Manifest;
    beforeAll(() => {
      const file = zipPath(browser);
      if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run zip\` (npm test does it before the tests)`);
      zip = readZip(file);
      manifest = json<Manifest>(zip.get('manifest.json'), `manifest.json at the root of ${file}`);
    });

    it('is a Manifest V3 extension of this version, named and described through _locales', () => {
      expect(manifest.manifest_version).toBe(3);
      expect(manifest.version).toBe(pkg.version);
      expect(manifest.name).toBe('__MSG_extName__');
      expect(manifest.description).toBe('__MSG_extDescription__');
      expect(manifest.default_locale).toBe('en');
    });

    it('asks for exactly the permissions the store listing justifies', () => {
      expect([...manifest.permissions].sort()).toEqual(EXPECTED_PERMISSIONS);
      expect(manifest.host_permissions).toEqual([...WORKSECTION_HOSTS]);
      expect(manifest.optional_host_permissions).toEqual(EXPECTED_OPTIONAL_HOSTS);
      const justified = readFileSync(join(root, 'docs/store/permissions.md'), 'utf8');
      for (const permission of manifest.permissions) expect(justified, `a section for ${permission}`).toContain(`\n### ${permission}\n`);
      for (const pattern of [...manifest.host_permissions, ...manifest.optional_host_permissions]) {
        expect(justified, `a reason for ${pattern}`).toContain(`\`${pattern}\``);
      }
    });

    it('carries no `key` (a fixed id is for test builds only)', () => {
      expect(manifest).not.toHaveProperty('key');
    });

    it('has every locale, each naming and describing the extension within the stores\' limits', () => {
      const english = json<Messages>(zip.get('_locales/en/messages.json'), '_locales/en/messages.json');
      const used = messageKeys(manifest);
      for (const key of used) expect(english, `en has ${key}, used by the manifest`).toHaveProperty([key, 'message']);
      for (const locale of LOCALES) {
        const messages = json<Messages>(zip.get(`_locales/${locale}/messages.json`), `_locales/${locale}/messages.json`);
        for (const key of ['extName', 'extDescription']) expect(messages[key]?.message.trim(), `${locale} ${key}`).toBeTruthy();
        // Chrome Web Store: description ≤ 132 characters; AMO: name ≤ 50.
        expect([...messages.extDescription!.message].length).toBeLessThanOrEqual(132);
        expect([...messages.extName!.message].length).toBeLessThanOrEqual(50);
        // A key only a translation has would never be shown: the code asks for en's keys
        // (a plural form English lacks, such as "_few", is asked for through its "<base>_other").
        for (const key of Object.keys(messages)) {
          const plural = /^(.+)_(zero|one|two|few|many|other)$/.exec(key);
          expect(english, `${locale} ${key} exists in en`).toHaveProperty(plural ? `${plural[1]}_other` : key);
        }
      }
      const shipped = [...zip.keys()].filter((name) => name.startsWith('_locales/')).map((name) => name.split('/')[1]);
      expect([...new Set(shipped)].sort()).toEqual([...LOCALES].sort());
    });

    it('holds every file the manifest points at, and the privacy page', () => {
      for (const file of referencedFiles(manifest)) expect(zip.has(file), `${file} (named by the manifest)`).toBe(true);
      expect(zip.has('privacy.html')).toBe(true);
      // The page modules the bootstrap imports (web-accessible page/*).
      expect(zip.has('page/worksection-ui.js')).toBe(true);
    });

    it('loads page chunks only through runtime.getURL, so they work at a per-session address', () => {
      // Chrome serves page/* only at use_dynamic_url's per-session address; a relative import would
      // resolve against the fixed one and be refused (scripts/page-build.ts pageChunkLinks).
      expect(manifest.web_accessible_resources).toEqual([
        { resources: ['page/*'], matches: [...WORKSECTION_HOSTS], ...(browser === 'chrome' && { use_dynamic_url: true }) },
      ]);
      // The entry, nearly all of it run as a page loads, is compiled eagerly into the code cache (V8's compile hint).
      expect(zip.get('page/worksection-ui.js')!.read().toString('utf8').split('\n')[0]).toBe('//# allFunctionsCalledOnLoad');
      const modules = [...zip.values()].filter((entry) => entry.name.startsWith('page/') && !entry.name.startsWith('page/messages/'));
      expect(modules.length).toBeGreaterThan(1);
      for (const entry of modules) {
        const code = entry.read().toString('utf8');
        expect(code, entry.name).not.toMatch(/\bimport\s*\{|\bimport\s*\(\s*[`'"]|\bfrom\s*[`'"]\./);
      }
    });

    it('ships no source maps', () => {
      const maps = [...zip.keys()].filter((name) => name.endsWith('.map'));
      expect(maps).toEqual([]);
      const pointing = [...zip.values()]
        .filter((entry) => entry.name.endsWith('.js') && /\/[/*][#@] sourceMappingURL=/.test(entry.read().toString('utf8')))
        .map((entry) => entry.name);
      expect(pointing).toEqual([]);
    });

    it('stays within its size budgets', () => {
      expect(statSync(zipPath(browser)).size).toBeLessThanOrEqual(STORE_ZIP_BUDGET);
      for (const script of manifest.content_scripts as Array<{ js: string[] }>) {
        for (const file of script.js) expect(gzipSync(zip.get(file)!.read(), { level: 9 }).length, file).toBeLessThanOrEqual(PAGE_START_SCRIPT_BUDGET);
      }
    });

    if (browser === 'firefox') {
      it('has the add-on id and the Firefox version it needs', () => {
        const gecko = manifest.browser_specific_settings?.gecko;
        expect(gecko?.id).toBe('account-desk@account-desk.app');
        // 140: the first ESR with everything the MV3 build uses.
        expect(gecko?.strict_min_version).toBe('140.0');
        expect(gecko?.data_collection_permissions).toEqual({ required: ['none'] });
        // Firefox for Android reads data_collection_permissions from 142.
        expect(manifest.browser_specific_settings?.gecko_android).toEqual({ strict_min_version: '142.0' });
        expect(manifest.background).toEqual({ scripts: ['background.js'] });
      });
    } else {
      it('has no Firefox-only settings and runs its background as a service worker', () => {
        expect(manifest).not.toHaveProperty('browser_specific_settings');
        expect(manifest.background).toEqual({ service_worker: 'background.js' });
      });
    }
  });
}

describe('the sources zip for AMO review', () => {
  let names: string[];
  beforeAll(() => {
    const file = zipPath('sources');
    if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run zip\` (npm test does it before the tests)`);
    names = [...readZip(file).keys()];
  });

  it('has what the build needs and the note that explains how to rebuild', () => {
    for (const file of ['SOURCES.md', 'PRIVACY.md', 'package.json', 'package-lock.json', 'wxt.config.ts', 'tsconfig.json', 'scripts/page-build.ts', 'entrypoints/worksection-bootstrap.ts', 'entrypoints/privacy/index.html']) {
      expect(names, file).toContain(file);
    }
    for (const locale of LOCALES) expect(names).toContain(`public/_locales/${locale}/messages.json`);
  });

  it('leaves out dependencies, build output and generated files', () => {
    const outside = names.filter((name) => /^(node_modules|\.output|\.wxt|\.git|\.tmp|screenshots)\//.test(name) || name.includes('/node_modules/'));
    expect(outside).toEqual([]);
    // README and store images are not sources; only the extension's icons are.
    expect(names.filter((name) => name.endsWith('.png') && !name.startsWith('public/icon/'))).toEqual([]);
    expect(statSync(zipPath('sources')).size).toBeLessThanOrEqual(SOURCES_ZIP_BUDGET);
  });
});
