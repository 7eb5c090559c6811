/**
 * Reply-badge benchmarks that run in Node (imported by scripts/bench.mjs through tsx):
 * - reply states for 10,000 threads / 200,000 comments (DESIGN §6), pure code;
 * - API calls per steady-state poll, the sync engine against the simulator.
 */
import 'fake-indexeddb/auto';
import { performance } from 'node:perf_hooks';
import { syncReplies } from '../../lib/background/replies/sync';
import { openDb } from '../../lib/db';
import { replyStates } from '../../lib/replies/queue';
import type { ThreadComment } from '../../lib/replies/types';
import { defaultSettings } from '../../lib/settings';
import { ThrottleRegistry, WorksectionClient } from '../../lib/worksection';
import { startSimulator } from '../../tests/simulator';
import { simulatorFetch } from '../../tests/support/simulator-fetch';
import { median, type BenchRow } from './rows';

/** Deterministic threads: 20 comments each over 60 days, a third of authors clients. */
function syntheticThreads(threadCount: number, commentsPerThread: number, now: number) {
  let seed = 42;
  const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  const client = { id: '900', name: 'Cara Client', email: 'cara@client.test' };
  const team = { id: '100', name: 'Tom Team', email: 'tom@agency.test' };
  return Array.from({ length: threadCount }, (_, thread) => {
    let at = now - 60 * 86_400_000 + Math.floor(random() * 86_400_000);
    const comments: ThreadComment[] = [];
    for (let n = 0; n < commentsPerThread; n++) {
      at += Math.floor(random() * 4 * 3_600_000);
      const byClient = random() < 0.35;
      comments.push({ id: String(thread * 100 + n), at: Math.min(at, now), author: byClient ? client : team, byClient, countsAsReply: !byClient });
    }
    // Shuffled: the engine must not rely on the API's order.
    return { taskId: String(thread), comments: comments.reverse() };
  });
}

export async function replyStatesBench(): Promise<BenchRow[]> {
  const now = Date.UTC(2026, 10, 27, 12);
  const threads = syntheticThreads(10_000, 20, now);
  const settings = defaultSettings('Europe/Kyiv');
  const times: number[] = [];
  const baselines: number[] = [];
  let waiting = 0;
  for (let run = 0; run < 7; run++) {
    // Baseline: touching every comment once (the floor any computation pays).
    let start = performance.now();
    let sum = 0;
    for (const thread of threads) for (const comment of thread.comments) sum += comment.at & 1;
    baselines.push(performance.now() - start + (sum < 0 ? 1 : 0));
    start = performance.now();
    waiting = replyStates(threads, now, settings.businessHours, settings.replyThresholds).length;
    times.push(performance.now() - start);
  }
  const value = median(times.slice(2)); // the first runs warm the JIT
  return [
    {
      metric: `reply states, 10,000 threads / 200,000 comments (${waiting} waiting; median of 5)`,
      value: `${value.toFixed(1)} ms`,
      baseline: `${median(baselines.slice(2)).toFixed(1)} ms to touch every comment`,
      budget: '≤ 200 ms',
      within: value <= 200,
    },
  ];
}

export async function steadyPollBench(): Promise<BenchRow[]> {
  const sim = await startSimulator({ port: 0 });
  try {
    sim.control.reset({ frozen: true });
    const client = new WorksectionClient({
      accountUrl: sim.origin,
      auth: { kind: 'admin', apiKey: sim.apiKey },
      fetch: simulatorFetch(sim.port),
      minIntervalMs: 0,
      throttles: new ThrottleRegistry(),
    });
    const db = openDb('bench-steady-poll');
    const deps = { client, db, settings: defaultSettings('UTC'), now: () => new Date(sim.control.clock().now).getTime() };
    await syncReplies(deps);
    const polls = 10;
    sim.control.resetStats();
    for (let poll = 0; poll < polls; poll++) {
      sim.control.setClock({ advanceMinutes: 1 });
      await syncReplies(deps);
    }
    const perPoll = sim.control.stats().total / polls;
    const projects = sim.control.data().projects.length;
    await db.delete();
    return [
      {
        metric: `API calls per steady-state poll (${polls} polls, no new events)`,
        value: perPoll.toFixed(2),
        baseline: `${projects} for polling each of the ${projects} projects`,
        budget: '≤ 1',
        within: perPoll <= 1,
      },
    ];
  } finally {
    await sim.close();
  }
}
