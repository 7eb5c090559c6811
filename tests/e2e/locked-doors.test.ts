// The extension's own doors, seen from a Worksection page: what our content
// script's world (and so a page exploit that reached it) can and cannot do.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { accountDeskUi, inContentScriptWorld, startConnectedSession, type ConnectedSession } from './harness';

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

describe('locked doors', () => {
  let session: ConnectedSession;
  let page: Page;

  beforeAll(async () => {
    session = await startConnectedSession();
    page = await session.browser.context.newPage();
    const project = session.sim.control.data().projects[0]!;
    await page.goto(session.url(project.page));
    // The content script has run (and its world exists) once the page bar shows.
    await accountDeskUi(page, 'anchor').getByText(project.name, { exact: true }).waitFor();
  });

  afterAll(() => session?.close());

  const fromContentScript = (message: unknown) =>
    inContentScriptWorld(session.browser, page, `chrome.runtime.sendMessage(${JSON.stringify(message)})`) as Promise<{ ok: boolean; problem?: { kind: string; message: string } }>;

  it("the content script's world cannot read the API key from storage", async () => {
    const local = await inContentScriptWorld(
      session.browser,
      page,
      `chrome.storage.local.get(null).then((items) => JSON.stringify(items), (error) => 'refused: ' + error.message)`,
    );
    expect(String(local)).toMatch(/^refused: /);
    expect(String(local)).not.toContain(session.sim.apiKey);
    // Its indexedDB is the page's: the extension's credentials database is not there.
    const databases = await inContentScriptWorld(session.browser, page, `indexedDB.databases().then((list) => list.map((db) => db.name))`);
    expect(databases).not.toContain('account-desk-credentials');
  });

  it.each([
    ['connection/connect', { accountUrl: 'https://evil.worksection.com', apiKey: 'f'.repeat(32) }],
    ['connection/disconnect', {}],
    ['connection/status', {}],
    ['settings/save', { patch: { features: { replyBadges: false } } }],
    ['time/import', { backup: { format: 'account-desk-backup', schemaVersion: 1, tables: {} } }],
    ['templates/personal/import', { text: '[]' }],
  ])('a content script asking %s is refused', async (type, request) => {
    const reply = await fromContentScript({ type, request });
    expect(reply).toMatchObject({ ok: false, problem: { kind: 'forbidden' } });
    expect(reply.problem?.message).toContain(type);
  });

  it("a content script may not ask about another account than its page's", async () => {
    const reply = await fromContentScript({ type: 'replies/project', request: { origin: 'https://other.worksection.com', projectId: '1' } });
    expect(reply).toMatchObject({ ok: false, problem: { kind: 'forbidden' } });
    const own = await fromContentScript({ type: 'replies/project', request: { origin: session.sim.origin, projectId: '1' } });
    expect(own).toMatchObject({ ok: true });
  });

  it('after all that the account is still connected and the settings unchanged', async () => {
    const options = await session.browser.extensionPage('options.html');
    try {
      const status = await options.evaluate(() => chrome.runtime.sendMessage({ type: 'connection/status', request: {} }));
      expect(status).toMatchObject({ ok: true, value: { origin: session.sim.origin } });
      const settings = await options.evaluate(() => chrome.runtime.sendMessage({ type: 'settings/get', request: {} }));
      expect(settings).toMatchObject({ ok: true, value: { features: { replyBadges: true } } });
    } finally {
      await options.close();
    }
  });
});
