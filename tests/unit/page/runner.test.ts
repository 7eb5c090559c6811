// @vitest-environment happy-dom
// The runner with features made for the test: which mount when, where their
// UIs go, what diagnostics hear, on a page whose address and DOM the test drives.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defineFeature, lazyMount, type FeatureContext, type FeatureDefinition, type FeaturePageKind, type FeaturePlace } from '@/lib/page/feature';
import type { PageVisit } from '@/lib/page/protocol';
import { startRunner, type FeatureSwitches, type Runner } from '@/lib/page/runner';

const ORIGIN = 'https://demo.worksection.com';
const PROJECT_PAGE = '<div id="header_print">Demo</div><div id="tasks_images"><div class="item" data-id="2"></div></div>';
const TASK_PAGE = '<div class="task"><h1>Task</h1><div class="buts_menu"></div></div><div id="comments"></div>';

interface Mount {
  id: string;
  key: string;
  docked: boolean;
  signal: AbortSignal;
}

describe('the feature runner', () => {
  let runner: Runner | undefined;
  let href: string;
  let switches: FeatureSwitches | null;
  let switchListeners: Array<() => void>;
  let reports: Array<Omit<PageVisit, 'id'>>;
  let mounts: Mount[];
  let alive: boolean;

  const go = (path: string, body?: string) => {
    href = `${ORIGIN}${path}`;
    if (body !== undefined) document.body.innerHTML = body;
  };
  const settle = async () => {
    for (let i = 0; i < 10; i++) await new Promise((resolve) => setTimeout(resolve, 0));
  };
  const live = (id?: string) => mounts.filter((mount) => !mount.signal.aborted && (id === undefined || mount.id === id));

  /** A feature that records its mounts and shows a button with its id when it has an anchor. */
  const recording = (id: string, on: { [K in FeaturePageKind]?: Omit<FeaturePlace<K>, 'mount'> }, setting?: keyof FeatureSwitches): FeatureDefinition => {
    const withMount = Object.fromEntries(
      Object.entries(on).map(([kind, place]) => [
        kind,
        {
          ...place,
          mount(context: FeatureContext) {
            mounts.push({ id, key: `${context.page.kind}:${context.page.kind === 'task' ? context.page.taskId : context.page.projectId}`, docked: context.docked, signal: context.signal });
            if (place?.anchor) context.container().textContent = id;
          },
        },
      ]),
    );
    return defineFeature({ id, on: withMount, ...(setting && { setting }) });
  };

  const start = (features: FeatureDefinition[]) => {
    runner = startRunner(features, {
      document,
      href: () => href,
      settings: () => Promise.reject(new Error('these features read no settings')),
      switches: async () => switches,
      onSwitchesChanged(listener) {
        switchListeners.push(listener);
        return () => (switchListeners = switchListeners.filter((each) => each !== listener));
      },
      report: (visit) => reports.push(visit),
      alive: () => alive,
      warn: () => undefined,
      now: () => 0,
    });
  };

  beforeEach(() => {
    switches = { replyBadges: true, accountTime: true, templates: true, statusReport: true, quickReplies: true };
    switchListeners = [];
    reports = [];
    mounts = [];
    alive = true;
    go('/project/8/', PROJECT_PAGE);
  });

  afterEach(() => {
    runner?.stop();
    runner = undefined;
    document.body.innerHTML = '';
  });

  it('mounts a feature on the page kinds it declares, at its anchor, and nowhere else', async () => {
    start([recording('bar', { project: { anchor: 'taskList', append: 'before' } })]);
    await settle();
    expect(live().map(({ id, key, docked }) => ({ id, key, docked }))).toEqual([{ id: 'bar', key: 'project:8', docked: false }]);
    const host = document.querySelector('account-desk-bar')!;
    expect(host.getAttribute('data-placement')).toBe('anchor');
    expect(host.nextElementSibling?.id).toBe('tasks_images');
    expect(host.shadowRoot?.textContent).toBe('bar');

    go('/project/8/5/', TASK_PAGE);
    runner!.round();
    expect(live()).toEqual([]);
    expect(document.querySelector('account-desk-bar')).toBeNull();
  });

  it('follows navigation: the old page\'s feature is aborted, the new page\'s mounted once', async () => {
    const feature = recording('bar', { project: { anchor: 'taskList', append: 'before' }, task: { anchor: 'taskTitle', append: 'after' } });
    start([feature]);
    await settle();
    const first = live()[0]!;

    go('/project/8/5/', TASK_PAGE);
    await settle(); // the DOM swap is noticed by the runner's observer
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(first.signal.aborted).toBe(true);
    expect(live().map((mount) => mount.key)).toEqual(['task:5']);
    expect(document.querySelector('.task h1')?.nextElementSibling?.localName).toBe('account-desk-bar');

    // A new #comment anchor on the same task is not a new page.
    go('/project/8/5/#com77');
    runner!.round();
    expect(live().map((mount) => mount.key)).toEqual(['task:5']);
    expect(mounts).toHaveLength(2);
  });

  it('applies a switch turned off and on in settings to the open page, without a reload', async () => {
    start([recording('templates', { project: { anchor: 'taskList', append: 'before' } }, 'templates')]);
    await settle();
    expect(live('templates')).toHaveLength(1);

    switches = { replyBadges: true, accountTime: true, templates: false, statusReport: true, quickReplies: true };
    for (const listener of switchListeners) listener();
    await settle();
    expect(live('templates')).toHaveLength(0);
    expect(document.querySelector('account-desk-templates')).toBeNull();

    switches = { replyBadges: true, accountTime: true, templates: true, statusReport: true, quickReplies: true };
    for (const listener of switchListeners) listener();
    await settle();
    expect(live('templates')).toHaveLength(1);
    expect(document.querySelector('account-desk-templates')).not.toBeNull();
  });

  it('never mounts a feature that is off, not even for a moment before the switches are read', async () => {
    switches = { replyBadges: false, accountTime: true, templates: true, statusReport: true, quickReplies: true };
    start([recording('replies', { project: { uses: ['taskList'] } }, 'replyBadges')]);
    runner!.round(); // a DOM change before the settings answered
    await settle();
    expect(mounts).toHaveLength(0);
  });

  it('docks a feature whose anchor is missing, and moves it to the anchor when it appears', async () => {
    go('/project/8/', '<div id="header_print">Demo</div>');
    start([recording('bar', { project: { anchor: 'taskList', append: 'before' } })]);
    await settle();
    expect(live()[0]?.docked).toBe(true);
    expect(document.querySelector('account-desk-bar')?.getAttribute('data-placement')).toBe('dock');
    // In the page's one dock, which floats at the end of <body>.
    expect(document.querySelector('account-desk-bar')?.parentElement?.localName).toBe('account-desk-dock');
    expect(document.body.lastElementChild?.localName).toBe('account-desk-dock');

    document.body.insertAdjacentHTML('beforeend', '<div id="tasks_images"></div>');
    runner!.round();
    expect(live().map((mount) => mount.docked)).toEqual([false]);
    expect(document.querySelectorAll('account-desk-bar')).toHaveLength(1);
    expect(document.querySelector('account-desk-bar')?.getAttribute('data-placement')).toBe('anchor');
    // The dock goes with its last feature.
    await settle();
    expect(document.querySelector('account-desk-dock')).toBeNull();
  });

  it('moves the same UI, without re-mounting, when Worksection replaces the anchor', async () => {
    start([recording('bar', { project: { anchor: 'taskList', append: 'before' } })]);
    await settle();
    const host = document.querySelector('account-desk-bar')!;

    document.querySelector('#tasks_images')!.replaceWith(Object.assign(document.createElement('div'), { id: 'tasks_images' }));
    runner!.round();
    expect(mounts).toHaveLength(1);
    expect(document.querySelector('account-desk-bar')).toBe(host);
    expect(host.nextElementSibling).toBe(document.querySelector('#tasks_images'));
  });

  it('runs one mount at a time: many rounds while a mount is loading give one live feature', async () => {
    let release!: () => void;
    const loading = new Promise<void>((resolve) => (release = resolve));
    const slow = defineFeature({
      id: 'slow',
      on: {
        project: {
          anchor: 'taskList',
          append: 'before',
          async mount(context) {
            mounts.push({ id: 'slow', key: 'project', docked: context.docked, signal: context.signal });
            await loading; // its chunk is still loading
            if (!context.signal.aborted) context.container().textContent = 'slow';
          },
        },
      },
    });
    start([slow]);
    await settle();
    for (let i = 0; i < 5; i++) runner!.round();
    release();
    await settle();
    expect(mounts).toHaveLength(1);
    expect(document.querySelectorAll('account-desk-slow')).toHaveLength(1);

    // Leaving while a mount is loading: the late mount shows nothing.
    let releaseAgain!: () => void;
    const again = new Promise<void>((resolve) => (releaseAgain = resolve));
    const slower = defineFeature({
      id: 'slower',
      on: {
        task: {
          anchor: 'taskTitle',
          append: 'after',
          async mount(context) {
            await again;
            if (!context.signal.aborted) context.container().textContent = 'late';
            else context.container(); // a mount that ignores its signal still leaves nothing behind
          },
        },
      },
    });
    runner!.stop();
    go('/project/8/5/', TASK_PAGE);
    start([slower]);
    await settle();
    go('/project/8/', PROJECT_PAGE);
    runner!.round();
    releaseAgain();
    await settle();
    expect(document.querySelector('account-desk-slower')).toBeNull();
  });

  it('keeps UIs at a shared anchor in declaration order, whichever mounts first', async () => {
    let releaseFirst!: () => void;
    const firstLoads = new Promise<void>((resolve) => (releaseFirst = resolve));
    const first = defineFeature({
      id: 'first',
      on: { project: { anchor: 'taskList', append: 'before', mount: async (context) => void (await firstLoads, (context.container().textContent = '1')) } },
    });
    const second = recording('second', { project: { anchor: 'taskList', append: 'before' } });
    start([first, second]);
    await settle();
    releaseFirst();
    await settle();
    const order = [...document.body.children].map((element) => element.localName || element.id);
    expect(order.indexOf('account-desk-first')).toBeLessThan(order.indexOf('account-desk-second'));
    expect(document.querySelector('account-desk-second')?.nextElementSibling?.id).toBe('tasks_images');
  });

  it('reports every feature\'s anchors, found and missing, once per page and layout', async () => {
    start([
      recording('bar', { project: { anchor: 'taskList', append: 'before', uses: ['projectHeader'] } }),
      recording('replies', { project: { uses: ['taskRow'] } }, 'replyBadges'),
      recording('checklist', { task: { anchor: 'taskActions', append: 'after', uses: ['commentEditor'] } }),
    ]);
    await settle();
    runner!.round();
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({ url: `${ORIGIN}/project/8/`, pageKind: 'project', placement: 'anchor' });
    expect(reports[0]?.features).toEqual([
      {
        id: 'bar',
        placement: 'anchor',
        anchors: [
          { name: 'taskList', found: true, selector: '#tasks_images' },
          { name: 'projectHeader', found: true, selector: '#header_print' },
        ],
      },
      { id: 'replies', placement: 'page', anchors: [{ name: 'taskRow', found: true, selector: '#tasks_images .item' }] },
    ]);

    // A task page whose layout has no comment editor: reported as missing.
    go('/project/8/5/', TASK_PAGE);
    runner!.round();
    expect(reports).toHaveLength(2);
    expect(reports[1]?.features).toEqual([
      {
        id: 'checklist',
        placement: 'anchor',
        anchors: [
          { name: 'taskActions', found: true, selector: '.buts_menu' },
          { name: 'commentEditor', found: false },
        ],
      },
    ]);
  });

  it('names the feature that failed to mount, in a warning and in diagnostics, and keeps the others', async () => {
    const warn = vi.fn();
    const broken = defineFeature({
      id: 'broken',
      on: { project: { anchor: 'taskList', append: 'before', mount: () => Promise.reject(new Error('chunk failed to load')) } },
    });
    runner = startRunner([broken, recording('bar', { project: { anchor: 'taskList', append: 'before' } })], {
      document,
      href: () => href,
      settings: () => Promise.reject(new Error('these features read no settings')),
      switches: async () => switches,
      onSwitchesChanged: () => () => undefined,
      report: (visit) => reports.push(visit),
      alive: () => true,
      warn,
      now: () => 0,
    });
    await settle();
    expect(warn).toHaveBeenCalledWith('Account Desk, broken: chunk failed to load');
    expect(live('bar')).toHaveLength(1);
    expect(reports.at(-1)?.features?.find((feature) => feature.id === 'broken')?.problem).toBe('chunk failed to load');
  });

  it('unmounts everything once the extension is gone from under the page', async () => {
    start([recording('bar', { project: { anchor: 'taskList', append: 'before' } })]);
    await settle();
    alive = false;
    runner!.round();
    expect(live()).toHaveLength(0);
    expect(document.querySelector('account-desk-bar')).toBeNull();
  });

  it('runs task features in a task modal over the project page, found from the DOM, and ends them with it', async () => {
    start([
      recording('bar', { project: { anchor: 'taskList', append: 'before' } }),
      recording('checklist', { task: { anchor: 'taskActions', append: 'after' }, modal: { anchor: 'taskActions', append: 'after' } }),
    ]);
    await settle();
    const openModal = (taskId: string) => {
      document.querySelector('#TB_window')?.remove();
      document.body.insertAdjacentHTML(
        'beforeend',
        `<div id="TB_window"><div id="TB_title"><div class="name"><a href="/project/8/${taskId}/">Task ${taskId}</a></div></div>` +
          `<div id="TB_ajaxContent"><div class="task"><h1>Task</h1><div class="buts_menu"></div></div></div></div>`,
      );
      runner!.round();
    };

    openModal('5');
    expect(live().map(({ id, key }) => [id, key])).toEqual([
      ['bar', 'project:8'],
      ['checklist', 'task:5'],
    ]);
    const host = document.querySelector('#TB_window account-desk-checklist')!;
    expect(host.getAttribute('data-page')).toBe('modal');
    expect(host.previousElementSibling?.className).toBe('buts_menu');
    expect(reports.at(-1)?.features?.map((feature) => [feature.id, feature.in ?? 'page', feature.placement])).toEqual([
      ['bar', 'page', 'anchor'],
      ['checklist', 'modal', 'anchor'],
    ]);

    // Another task opened in a row: the old one's feature ends, the new one's starts.
    const before = live('checklist')[0]!;
    openModal('6');
    expect(before.signal.aborted).toBe(true);
    expect(live('checklist').map((mount) => mount.key)).toEqual(['task:6']);

    document.querySelector('#TB_window')!.remove();
    runner!.round();
    expect(live().map((mount) => mount.id)).toEqual(['bar']);
    expect(document.querySelector('account-desk-checklist')).toBeNull();
  });
});

describe('lazyMount', () => {
  it('imports once; every later mount runs within the caller’s task, with the module it kept', async () => {
    const started: string[] = [];
    const module = { start: (context: FeatureContext<'project'>) => void started.push(context.page.projectId) };
    const load = vi.fn(async () => module);
    const mount = lazyMount(load, (m, context: FeatureContext<'project'>) => m.start(context));
    const context = (projectId: string) => ({ page: { kind: 'project', projectId } }) as unknown as FeatureContext<'project'>;

    const first = mount(context('1'));
    expect(started).toEqual([]);
    await first;
    expect(started).toEqual(['1']);

    mount(context('2'));
    expect(started).toEqual(['1', '2']);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('tries the import again after it failed', async () => {
    const load = vi.fn().mockRejectedValueOnce(new Error('offline')).mockResolvedValue({ start: () => 'mounted' });
    const mount = lazyMount(load, (m: { start(): string }, _context: FeatureContext<'project'>) => void m.start());
    await expect(mount({} as FeatureContext<'project'>)).rejects.toThrow('offline');
    await mount({} as FeatureContext<'project'>);
    expect(load).toHaveBeenCalledTimes(2);
  });
});
