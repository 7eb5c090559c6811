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

  it("a site cannot find Account Desk at its fixed address: the page modules answer only at this session's own", async () => {
    const { extensionId } = session.browser;
    // What any page script could try: load the UI module from the extension's well-known address.
    // (A string, not a function: Vitest would rewrite a function's import().)
    const url = `chrome-extension://${extensionId}/page/worksection-ui.js`;
    const probe = await page.evaluate(`import(${JSON.stringify(url)}).then(() => 'loaded', (error) => 'refused: ' + error.message)`);
    expect(probe).toMatch(/^refused: /);
    // The content script's own address for it is a per-session one, not the fixed one…
    const own = String(await inContentScriptWorld(session.browser, page, `chrome.runtime.getURL('/page/worksection-ui.js')`));
    expect(own).toMatch(/^chrome-extension:\/\/[0-9a-f-]{36}\/page\/worksection-ui\.js$/);
    expect(own).not.toContain(extensionId);
    // …and a chunk the UI loads later (the picker) still arrives through it.
    const ui = page.locator('account-desk-templates[data-page="project"]');
    await ui.getByRole('button', { name: 'Templates', exact: true }).click();
    await ui.getByRole('dialog', { name: 'Create tasks from a template' }).getByLabel('Search templates').waitFor();
    await page.keyboard.press('Escape');
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
