// Who may send which message: the router's sender policy, for every message type.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { allCallers, allHandlers } from '@/lib/background/features';
import { route, senderOf } from '@/lib/background/router';
import type { Callers, MessageType, Sender } from '@/lib/messages';
import { englishMessage } from '../../support/i18n';

/**
 * The whole protocol, by hand: a new message type fails this test until
 * someone decides here, on purpose, whether a script in a web page may send it.
 */
const EXPECTED: Record<MessageType, Callers> = {
  'connection/connect': 'extension-pages',
  'connection/status': 'extension-pages',
  'connection/sign-in': 'extension-pages',
  'oauth/app': 'extension-pages',
  'oauth/save-app': 'extension-pages',
  'connection/disconnect': 'extension-pages',
  'settings/get': 'worksection-tabs',
  'settings/save': 'extension-pages',
  'settings/unreadable': 'extension-pages',
  'settings/reset': 'extension-pages',
  'ui/open-options': 'worksection-tabs',
  'page/context': 'worksection-tabs',
  'page/dock': 'worksection-tabs',
  'diagnostics/report': 'worksection-tabs',
  'diagnostics/list': 'extension-pages',
  'replies/queue': 'extension-pages',
  'replies/project': 'worksection-tabs',
  'replies/task': 'worksection-tabs',
  'sync/now': 'extension-pages',
  'replies/sent': 'worksection-tabs',
  'reports/reply-times': 'extension-pages',
  'time/thread': 'worksection-tabs',
  'time/heartbeat': 'worksection-tabs',
  'time/stop': 'worksection-tabs',
  'time/project': 'worksection-tabs',
  'time/entries': 'worksection-tabs',
  'time/entry-save': 'worksection-tabs',
  'time/entry-delete': 'worksection-tabs',
  'time/pause': 'extension-pages',
  'time/status': 'extension-pages',
  'time/write-back': 'extension-pages',
  'time/export': 'extension-pages',
  'time/import-check': 'extension-pages',
  'time/import': 'extension-pages',
  'time/report': 'extension-pages',
  'time/refused': 'extension-pages',
  'time/refused-act': 'extension-pages',
  'quick-replies/library': 'worksection-tabs',
  'quick-replies/context': 'worksection-tabs',
  'quick-replies/used': 'worksection-tabs',
  'quick-replies/personal/list': 'extension-pages',
  'quick-replies/personal/save': 'extension-pages',
  'quick-replies/personal/delete': 'extension-pages',
  'quick-replies/personal/import': 'extension-pages',
  'quick-replies/personal/export': 'extension-pages',
  'templates/library': 'worksection-tabs',
  'templates/template': 'worksection-tabs',
  'templates/people': 'worksection-tabs',
  'templates/apply': 'worksection-tabs',
  'templates/applications': 'worksection-tabs',
  'templates/application': 'worksection-tabs',
  'templates/resume': 'worksection-tabs',
  'templates/cancel': 'worksection-tabs',
  'templates/checklists': 'worksection-tabs',
  'templates/insert-checklist': 'worksection-tabs',
  'templates/remember-checklist': 'worksection-tabs',
  'templates/save-task': 'worksection-tabs',
  'templates/personal/list': 'extension-pages',
  'templates/personal/save': 'extension-pages',
  'templates/personal/duplicate': 'extension-pages',
  'templates/personal/delete': 'extension-pages',
  'templates/personal/move': 'extension-pages',
  'templates/personal/import': 'extension-pages',
  'templates/personal/export': 'extension-pages',
  'templates/projects': 'extension-pages',
  // The status report dialog drafts and posts from a project page.
  'status-report/draft': 'worksection-tabs',
  'status-report/post': 'worksection-tabs',
  'wire/status': 'extension-pages',
  'policy/get': 'extension-pages',
  // Who the admin key writes as: chosen in options or on the welcome page, never by a web page.
  'acting-as/status': 'extension-pages',
  'acting-as/people': 'extension-pages',
  'acting-as/choose': 'extension-pages',
};

const ORIGIN = 'https://demo.worksection.com';
const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';
const EXTENSION_ORIGIN = `chrome-extension://${EXTENSION_ID}`;
const EXTENSION_BASE = `${EXTENSION_ORIGIN}/`;
const contentScript: Sender = { caller: 'content-script', origin: ORIGIN, tabId: 7, url: `${ORIGIN}/project/1/` };
const extensionPage: Sender = { caller: 'extension-page', url: `${EXTENSION_ORIGIN}/options.html` };

/** A request the handler would accept, shaped enough to get past the router (handlers may still fail on it). */
const requestFor = (type: string): Record<string, unknown> =>
  type === 'connection/connect' ? { accountUrl: ORIGIN, apiKey: 'k'.repeat(32) } : type === 'settings/save' ? { patch: {} } : { origin: ORIGIN };

describe('router sender policy', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(englishMessage as never);
    // No network in these tests: a handler that gets through fails here, not on a socket.
    vi.stubGlobal('fetch', vi.fn(async () => new Response('{"status":"error","message":"offline"}')));
  });

  it('every message type has a declared policy, and it is the one this table expects', () => {
    const handled = Object.keys(allHandlers()).sort();
    expect(Object.keys(allCallers()).sort()).toEqual(handled);
    expect(Object.keys(EXPECTED).sort()).toEqual(handled);
    expect({ ...allCallers() }).toEqual(EXPECTED);
  });

  it.each(Object.entries(EXPECTED))('%s: %s', async (type, callers) => {
    const fromPage = await route(allHandlers(), allCallers(), { type, request: requestFor(type) }, contentScript);
    if (callers === 'extension-pages') {
      expect(fromPage).toEqual({ ok: false, problem: { kind: 'forbidden', message: expect.stringContaining(type) } });
    } else {
      expect(fromPage).not.toMatchObject({ ok: false, problem: { kind: 'forbidden' } });
    }
    // Anyone the browser does not vouch for is refused everything.
    const fromNobody = await route(allHandlers(), allCallers(), { type, request: requestFor(type) }, { url: 'https://evil.example/' });
    expect(fromNobody).toMatchObject({ ok: false, problem: { kind: 'forbidden' } });
    // The extension's own pages may send everything.
    const fromOptions = await route(allHandlers(), allCallers(), { type, request: requestFor(type) }, extensionPage);
    expect(fromOptions).not.toMatchObject({ ok: false, problem: { kind: 'forbidden' } });
  });

  it("a content script may only name its own page's origin", async () => {
    const reply = await route(allHandlers(), allCallers(), { type: 'replies/project', request: { origin: 'https://other.worksection.com', projectId: '1' } }, contentScript);
    expect(reply).toMatchObject({ ok: false, problem: { kind: 'forbidden', message: expect.stringContaining(ORIGIN) } });
    const own = await route(allHandlers(), allCallers(), { type: 'replies/project', request: { origin: ORIGIN, projectId: '1' } }, contentScript);
    expect(own).not.toMatchObject({ ok: false, problem: { kind: 'forbidden' } });
  });

  it('inherited names are no message types', async () => {
    for (const type of ['toString', 'constructor', '__proto__', 'hasOwnProperty']) {
      expect(await route(allHandlers(), allCallers(), { type, request: {} }, extensionPage)).toMatchObject({ ok: false });
    }
  });

  it('the sender comes from the browser: extension pages by origin, content scripts by their tab', () => {
    const ours = { id: EXTENSION_ID };
    expect(senderOf({ ...ours, url: `${EXTENSION_ORIGIN}/popup.html` }, EXTENSION_ID, EXTENSION_BASE).caller).toBe('extension-page');
    // Options opened in a tab is still an extension page.
    expect(senderOf({ ...ours, url: `${EXTENSION_ORIGIN}/options.html`, tab: { id: 3 } as never }, EXTENSION_ID, EXTENSION_BASE).caller).toBe('extension-page');
    expect(senderOf({ ...ours, url: `${ORIGIN}/project/1/?x=1`, tab: { id: 3 } as never }, EXTENSION_ID, EXTENSION_BASE)).toMatchObject({
      caller: 'content-script',
      origin: ORIGIN,
      tabId: 3,
    });
    // Chrome's own sender.origin wins over the URL's.
    expect(senderOf({ ...ours, url: 'about:blank', origin: ORIGIN, tab: { id: 3 } as never } as never, EXTENSION_ID, EXTENSION_BASE).origin).toBe(ORIGIN);
    // Another extension, or no URL: nobody.
    expect(senderOf({ id: 'other', url: `${EXTENSION_ORIGIN}/options.html` }, EXTENSION_ID, EXTENSION_BASE).caller).toBeUndefined();
    expect(senderOf({ ...ours }, EXTENSION_ID, EXTENSION_BASE).caller).toBeUndefined();
    // Only https pages: Account Desk's content script runs on nothing else.
    expect(senderOf({ ...ours, url: 'http://demo.worksection.com/', tab: { id: 3 } as never }, EXTENSION_ID, EXTENSION_BASE).caller).toBeUndefined();
    // A document of another origin without a tab (no content script runs there): nobody.
    expect(senderOf({ ...ours, url: `${ORIGIN}/` }, EXTENSION_ID, EXTENSION_BASE).caller).toBeUndefined();
  });
});
