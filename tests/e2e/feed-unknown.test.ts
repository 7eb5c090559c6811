// A sync that survives the unknown, in the real extension: with event kinds and
// fields the documented feed lacks in get_events, a team reply still clears
// the waiting thread's badge, and Diagnostics counts the unknown kinds by kind
// with their shape and none of their texts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { SyncStatus, WaitingThread } from '../../lib/replies/protocol';
import type { WireStatus } from '../../lib/worksection/protocol';
import { startSimulator, type PersonView, type Simulator, type TaskTreeView } from '../simulator/index';
import { connectThroughOptions, launchBrowser, type ExtensionBrowser, messenger } from './harness';
import { cleanDesk, flatten } from '../support/seed-tools';


describe('reply sync with unknown event kinds in the feed', () => {
  let sim: Simulator;
  let browser: ExtensionBrowser;
  let extensionPage: Page;
  let page: Page;
  let target: TaskTreeView;
  let other: TaskTreeView;
  let owner: PersonView;
  let projectPage: string;

  /** A message to the background, as the popup sends it. */
  const send = messenger(() => extensionPage);
  const waitingIds = async () => (await send<{ threads: WaitingThread[] }>('replies/queue')).threads.map((thread) => thread.taskId);
  const badge = (taskId: string) => page.locator(`#tasks_images .item[data-id="${taskId}"]`).getByRole('img', { name: /^Client waiting/ });

  beforeAll(async () => {
    sim = await startSimulator({ port: 0 });
    const data = sim.control.data();
    owner = cleanDesk(sim);
    const project = data.projects.find((candidate) => candidate.clientGroup !== null)!;
    projectPage = project.page;
    const tasks = flatten(sim.control.tasks(project.id)).filter((task) => task.level === 0 && task.status === 'active' && !/[<>]/.test(task.name));
    [target, other] = [tasks[0]!, tasks[1]!];
    const client = data.users.find((user) => user.client && user.group === project.clientGroup) ?? data.users.find((user) => user.client)!;
    sim.control.addComment({ taskId: target.id, userEmail: client.email, text: 'Where is the invoice?' });

    browser = await launchBrowser({ hostRules: sim.hostRules });
    expect(await connectThroughOptions(browser, { accountUrl: sim.origin, apiKey: sim.apiKey })).toMatch(/^Connected to /);
    extensionPage = await browser.extensionPage('popup.html');
    page = await browser.context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await sim?.close();
  });

  it('clears the badge after a team reply although the feed carries kinds and fields it does not know', async () => {
    // Connecting started the first sync.
    await expect.poll(waitingIds, { timeout: 60_000 }).toEqual([target.id]);
    await page.goto(new URL(projectPage, sim.origin).href);
    await badge(target.id).waitFor();

    // Kinds the documented feed lacks, odd fields, a known kind without its author, an event with no id.
    sim.control.addOddEvent({ taskId: other.id });
    sim.control.addOddEvent({ taskId: target.id, action: 'archive', objectType: 'task', extraFields: { via: { app: 'mobile' } } });
    sim.control.addOddEvent({ taskId: other.id, action: 'post', objectType: 'comment', drop: ['user_from'], extraFields: { new: { text: 'Секретний текст' } } });
    sim.control.addOddEvent({ taskId: other.id, action: 'post', objectType: 'file', drop: ['object.id'] });
    sim.control.addComment({ taskId: target.id, userEmail: owner.email, text: 'Sent this morning.' });

    expect(await send<SyncStatus>('sync/now')).toMatchObject({ phase: 'ok' });
    expect(await waitingIds()).toEqual([]);
    await page.reload();
    await page.locator(`#tasks_images .item[data-id="${target.id}"]`).waitFor();
    expect(await badge(target.id).count()).toBe(0);

    // The next poll goes on as usual: the odd events moved the cursor and are not applied again.
    sim.control.resetStats();
    expect(await send<SyncStatus>('sync/now')).toMatchObject({ phase: 'ok' });
    expect(Object.keys(sim.control.stats().byAction)).toEqual(['get_events']);
  });

  it('Diagnostics counts the unknown kinds and the skipped event, with shapes and no texts', async () => {
    const wire = await send<WireStatus>('wire/status');
    expect(wire.feed.unknown.map((entry) => entry.kind).sort()).toEqual([
      'event archive/task',
      'event post/comment with user_from not object',
      'event start/timer',
    ]);
    expect(wire.feed.skipped.map((entry) => entry.reason)).toEqual(['get_events: event without action, object.type or object.id']);
    expect(wire.feed.unknown.find((entry) => entry.kind === 'event archive/task')!.shape).toMatchObject({ via: 'object{app}' });
    expect(JSON.stringify(wire)).not.toContain('Секрет');

    const options = await browser.extensionPage('options.html#diagnostics');
    await options.getByRole('table', { name: /did not recognise/ }).getByRole('cell', { name: 'event start/timer', exact: true }).waitFor();
    await options.close();
  });
});
