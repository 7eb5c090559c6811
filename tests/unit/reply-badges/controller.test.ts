// @vitest-environment happy-dom
// startReplyBadges as the content script runs it: what it asks the background,
// when it asks again, and how it follows the page, with WXT's fake browser
// standing in for the background.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { startReplyBadges } from '@/components/reply-badges';
import { BADGE_TAG } from '@/components/reply-badges/badge';
import type { Envelope, WaitingThread } from '@/lib/messages';
import { byTaskId, MINUTE, pill, RULES, SIMULATOR, simulatorProjectPage, simulatorTaskPage, useEnglishMessages, waitingThread } from './support';

const ORIGIN = 'https://demo.worksection.com';
const TASK = SIMULATOR.taskId;
const PROJECT_PATH = SIMULATOR.projectPath;

describe('startReplyBadges', () => {
  let ctx: ContentScriptContext;
  let waiting: Map<string, WaitingThread>;
  let asked: Envelope[];

  const badges = () => document.querySelectorAll(BADGE_TAG);
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(null)));
  const settle = async () => {
    for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 0));
  };
  const until = async (condition: () => boolean) => {
    for (let i = 0; i < 50 && !condition(); i++) await settle();
    expect(condition()).toBe(true);
  };
  const show = (path: string, page: () => Document) => {
    (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(`${ORIGIN}${path}`);
    document.body.innerHTML = page().body.innerHTML;
  };

  beforeEach(() => {
    fakeBrowser.reset();
    useEnglishMessages();
    asked = [];
    waiting = new Map();
    // The background's side of the messages this feature sends.
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: Envelope) => {
      asked.push(message);
      switch (message.type) {
        case 'replies/project':
          return { ok: true, value: [...waiting.values()] };
        case 'replies/task': {
          const { taskId } = message.request as { taskId: string };
          return { ok: true, value: waiting.get(taskId) ?? null };
        }
        case 'settings/get':
          return { ok: true, value: RULES };
        default:
          return { ok: false, problem: { kind: 'internal', message: `unexpected ${message.type}` } };
      }
    }) as never);
    ctx = new ContentScriptContext('reply-badges-test');
  });

  afterEach(() => {
    ctx.abort();
    vi.useRealTimers();
  });

  it('asks for the project\'s waiting threads and badges their rows', async () => {
    show(PROJECT_PATH, simulatorProjectPage);
    waiting = byTaskId(waitingThread(TASK, 20, { waitingSince: Date.now() - 20 * MINUTE }));
    startReplyBadges(ctx);
    await until(() => badges().length === 1);

    expect(asked.map((message) => message.type).sort()).toEqual(['replies/project', 'settings/get']);
    expect(asked.find((message) => message.type === 'replies/project')?.request).toEqual({ origin: ORIGIN, projectId: SIMULATOR.projectId });
    expect(document.querySelector(`.item[data-id="${TASK}"] ${BADGE_TAG}`)).not.toBeNull();
  });

  it('asks again when the background announces new thread states, and takes answered badges away', async () => {
    show(PROJECT_PATH, simulatorProjectPage);
    waiting = byTaskId(waitingThread(TASK, 20, { waitingSince: Date.now() - 20 * MINUTE }));
    startReplyBadges(ctx);
    await until(() => badges().length === 1);
    const before = asked.length;

    waiting = new Map();
    await fakeBrowser.runtime.onMessage.trigger({ type: 'push/replies-changed' }, {}, () => undefined);
    await until(() => badges().length === 0);
    expect(asked.length).toBe(before + 2);

    // Other messages and storage changes are not its business.
    await fakeBrowser.runtime.onMessage.trigger({ type: 'replies/queue', request: {} }, {}, () => undefined);
    await fakeBrowser.storage.local.set({ somethingElse: 1 });
    await settle();
    expect(asked.length).toBe(before + 2);
  });

  it('puts badges back, once, when Worksection swaps the task list', async () => {
    show(PROJECT_PATH, simulatorProjectPage);
    waiting = byTaskId(waitingThread(TASK, 20, { waitingSince: Date.now() - 20 * MINUTE }));
    startReplyBadges(ctx);
    await until(() => badges().length === 1);
    const before = asked.length;

    const list = document.querySelector('#tasks_images')!;
    list.innerHTML = simulatorProjectPage().querySelector('#tasks_images')!.innerHTML;
    expect(badges()).toHaveLength(0);
    await frame();
    await until(() => badges().length === 1);
    await frame();
    await settle();
    expect(badges()).toHaveLength(1);
    // A DOM swap is not news about threads: nothing asked again.
    expect(asked.length).toBe(before);
  });

  it('moves ages on every 30 s without asking the background', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'Date'], now: Date.parse('2025-03-12T11:00:00Z') });
    show(PROJECT_PATH, simulatorProjectPage);
    waiting = byTaskId(waitingThread(TASK, 0, { waitingSince: Date.now() - 14 * MINUTE }));
    startReplyBadges(ctx);
    await until(() => badges().length === 1);
    const badge = badges()[0]!;
    expect(pill(badge).textContent).toBe('14m');
    expect(pill(badge).dataset.state).toBe('soon');
    const before = asked.length;

    vi.advanceTimersByTime(2 * 30_000);
    expect(pill(badge).textContent).toBe('15m');
    vi.advanceTimersByTime(2 * 30_000);
    expect(pill(badge).textContent).toBe('16m');
    expect(pill(badge).dataset.state).toBe('late');
    expect(asked.length).toBe(before);
  });

  it('follows in-page navigation to a task page and shows the task\'s badge there', async () => {
    show(PROJECT_PATH, simulatorProjectPage);
    waiting = byTaskId(waitingThread(SIMULATOR.taskId, 20, { waitingSince: Date.now() - 20 * MINUTE }));
    startReplyBadges(ctx);
    await until(() => asked.length === 2);
    expect(badges()).toHaveLength(0);

    // As Worksection navigates: the URL changes, then the content is swapped.
    // WXT notices the URL within a second (it polls where there is no Navigation API).
    show(SIMULATOR.taskPath, simulatorTaskPage);
    await vi.waitFor(() => expect(badges()).toHaveLength(1), { timeout: 3000, interval: 50 });
    expect(asked.find((message) => message.type === 'replies/task')?.request).toEqual({ origin: ORIGIN, taskId: SIMULATOR.taskId });
    expect(badges()[0]!.parentElement?.matches('.task h1')).toBe(true);
  });

  it('shows nothing when reply badges are switched off in settings', async () => {
    vi.mocked(fakeBrowser.runtime.sendMessage).mockImplementation((async (message: Envelope) => {
      asked.push(message);
      if (message.type === 'settings/get') return { ok: true, value: { ...RULES, features: { ...RULES.features, replyBadges: false } } };
      return { ok: true, value: [waitingThread(TASK, 20, { waitingSince: Date.now() - 20 * MINUTE })] };
    }) as never);
    show(PROJECT_PATH, simulatorProjectPage);
    startReplyBadges(ctx);
    await until(() => asked.length === 2);
    await settle();
    expect(badges()).toHaveLength(0);
  });

  it('leaves no badge behind when the content script is invalidated', async () => {
    show(PROJECT_PATH, simulatorProjectPage);
    waiting = byTaskId(waitingThread(TASK, 20, { waitingSince: Date.now() - 20 * MINUTE }));
    startReplyBadges(ctx);
    await until(() => badges().length === 1);
    ctx.abort();
    expect(badges()).toHaveLength(0);
    expect(document.querySelector('[data-account-desk-reply]')).toBeNull();
  });
});
