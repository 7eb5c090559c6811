// @vitest-environment happy-dom
// The reply badges feature as a page runs it (the runner with the page's own
// environment): what it asks the background, when it asks again, and how it
// follows the page, with WXT's fake browser standing in for the background.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import replies from '@/components/replies/feature';
import { BADGE_TAG } from '@/components/replies/badge';
import type { Envelope } from '@/lib/messages';
import { pageEnvironment } from '@/lib/page/environment';
import { startRunner, type Runner } from '@/lib/page/runner';
import type { WaitingThread } from '@/lib/replies/protocol';
import { byTaskId, MINUTE, pill, RULES, SIMULATOR, simulatorProjectPage, simulatorTaskPage, useEnglishMessages, waitingThread } from './badges-support';

const ORIGIN = 'https://demo.worksection.com';
const TASK = SIMULATOR.taskId;
const PROJECT_PATH = SIMULATOR.projectPath;

describe('reply badges on a page', () => {
  let runner: Runner | undefined;
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

  // Only this feature, with the environment a real page gives the runner (alive: the fake browser has no runtime id).
  const startBadges = () => {
    runner = startRunner([replies], { ...pageEnvironment(), alive: () => true, report: () => undefined });
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
  });

  afterEach(() => {
    runner?.stop();
    runner = undefined;
    vi.useRealTimers();
  });

  it('asks for the project\'s waiting threads and badges their rows', async () => {
    show(PROJECT_PATH, simulatorProjectPage);
    waiting = byTaskId(waitingThread(TASK, 20, { waitingSince: Date.now() - 20 * MINUTE }));
    startBadges();
    await until(() => badges().length === 1);

    // The runner's switch and the feature's clock rules come from one settings read.
    expect(asked.map((message) => message.type).sort()).toEqual(['replies/project', 'settings/get']);
    expect(asked.find((message) => message.type === 'replies/project')?.request).toEqual({ origin: ORIGIN, projectId: SIMULATOR.projectId });
    expect(document.querySelector(`.item[data-id="${TASK}"] ${BADGE_TAG}`)).not.toBeNull();
  });

  it('asks again when the background announces new thread states, and takes answered badges away', async () => {
    show(PROJECT_PATH, simulatorProjectPage);
    waiting = byTaskId(waitingThread(TASK, 20, { waitingSince: Date.now() - 20 * MINUTE }));
    startBadges();
    await until(() => badges().length === 1);
    const before = asked.length;

    waiting = new Map();
    await fakeBrowser.runtime.onMessage.trigger({ type: 'push/replies-changed' }, {}, () => undefined);
    await until(() => badges().length === 0);
    // New threads, the same settings: only the threads are asked for.
    expect(asked.slice(before).map((message) => message.type)).toEqual(['replies/project']);

    // Other messages and storage changes are not its business.
    await fakeBrowser.runtime.onMessage.trigger({ type: 'replies/queue', request: {} }, {}, () => undefined);
    await fakeBrowser.storage.local.set({ somethingElse: 1 });
    await settle();
    expect(asked.length).toBe(before + 1);
  });

  it('reads the settings again once when they change, for the runner and the feature together', async () => {
    show(PROJECT_PATH, simulatorProjectPage);
    waiting = byTaskId(waitingThread(TASK, 20, { waitingSince: Date.now() - 20 * MINUTE }));
    startBadges();
    await until(() => badges().length === 1);
    const before = asked.length;

    await fakeBrowser.runtime.onMessage.trigger({ type: 'push/settings-changed' }, {}, () => undefined);
    await until(() => asked.slice(before).some((message) => message.type === 'replies/project'));
    await settle();
    expect(asked.slice(before).map((message) => message.type).sort()).toEqual(['replies/project', 'settings/get']);
    expect(badges()).toHaveLength(1);
  });

  it('asks for the settings again after a failed read instead of keeping the failure', async () => {
    let failSettings = true;
    vi.mocked(fakeBrowser.runtime.sendMessage).mockImplementation((async (message: Envelope) => {
      asked.push(message);
      if (message.type === 'settings/get') {
        if (failSettings) return { ok: false, problem: { kind: 'internal', message: 'the worker was restarting' } };
        return { ok: true, value: RULES };
      }
      return { ok: true, value: [...waiting.values()] };
    }) as never);
    show(PROJECT_PATH, simulatorProjectPage);
    waiting = byTaskId(waitingThread(TASK, 20, { waitingSince: Date.now() - 20 * MINUTE }));
    startBadges();
    // Switches unknown count as on: the feature mounts, but without its clock rules it shows nothing yet.
    await until(() => asked.some((message) => message.type === 'replies/project'));
    await settle();
    expect(badges()).toHaveLength(0);

    failSettings = false;
    await fakeBrowser.runtime.onMessage.trigger({ type: 'push/replies-changed' }, {}, () => undefined);
    await until(() => badges().length === 1);
    expect(asked.filter((message) => message.type === 'settings/get').length).toBeGreaterThanOrEqual(2);
  });

  it('puts badges back, once, when Worksection swaps the task list', async () => {
    show(PROJECT_PATH, simulatorProjectPage);
    waiting = byTaskId(waitingThread(TASK, 20, { waitingSince: Date.now() - 20 * MINUTE }));
    startBadges();
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
    startBadges();
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
    startBadges();
    // The thread's row on the project page carries its badge.
    await until(() => badges().length === 1);
    expect(badges()[0]!.closest('.item')?.getAttribute('data-id')).toBe(SIMULATOR.taskId);

    // As Worksection navigates: the URL changes, then the content is swapped.
    // The runner notices the URL with the swap (or within a second, polling).
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
    startBadges();
    await until(() => asked.length === 1);
    await settle();
    // The runner never mounted the feature: not even its threads were asked for.
    expect(asked.map((message) => message.type)).toEqual(['settings/get']);
    expect(badges()).toHaveLength(0);
  });

  it('leaves no badge behind when the runner stops (the extension updated or removed)', async () => {
    show(PROJECT_PATH, simulatorProjectPage);
    waiting = byTaskId(waitingThread(TASK, 20, { waitingSince: Date.now() - 20 * MINUTE }));
    startBadges();
    await until(() => badges().length === 1);
    runner!.stop();
    expect(badges()).toHaveLength(0);
    expect(document.querySelector('[data-account-desk-reply]')).toBeNull();
  });
});
