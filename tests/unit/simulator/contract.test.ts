// Contract: the simulator answers the official Postman examples
// (../shared/worksection/postman-examples.json) with the same keys and JSON
// value types, and error examples with the same status_code and message.
// Example ids and emails are mapped to the seeded account's; every other
// adaptation and exception is listed below with its reason.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_OAUTH_TOKEN, startSimulator, type Simulator } from '../../simulator/index.ts';
import { ACTIONS } from '../../simulator/api/actions.ts';
import { admin, oauth } from './helpers.ts';
import { compareShape, foldRecursive, shapeOf, type Shape, type ShapeExceptions } from './shape.ts';

interface Example {
  folder: string;
  name: string;
  action: string;
  example: 'success' | 'error';
  request_params: Array<[string, string | null]>;
  response: any;
}

// A copy of shared/worksection/postman-examples.json (the official collection's
// examples), kept in the repository so a clone alone can run every test.
const EXAMPLES_PATH = fileURLToPath(new URL('../../fixtures/postman-examples.json', import.meta.url));
const examples = JSON.parse(readFileSync(EXAMPLES_PATH, 'utf8')) as Example[];
const simulated = examples.filter((example) => Object.hasOwn(ACTIONS, example.action));

// The official collection has no example response for these two (response: null);
// their shapes are checked against api-reference §4.5/§4.8 in api.test.ts.
const NO_EXAMPLE_RESPONSE = ['get_projects', 'get_costs'];

const TASK_LIST_EXCEPTIONS: ShapeExceptions = {
  recursiveKey: 'child',
  conditional: [
    // Every example task happens to have dates and relations; tasks without them have none.
    'response.data[].date_start', 'response.data[].date_end', 'response.data[].relations',
    // `from`/`to` list the relations that exist: a task may have only one side.
    'response.data[].relations.from', 'response.data[].relations.to',
  ],
  // Every example task is open; closed tasks carry date_closed (§3.3 field list, §4.5 example).
  extra: ['response.data[].date_closed'],
};

/** Exceptions per example name, each with its reason. */
const EXCEPTIONS: Record<string, ShapeExceptions> = {
  get_all_tasks: TASK_LIST_EXCEPTIONS,
  get_tasks: TASK_LIST_EXCEPTIONS,
  get_task: {
    // Reduced children carry `child` only when they have subtasks themselves.
    conditional: ['response.data.child[].child'],
  },
  get_comments: {
    // Comments without attachments have no `files`, like tasks without files.
    conditional: ['response.data[].files'],
  },
  get_events: {
    // new/old carry only the fields that changed (the example's single update changed four;
    // update_task cannot change time_end at all).
    conditional: ['response.data[].new.*', 'response.data[].old.*'],
  },
  complete_task: {
    // The example was captured with status "active" and no date_closed; a closed task has one.
    extra: ['response.data.date_closed'],
  },
};

let sim: Simulator;
const mapped: Record<string, string> = {};

beforeAll(async () => {
  sim = await startSimulator({ port: 0, now: new Date('2025-03-12T10:30:00Z') });
  sim.control.setClock({ frozen: true });
  const data = sim.control.data();
  const tree = sim.control.tasks();
  const all = tree.flatMap(function flat(task): typeof tree { return [task, ...task.children.flatMap(flat)]; });
  const byName = (name: string) => {
    const task = all.find((candidate) => candidate.name === name);
    if (!task) throw new Error(`seed has no task "${name}"`);
    return task;
  };
  const website = data.projects.find((project) => project.name.startsWith('Northwind Coffee — website'))!;
  const corporate = data.projects.find((project) => project.name.startsWith('Atlas Logistics — corporate'))!;
  const email = (name: string) => data.users.find((user) => user.name === name)!.email;

  // Projects: 6622 (internal KPI project) → the website project; 8562 (brand launch with the
  // rich "Development" task) → the corporate website; 6623/8563 are the examples' invalid ids.
  Object.assign(mapped, { '6622': website.id, '8562': corporate.id, '6623': '999999', '8563': '999998' });
  // Tasks: 331894 "Development" (files, comments, relations, two subtask levels) → "UX prototype";
  // 330142 a closed task; 330090 a task whose comments carry files; invalid ids stay invalid.
  mapped['331894'] = byName('UX prototype').id;
  mapped['330142'] = all.find((task) => task.projectId === website.id && task.status === 'done' && task.level === 0)!.id;
  mapped['330090'] = sim.control.comments(byName('Desktop mockup').id).some((comment) => comment.files.length > 0)
    ? byName('Desktop mockup').id
    : all.find((task) => sim.control.comments(task.id).some((comment) => comment.files.length > 0))!.id;
  Object.assign(mapped, { '331895': '1', '330091': '2', '331431': '3' });
  // 331470: a closed subtask under a closed parent (reopen_task "Parent task is done").
  mapped['331470'] = all.find((task) => task.level > 0 && task.status === 'done'
    && all.find((candidate) => candidate.id === task.parentId)?.status === 'done')!.id;
  // People.
  Object.assign(mapped, {
    'henry.gardner@ws.com': email('Account Desk Demo'),
    'frank.harper@ws.com': email('Maria Kovalenko'),
    'kate.greenway@ws.com': email('Sofia Marchenko'),
  });

  // 332150 "Template creation" is what the minimal post_task example created; the subtask
  // example posts under it, and update_task changes it. Create it the same way.
  const created = await admin(sim, [['action', 'post_task'], ['id_project', website.id], ['title', 'Template creation']]);
  mapped['332150'] = created.data.id;
  // 331430 "Team meetup": an open task without subtasks, completed by the example.
  const meetup = await admin(sim, [['action', 'post_task'], ['id_project', website.id], ['title', 'Team meetup']]);
  mapped['331430'] = meetup.data.id;
  // The second complete_task error ("Task has children") needs a task with an open subtask.
  const parent = await admin(sim, [['action', 'post_task'], ['id_project', website.id], ['title', 'Team meetup prep']]);
  await admin(sim, [['action', 'post_task'], ['id_project', website.id], ['title', 'Book a room'], ['id_parent', parent.data.id]]);
  mapped['331430/children'] = parent.data.id;
  // get_events' example window holds a task update; make one in ours.
  await admin(sim, [
    ['action', 'update_task'], ['id_task', byName('Mobile mockup').id], ['priority', '7'],
    ['email_user_to', email('Sofia Marchenko')], ['dateend', '20.03.2025'],
  ]);
});

afterAll(async () => {
  await sim?.close();
});

/** The example's params with ids and emails mapped; `todo[]` and other repeats kept. */
function adapt(example: Example, occurrence: number): Array<[string, string]> {
  const params: Array<[string, string]> = [];
  for (const [key, value] of example.request_params) {
    if (value === null) continue;
    let mappedValue = value
      .split(',')
      .map((part) => {
        const trimmed = part.trim();
        return mapped[trimmed] !== undefined ? part.replace(trimmed, mapped[trimmed]) : part;
      })
      .join(',');
    if (example.action === 'complete_task' && occurrence === 3 && key === 'id_task') mappedValue = mapped['331430/children']!;
    params.push([key, mappedValue]);
  }
  // Adaptation: the FAQ makes email_user_from required with the admin key for comments and
  // costs (api-reference §3.4, §3.6); the simulator enforces it, so the examples send it.
  if (example.example === 'success' && (example.action === 'post_comment' || example.action === 'add_costs')) {
    params.push(['email_user_from', mapped['henry.gardner@ws.com']!]);
  }
  return params;
}

function expectedShape(example: Example): Shape {
  const shape = shapeOf(example.response);
  const data = shape.keys?.get('data')?.shape;
  if ((example.action === 'get_tasks' || example.action === 'get_all_tasks') && data?.items) {
    data.items = foldRecursive(data.items, 'child');
  }
  return shape;
}

describe('the shape comparison', () => {
  const example = shapeOf({ status: 'ok', data: [{ id: '1', name: 'a', tags: { '10': 'x' } }, { id: '2', name: 'b', extra: 1 }] });

  it('accepts an answer with the same keys and types', () => {
    expect(compareShape({ status: 'ok', data: [{ id: '7', name: 'z', tags: { '3': 'y' } }, { id: '8', name: 'q', extra: 5 }] }, example)).toEqual([]);
  });

  it('reports a missing required key, a wrong type, an extra key and an optional key never shown', () => {
    const problems = compareShape({ status: 'ok', data: [{ id: 7, other: true }] }, example);
    expect(problems).toEqual(expect.arrayContaining([
      'response.data[].id: is number, the example has string',
      'response.data[].name: missing',
      'response.data[].other: not in the example',
      'response.data[].extra: never present in our answer',
    ]));
  });
});

describe('the Postman examples, answered by the simulator', () => {
  it('cover every simulated action that has an example response', () => {
    const covered = new Set(simulated.filter((example) => example.response !== null).map((example) => example.action));
    const withoutExample = Object.keys(ACTIONS).filter((action) => !covered.has(action));
    expect(withoutExample.sort()).toEqual([...NO_EXAMPLE_RESPONSE].sort());
  });

  const seen = new Map<string, number>();
  for (const example of simulated) {
    const occurrence = (seen.get(example.name) ?? 0) + 1;
    seen.set(example.name, occurrence);
    if (example.response === null) continue;
    it(`${example.name} (${example.example} #${occurrence})`, async () => {
      const params = adapt(example, occurrence);
      const answer = example.action === 'me'
        ? (await oauth(sim, DEMO_OAUTH_TOKEN, params)).json()
        : await admin(sim, params);
      if (example.example === 'error') {
        expect(answer).toMatchObject({ status: 'error', status_code: example.response.status_code, message: example.response.message });
      } else {
        expect(answer.status, JSON.stringify(answer)).toBe('ok');
      }
      const exceptions = example.example === 'success' ? (EXCEPTIONS[example.action] ?? {}) : {};
      expect(compareShape(answer, expectedShape(example), exceptions)).toEqual([]);
    });
  }
});
