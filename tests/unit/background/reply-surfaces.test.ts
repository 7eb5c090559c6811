import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storeCredentials } from '@/lib/background/credentials';
import { db, type ThreadRow } from '@/lib/db';
import { waitingThreads } from '@/lib/background/replies/queries';
import { openNotification, refreshSurfaces, STATE_ALARM, threadStatesChanged } from '@/lib/background/replies/surfaces';
import { REPLY_STATE_COLOURS } from '@/lib/replies/palette';
import { defaultSettings } from '@/lib/settings';
import { applyLanguage } from '@/lib/language';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ORIGIN = 'https://demo.worksection.com';
const client = { id: '900', name: 'Cara <b>Client</b>', email: 'cara@client.test' };

function thread(taskId: string, minutesWaiting: number | null): ThreadRow {
  return {
    taskId,
    projectId: '1001',
    projectName: 'Website',
    taskName: `Task ${taskId}`,
    page: `/project/1001/${taskId}/`,
    status: 'active',
    clientThread: 1,
    waiting: minutesWaiting === null ? 0 : 1,
    waitingSince: minutesWaiting === null ? undefined : Date.now() - minutesWaiting * 60_000,
    waitingCommentId: minutesWaiting === null ? undefined : `5${taskId}`,
    waitingClient: minutesWaiting === null ? undefined : client,
  };
}

describe('reply surfaces: toolbar badge and notifications', () => {
  beforeEach(async () => {
    vi.restoreAllMocks();
    fakeBrowser.reset();
    await db().threads.clear();
    await storeCredentials({ origin: ORIGIN, auth: { kind: 'admin', apiKey: 'k'.repeat(32) }, summary: { origin: ORIGIN } });
    await db().threads.bulkPut([thread('1', 5), thread('2', 12), thread('3', 20), thread('4', 45), thread('5', null)]);
  });

  it('lists waiting threads most urgent first, linking to the client comment', async () => {
    const queue = await waitingThreads(ORIGIN, defaultSettings('UTC'));
    expect(queue.map((t) => [t.taskId, t.clock.state])).toEqual([
      ['4', 'escalated'],
      ['3', 'late'],
      ['2', 'soon'],
      ['1', 'ok'],
    ]);
    expect(queue[0]?.url).toBe(`${ORIGIN}/project/1001/4/#com54`);
  });

  it('counts late and escalated threads on the toolbar, in the worst state\'s colour', async () => {
    const text = vi.spyOn(fakeBrowser.action, 'setBadgeText');
    const colour = vi.spyOn(fakeBrowser.action, 'setBadgeBackgroundColor');
    await refreshSurfaces();
    expect(text).toHaveBeenLastCalledWith({ text: '2' });
    expect(colour).toHaveBeenLastCalledWith({ color: REPLY_STATE_COLOURS.escalated.background });

    await db().threads.bulkPut([thread('3', null), thread('4', null)]);
    await refreshSurfaces();
    expect(text).toHaveBeenLastCalledWith({ text: '' });
  });

  it('gives every open tab the same count as the toolbar, so no tab keeps an older one', async () => {
    const tab = await fakeBrowser.tabs.create({ url: `${ORIGIN}/project/1001/` });
    const text = vi.spyOn(fakeBrowser.action, 'setBadgeText');
    await refreshSurfaces();
    expect(text).toHaveBeenCalledWith({ text: '2', tabId: tab.id });
    expect(text).toHaveBeenLastCalledWith({ text: '2' });
  });

  it('sets an alarm for the moment the next waiting thread changes state', async () => {
    await refreshSurfaces();
    const alarm = await fakeBrowser.alarms.get(STATE_ALARM);
    // Thread 2 (12 minutes) turns late past 15, at 16 minutes: 4 minutes from now, the soonest crossing.
    const thread2 = await db().threads.get('2');
    expect(alarm?.scheduledTime).toBe(thread2!.waitingSince! + 16 * 60_000);

    await db().threads.clear();
    await refreshSurfaces();
    expect(await fakeBrowser.alarms.get(STATE_ALARM)).toBeUndefined();
  });

  it('a change of thread states draws the toolbar and tells pages and the popup in the same step', async () => {
    const text = vi.spyOn(fakeBrowser.action, 'setBadgeText');
    const told = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue(undefined);
    await threadStatesChanged();
    expect(text).toHaveBeenLastCalledWith({ text: '2' });
    expect(told).toHaveBeenCalledWith({ type: 'push/replies-changed' });
  });

  it('notifies once when a thread turns late and once when it turns escalated', async () => {
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    await refreshSurfaces();
    expect(create.mock.calls.map(([id]) => id).sort()).toEqual(['reply|3|late', 'reply|4|escalated']);
    await refreshSurfaces();
    expect(create).toHaveBeenCalledTimes(2);

    // Thread 3 keeps waiting and crosses 30 minutes: its escalated notification, once.
    await db().threads.update('3', { waitingSince: Date.now() - 31 * 60_000, notifiedLate: Date.now() - 31 * 60_000 });
    await refreshSurfaces();
    await refreshSurfaces();
    expect(create.mock.calls.map(([id]) => id)).toContain('reply|3|escalated');
    expect(create).toHaveBeenCalledTimes(3);
  });

  it('titles notifications with the wait in words, in the chosen language', async () => {
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    await refreshSurfaces();
    const calls = () => create.mock.calls as unknown as Array<[string, { title: string }]>;
    const titles = calls().map(([, options]) => options.title).sort();
    expect(titles).toEqual(['Cara <b>Client</b> has waited 20 minutes for a reply', 'Cara <b>Client</b> has waited 45 minutes: escalated']);

    // Ukrainian chosen: the background reads its packaged file (a test one here) and counts in its plural forms.
    const ukrainian = {
      notifyLateWait: { message: '$WHO$ чекає $WAIT$ на відповідь', placeholders: { who: { content: '$1' }, wait: { content: '$2' } } },
      waitMinutes_many: { message: '$COUNT$ хвилин', placeholders: { count: { content: '$1' } } },
      waitMinutes_few: { message: '$COUNT$ хвилини', placeholders: { count: { content: '$1' } } },
    };
    const english = JSON.parse(readFileSync(join(process.cwd(), 'public/_locales/en/messages.json'), 'utf8')) as unknown;
    vi.stubGlobal('fetch', async (url: string) => new Response(JSON.stringify(url.includes('/_locales/uk/') ? ukrainian : english)));
    try {
      await fakeBrowser.storage.local.set({ settings: { ...defaultSettings('UTC'), language: 'uk' } });
      await db().threads.put({ ...thread('6', 22), waitingClient: { ...client, name: 'Ірина' } });
      await refreshSurfaces();
      const latest = calls().find(([id]) => id === 'reply|6|late')?.[1];
      expect(latest?.title).toBe('Ірина чекає 22 хвилини на відповідь');
    } finally {
      await applyLanguage('auto');
      vi.unstubAllGlobals();
    }
  });

  it('each notification kind can be switched off', async () => {
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    await fakeBrowser.storage.local.set({ settings: { ...defaultSettings('UTC'), notifications: { late: false, escalated: true } } });
    await refreshSurfaces();
    expect(create.mock.calls.map(([id]) => id)).toEqual(['reply|4|escalated']);
  });

  it('clicking a notification opens the thread at the client comment', async () => {
    const open = vi.spyOn(fakeBrowser.tabs, 'create');
    await openNotification('reply|4|escalated');
    expect(open).toHaveBeenCalledWith({ url: `${ORIGIN}/project/1001/4/#com54` });
    await openNotification('something-else');
    expect(open).toHaveBeenCalledTimes(1);
  });
});
