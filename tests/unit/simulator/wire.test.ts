// The simulator's strict wire modes against the extension's real client: a
// server that accepts only the HMAC header, only md5 over PHP's rebuilt query,
// or either. The client finds the accepted scheme with a plain read, creates
// texts with Cyrillic, spaces, "&" and "+" exactly, and corrects a skewed clock.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { phpRebuiltQuery } from '../../simulator/api/wire.ts';
import { startSimulator, type Simulator } from '../../simulator/index.ts';
import { WorksectionClient } from '../../../lib/worksection/client';
import { ThrottleRegistry } from '../../../lib/worksection/throttle';
import { simulatorFetch } from '../../support/simulator-fetch';
import { call, query, sign } from './helpers.ts';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ port: 0 });
});
afterAll(async () => {
  await sim?.close();
});
beforeEach(() => sim.control.setAuthMode('both', { clockToleranceSeconds: null }));

function client(options: { scheme?: 'header' | 'query'; onSchemeChange?: (scheme: 'header' | 'query') => void } = {}) {
  return new WorksectionClient({
    accountUrl: sim.origin,
    auth: { kind: 'admin', apiKey: sim.apiKey },
    fetch: simulatorFetch(sim.port),
    minIntervalMs: 0,
    throttles: new ThrottleRegistry(),
    clockOffsets: new Map(),
    ...options,
  });
}

const TITLE = 'Дизайн & верстка + SEO, этап 1';
const TODO = ['Бриф 100% готов', 'a+b = c & d', 'Қазақша мәтін'];

async function createAndRead(api: WorksectionClient) {
  const project = sim.control.data().projects[0]!;
  const created = await api.postTask({ projectId: project.id, title: TITLE, todo: TODO, text: 'Описание: 1 + 1 = 2 & всё' });
  const seen = sim.control.tasks(project.id).find((task) => task.id === created.id)!;
  return seen;
}

describe('PHP rebuild of a query (what a rebuilding server hashes)', () => {
  it('turns %20 into +, todo[] into todo%5B0%5D, and keeps the PHP form unchanged', () => {
    expect(phpRebuiltQuery('action=post_task&title=a%20b&todo[]=x&todo[]=y%20z')).toBe('action=post_task&title=a+b&todo%5B0%5D=x&todo%5B1%5D=y+z');
    const php = 'action=post_task&title=%D0%94+%26+%2B&todo%5B0%5D=a%3Db&todo%5B1%5D=%7E';
    expect(phpRebuiltQuery(php)).toBe(php);
  });
});

describe("strict mode 'md5' (a server that rebuilds the query before hashing)", () => {
  beforeEach(() => sim.control.setAuthMode('md5'));

  it('refuses the old URLSearchParams form (%20, todo[]) for a title with a space, as a real server would', async () => {
    const params: Array<[string, string]> = [['action', 'post_task'], ['id_project', sim.control.data().projects[0]!.id], ['title', 'Two words'], ['todo[]', 'a b']];
    const raw = query(params); // spaces as %20, brackets encoded, arrays unindexed
    const reply = await call(sim, `/api/admin/v2/?${sign(raw, sim.apiKey)}`);
    expect(reply.json()).toMatchObject({ status: 'error', status_code: 2 });
  });

  it('the client falls back to the query scheme on a plain read, remembers it, and creates texts exactly', async () => {
    const changes: string[] = [];
    const api = client({ onSchemeChange: (scheme) => changes.push(scheme) });
    await api.getUsers();
    expect(api.scheme).toBe('query');
    expect(changes).toEqual(['query']);
    const task = await createAndRead(api);
    expect(task.name).toBe(TITLE);
    expect(task.todo).toEqual(TODO);
    expect(task.body).toBe('Описание: 1 + 1 = 2 & всё');
    expect(sim.control.schemesSeen().at(-1)).toBe('md5-rebuilt');
  });
});

describe("strict mode 'header'", () => {
  beforeEach(() => sim.control.setAuthMode('header'));

  it('refuses any md5 query, and the client started in the query scheme moves to the header', async () => {
    const api = client({ scheme: 'query' });
    await api.getUsers();
    expect(api.scheme).toBe('header');
    const task = await createAndRead(api);
    expect(task.name).toBe(TITLE);
    expect(task.todo).toEqual(TODO);
    expect(sim.control.schemesSeen().at(-1)).toBe('header');
  });

  it('a client whose clock is an hour behind signs again on the server time from the Date header', async () => {
    sim.control.setAuthMode('header', { clockToleranceSeconds: 300 });
    const offsets = new Map<string, number>();
    const api = new WorksectionClient({
      accountUrl: sim.origin,
      auth: { kind: 'admin', apiKey: sim.apiKey },
      fetch: simulatorFetch(sim.port),
      minIntervalMs: 0,
      throttles: new ThrottleRegistry(),
      clockOffsets: offsets,
      now: () => Date.now() - 3_600_000,
    });
    sim.control.resetStats();
    await api.getUsers();
    expect(api.scheme).toBe('header');
    expect(sim.control.stats().byAction.get_users).toBe(2);
    expect(Math.abs((offsets.get(sim.origin) ?? 0) - 3_600_000)).toBeLessThan(5000);
    // The offset is remembered: the next call passes at once.
    await api.getUsers();
    expect(sim.control.stats().byAction.get_users).toBe(3);
  });
});

describe("mode 'both'", () => {
  it('accepts the header scheme first, as the newest official clients send', async () => {
    const api = client();
    const task = await createAndRead(api);
    expect(api.scheme).toBe('header');
    expect(task.todo).toEqual(TODO);
    expect(sim.control.schemesSeen().at(-1)).toBe('header');
  });

  it('still accepts the query scheme', async () => {
    const api = client({ scheme: 'query' });
    const task = await createAndRead(api);
    expect(api.scheme).toBe('query');
    expect(task.name).toBe(TITLE);
  });
});
