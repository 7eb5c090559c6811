// Contract: the official Postman collection's examples (../shared/worksection/
// postman-examples.json) against the client. Every example reply for an action
// the client supports must parse (or, for error examples, become the matching
// typed error), and the request the client builds must use the example's
// parameter names and values.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { WorksectionClient } from '../../../lib/worksection/client';
import { WorksectionError } from '../../../lib/worksection/errors';
import { FakeTime, json, testClient, type FetchCall } from './fakes';

interface Example {
  folder: string;
  name: string;
  action: string;
  example: 'success' | 'error';
  request_params: [string, string | null][];
  response: unknown;
}

// The project is /work/main and shared is its sibling: ../shared from the project root.
// A copy of shared/worksection/postman-examples.json (the official collection's
// examples), kept in the repository so a clone alone can run every test.
const EXAMPLES_PATH = fileURLToPath(new URL('../../fixtures/postman-examples.json', import.meta.url));
const examples = JSON.parse(readFileSync(EXAMPLES_PATH, 'utf8')) as Example[];

/** The example's parameters (without action), repeated keys gathered into lists. */
function paramsOf(example: Example): Record<string, string | string[]> {
  const params: Record<string, string | string[]> = {};
  for (const [key, value] of example.request_params) {
    if (key === 'action' || value === null) continue;
    const existing = params[key];
    if (existing === undefined) params[key] = key.endsWith('[]') ? [value] : value;
    else params[key] = [...(Array.isArray(existing) ? existing : [existing]), value];
  }
  return params;
}

const one = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);
const list = (value: string | string[] | undefined): string[] | undefined =>
  value === undefined ? undefined : (Array.isArray(value) ? value : value.split(',')).map((item) => item.trim()).filter(Boolean);
const num = (value: string | string[] | undefined): number | undefined => (one(value) === undefined ? undefined : Number(one(value)));

interface Contract {
  /** Calls the typed method with the example's parameters. */
  invoke: (client: WorksectionClient, p: Record<string, string | string[]>) => Promise<unknown>;
  /** Example parameters the typed method deliberately doesn't offer. */
  notOffered?: string[];
  /** Parameters whose value the client writes differently (same meaning). */
  valueDiffers?: string[];
  oauth?: boolean;
}

const CONTRACTS: Record<string, Contract> = {
  me: { invoke: (c) => c.me(), oauth: true },
  get_users: { invoke: (c) => c.getUsers() },
  get_user_groups: { invoke: (c) => c.getUserGroups() },
  get_projects: { invoke: (c, p) => c.getProjects({ extra: list(p.extra) as never }) },
  get_project: { invoke: (c, p) => c.getProject(one(p.id_project)!, { extra: list(p.extra) as never }) },
  get_events: { invoke: (c, p) => c.getEvents(one(p.period)!) },
  get_all_tasks: { invoke: (c, p) => c.getAllTasks({ extra: list(p.extra) as never }) },
  get_tasks: { invoke: (c, p) => c.getTasks(one(p.id_project)!, { extra: list(p.extra) as never }) },
  get_task: { invoke: (c, p) => c.getTask(one(p.id_task)!, { extra: list(p.extra) as never }) },
  post_task: {
    invoke: (c, p) =>
      c.postTask({
        projectId: one(p.id_project)!,
        title: one(p.title)!,
        parentId: one(p.id_parent),
        emailUserTo: one(p.email_user_to),
        priority: num(p.priority),
        text: one(p.text),
        todo: p['todo[]'] as string[] | undefined,
        dateStart: one(p.datestart),
        dateEnd: one(p.dateend),
        subscribe: list(p.subscribe),
        hidden: list(p.hidden),
        maxTime: num(p.max_time),
        maxMoney: num(p.max_money),
        tags: list(p.tags),
      }),
    // `extra=text` only adds the description to the reply.
    notOffered: ['extra'],
  },
  update_task: { invoke: (c, p) => c.updateTask({ taskId: one(p.id_task)!, priority: num(p.priority) }) },
  complete_task: { invoke: (c, p) => c.completeTask(one(p.id_task)!) },
  get_comments: { invoke: (c, p) => c.getComments(one(p.id_task)!, { extra: list(p.extra) as never }) },
  post_comment: {
    invoke: (c, p) =>
      c.postComment({
        taskId: one(p.id_task)!,
        text: one(p.text),
        todo: p['todo[]'] as string[] | undefined,
        hidden: list(p.hidden),
        mention: list(p.mention),
      }),
  },
  get_costs: { invoke: (c, p) => c.getCosts({ projectId: one(p.id_project) }) },
  get_costs_total: { invoke: (c) => c.getCostsTotal() },
  add_costs: {
    // The example logs "1,5" hours; the client takes minutes and writes H:MM.
    invoke: (c) => c.addCosts({ taskId: '330090', time: 90 }),
    valueDiffers: ['time'],
  },
};

const supported = examples.filter((example) => example.action in CONTRACTS);
const normalise = (value: string): string => value.replace(/,\s+/g, ',');

function sentParams(call: FetchCall): [string, string][] {
  return call.params.filter(([key]) => key !== 'hash' && key !== 'action');
}

describe('postman-examples.json', () => {
  it('is there and covers every action the client supports', () => {
    expect(examples.length).toBeGreaterThan(50);
    expect(new Set(supported.map((example) => example.action))).toEqual(new Set(Object.keys(CONTRACTS)));
  });

  it('has a reply body for every supported example except the two the collection left empty', () => {
    const withoutBody = supported.filter((example) => example.response === null).map((example) => `${example.action}/${example.example}`);
    expect(withoutBody.sort()).toEqual(['get_costs/success', 'get_projects/success']);
  });
});

describe.each(supported.map((example, index) => [`${example.action} ${example.example} #${index}`, example] as const))(
  'contract %s',
  (_label, example) => {
    const contract = CONTRACTS[example.action]!;
    const params = paramsOf(example);
    // The collection left two bodies empty; an empty list still checks the request.
    const reply = example.response ?? { status: 'ok', data: [] };
    const options = contract.oauth ? { auth: { kind: 'oauth' as const, accessToken: 'header.payload.signature' } } : {};

    it('sends the example’s parameter names and values', async () => {
      const time = new FakeTime();
      const { client, calls } = testClient(time, [json(reply)], { ...options, maxRetries: 0 });
      await time.settle(contract.invoke(client, params)).catch((error: unknown) => {
        // Only the example's own error (or a local refusal of its bad input) may stop it.
        if (!(error instanceof WorksectionError) && !(error instanceof RangeError)) throw error;
      });
      if (calls.length === 0) {
        // The client refused the input locally; that only happens for error examples.
        expect(example.example).toBe('error');
        return;
      }
      const call = calls[0]!;
      expect(call.params[0]).toEqual(['action', example.action]);
      const expected = example.request_params
        .filter(([key, value]) => key !== 'action' && value !== null && !(contract.notOffered ?? []).includes(key))
        .map(([key, value]) => [key, contract.valueDiffers?.includes(key) ? '*' : normalise(value!)]);
      const actual = sentParams(call).map(([key, value]) => [key, contract.valueDiffers?.includes(key) ? '*' : normalise(value)]);
      expect(actual.sort()).toEqual(expected.sort());
    });

    if (example.example === 'success') {
      it('parses the example reply', async () => {
        const time = new FakeTime();
        const { client } = testClient(time, [json(reply)], options);
        await expect(time.settle(contract.invoke(client, params))).resolves.not.toBeInstanceOf(Error);
      });
    } else {
      it('turns the example error into a typed error with its status_code', async () => {
        const envelope = reply as { status: string; status_code: number; message: string; message_details?: string };
        expect(envelope.status).toBe('error');
        const time = new FakeTime();
        // Through call(), so inputs the typed method refuses locally still reach the reply handling.
        const { client, calls } = testClient(time, [json(reply)], options);
        const rawParams = Object.fromEntries(Object.entries(params).map(([key, value]) => [key, value]));
        const error = await time.rejection(client.call(example.action, rawParams));
        expect(error).toBeInstanceOf(WorksectionError);
        expect(error).toMatchObject({
          kind: 'api',
          action: example.action,
          code: envelope.status_code,
          details: envelope.message_details,
          retryable: false,
        });
        expect((error as Error).message).toContain(envelope.message);
        expect(calls).toHaveLength(1);

        // And through the typed method: the same error, or a local refusal before any request.
        const typed = testClient(time, [json(reply)], options);
        const typedError = await time.rejection(contract.invoke(typed.client, params));
        if (typedError instanceof RangeError) expect(typed.calls).toHaveLength(0);
        else expect(typedError).toMatchObject({ kind: 'api', code: envelope.status_code });
      });
    }
  },
);
