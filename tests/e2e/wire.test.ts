// The wire format in the real extension (docs/worksection-wire.md): under each
// strict simulator mode, connecting finds the scheme the account accepts
// (shown in Diagnostics), and a template whose titles and checklist items
// carry Cyrillic, spaces, "&" and "+" creates exactly its nodes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { AuthMode, Simulator } from '../simulator/index';
import { connectThroughOptions, messenger, startConnectedSession, type ConnectedSession, type ExtensionBrowser } from './harness';
import { flatten } from '../support/seed-tools';

const TEMPLATE_TASKS = [
  {
    title: 'Дизайн & верстка + SEO',
    startOffset: 0,
    duration: 2,
    checklist: ['Бриф 100% готов', 'a+b = c & d', 'Қазақша: мәтін?', '#1 ~ (draft)'],
    subtasks: [
      { title: 'Макет: главная + каталог', startOffset: 0, duration: 1, checklist: ['Шапка & меню', 'Ціна + знижка'] },
      { title: 'Tom & Jerry + friends = 3', startOffset: 1, duration: 1 },
    ],
  },
  { title: 'Запуск / launch 50% + QA', startOffset: 2, duration: 1, checklist: ['Проверка формы «Заказ»'] },
];


describe('wire format under strict simulator modes', () => {
  let session: ConnectedSession;
  let sim: Simulator;
  let browser: ExtensionBrowser;
  let extensionPage: Page;

  /** A message to the background, as the popup sends it. */
  const send = messenger(() => extensionPage);

  beforeAll(async () => {
    // Each case connects itself, under the simulator mode it sets first.
    session = await startConnectedSession({ connect: false });
    ({ sim, browser } = session);
    extensionPage = await browser.extensionPage('popup.html');
  });

  afterAll(() => session?.close());

  const cases: Array<{ mode: AuthMode; scheme: 'header' | 'query'; seen: string }> = [
    { mode: 'md5', scheme: 'query', seen: 'md5-rebuilt' },
    { mode: 'header', scheme: 'header', seen: 'header' },
    { mode: 'both', scheme: 'header', seen: 'header' },
  ];

  it.each(cases)('mode $mode: connect picks the $scheme scheme, and the template creates exactly its nodes', async ({ mode, scheme, seen }) => {
    sim.control.setAuthMode(mode);
    expect(await connectThroughOptions(browser, { accountUrl: sim.origin, apiKey: sim.apiKey })).toMatch(/^Connected to /);

    // Diagnostics says which form the account accepted.
    const options = await browser.extensionPage('options.html#diagnostics');
    await options.locator(`#diagnostics [data-scheme="${scheme}"]`).waitFor();
    await options.close();

    const project = sim.control.data().projects.find((candidate) => candidate.clientGroup !== null)!;
    const before = new Set(flatten(sim.control.tasks(project.id)).map((task) => task.id));
    await send('templates/personal/save', {
      template: { id: `wire-${mode}`, name: `Wire ${mode}: «Сайт» & SEO + 1`, roles: [], tasks: TEMPLATE_TASKS },
    });
    const started = await send<{ application: { id: string } }>('templates/apply', {
      origin: sim.origin,
      projectId: project.id,
      source: 'personal',
      templateId: `wire-${mode}`,
      startDate: '2025-05-05',
      roles: {},
    });
    await expect
      .poll(async () => (await send<{ application: { status: string; problem?: string } }>('templates/application', { id: started.application.id })).application, {
        timeout: 45_000,
      })
      .toMatchObject({ status: 'done' });

    const created = flatten(sim.control.tasks(project.id)).filter((task) => !before.has(task.id));
    expect(created).toHaveLength(4);
    const [first, second] = TEMPLATE_TASKS;
    const byTitle = (title: string) => {
      const matches = created.filter((task) => task.name === title);
      expect(matches, title).toHaveLength(1);
      return matches[0]!;
    };
    const root = byTitle(first!.title);
    expect(root.todo).toEqual(first!.checklist);
    expect(root.parentId).toBeNull();
    for (const subtask of first!.subtasks!) {
      const child = byTitle(subtask.title);
      expect(child.parentId).toBe(root.id);
      expect(child.todo).toEqual(subtask.checklist ?? []);
    }
    expect(byTitle(second!.title).todo).toEqual(second!.checklist);
    expect(sim.control.schemesSeen().at(-1)).toBe(seen);
  });

  it('in the md5 query scheme a node too long for an 8 KB request line is refused before any call, naming it and how much to cut', async () => {
    sim.control.setAuthMode('md5');
    expect(await connectThroughOptions(browser, { accountUrl: sim.origin, apiKey: sim.apiKey })).toMatch(/^Connected to /);
    const project = sim.control.data().projects.find((candidate) => candidate.clientGroup !== null)!;
    const before = flatten(sim.control.tasks(project.id)).length;
    await send('templates/personal/save', {
      template: {
        id: 'wire-long',
        name: 'Long brief',
        roles: [],
        tasks: [
          { title: 'Short first', startOffset: 0, duration: 1 },
          { title: 'Бриф клиента', description: 'Подробное описание задачи. '.repeat(80), startOffset: 0, duration: 1 },
        ],
      },
    });
    sim.control.resetStats();
    const refusal = await send('templates/apply', {
      origin: sim.origin,
      projectId: project.id,
      source: 'personal',
      templateId: 'wire-long',
      startDate: '2025-05-05',
      roles: {},
    }).then(
      () => 'applied',
      (error: Error) => error.message,
    );
    expect(refusal).toMatch(/“Бриф клиента” is too long .* shorten its description or checklist by about \d+ characters/);
    expect(refusal).not.toContain('Short first');
    expect(sim.control.stats().byAction.post_task ?? 0).toBe(0);
    expect(flatten(sim.control.tasks(project.id))).toHaveLength(before);
  });
});
