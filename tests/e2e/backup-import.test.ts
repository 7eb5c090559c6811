// Options → "Your data" → Import, with files someone crafted: each gets a clear
// error and changes nothing; a good one says what it replaces before it does.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { startConnectedSession, type ConnectedSession } from './harness';

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<any> } };

const KEPT_TEMPLATE = {
  id: 'kept.template',
  name: 'Kept through every refused import',
  roles: [],
  tasks: [{ title: 'Still here', startOffset: 0, duration: 1 }],
};

describe('importing a backup', () => {
  let session: ConnectedSession;
  let options: Page;
  let data: Locator;
  let dir: string;
  let backup: { format: string; schemaVersion: number; exportedAt: string; tables: Record<string, unknown[]> };

  const send = (message: unknown) => options.evaluate((m) => chrome.runtime.sendMessage(m), message);
  const personalIds = async () => ((await send({ type: 'templates/personal/list', request: {} })).value as Array<{ id: string }>).map((template) => template.id);

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'account-desk-backup-'));
    session = await startConnectedSession();
    options = await session.browser.extensionPage('options.html');
    data = options.locator('section#your-data');
    expect((await send({ type: 'templates/personal/save', request: { template: KEPT_TEMPLATE } })).ok).toBe(true);
    backup = (await send({ type: 'time/export', request: {} })).value;
  });

  afterAll(async () => {
    await session?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Chooses the file and returns the alert it gets; no confirmation may appear. */
  async function refusedWith(name: string, pattern: RegExp): Promise<void> {
    await data.getByLabel('Import from a file').setInputFiles(path.join(dir, name));
    await data.getByRole('alert').filter({ hasText: pattern }).waitFor();
    expect(await data.getByRole('group').count()).toBe(0);
    expect(await personalIds()).toEqual(['kept.template']);
    expect((await send({ type: 'connection/status', request: {} })).value).toMatchObject({ origin: session.sim.origin });
  }

  const write = (name: string, content: unknown) => fs.writeFileSync(path.join(dir, name), JSON.stringify(content));

  it('refuses a template application carrying a javascript: link', async () => {
    write('javascript-link.json', {
      ...backup,
      tables: {
        ...backup.tables,
        personalTemplates: [],
        templateApplications: [
          {
            id: 'crafted', origin: session.sim.origin, projectId: '1', templateId: 't', templateName: 'Crafted', startDate: '2026-01-05',
            startedAt: 1, updatedAt: 2, status: 'done', timeZone: 'UTC',
            nodes: [{ planned: { key: '1', title: 'Click me' }, state: 'created', taskId: '2', page: 'javascript:alert(document.domain)' }],
          },
        ],
      },
    });
    await refusedWith('javascript-link.json', /^Nothing imported: tables\.templateApplications\[0\]: nodes\[0\]\.page must be a page of the account/);
  });

  it('refuses a personal template the template validator refuses', async () => {
    write('bad-template.json', {
      ...backup,
      tables: { ...backup.tables, personalTemplates: [{ id: 'bad', position: 0, updatedAt: 1, template: { id: 'bad', name: '', roles: [], tasks: [] } }] },
    });
    await refusedWith('bad-template.json', /^Nothing imported: tables\.personalTemplates\[0\]: template/);
  });

  it('refuses a 50 MB file before reading it', async () => {
    const big = path.join(dir, 'fifty-megabytes.json');
    fs.writeFileSync(big, `{"format":"account-desk-backup","pad":"${'x'.repeat(50 * 1024 * 1024)}"}`);
    await refusedWith('fifty-megabytes.json', /^fifty-megabytes\.json is 50\.0 MB; a backup can be at most 20\.0 MB\. Nothing was imported\.$/);
  });

  it('says what a good file replaces, and replaces nothing until confirmed', async () => {
    write('good.json', { ...backup, tables: { ...backup.tables, personalTemplates: [] } });
    await data.getByLabel('Import from a file').setInputFiles(path.join(dir, 'good.json'));
    const confirm = data.getByRole('group', { name: 'Replace all your data with good.json?' });
    await confirm.getByRole('row', { name: 'Personal templates 1 0' }).waitFor();
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    expect(await data.getByRole('group').count()).toBe(0);
    expect(await personalIds()).toEqual(['kept.template']);

    await data.getByLabel('Import from a file').setInputFiles(path.join(dir, 'good.json'));
    await confirm.getByRole('button', { name: 'Replace everything' }).click();
    await data.getByRole('status').getByText(/^Imported \d+ rows\.$/).waitFor();
    expect(await personalIds()).toEqual([]);
  });
});
