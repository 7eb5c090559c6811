/**
 * The status report's draft on a 300-task project (issue 13), run in Node
 * against the simulator (imported by scripts/bench.mjs through tsx): the
 * background's own drafting code, API calls and time, beside a naive
 * per-task baseline in the same run (get_tasks, then each task's tags,
 * comments and costs one call at a time).
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { composeDraft } from '../../lib/background/status-report';
import { openDb } from '../../lib/db';
import { compileMessages, type MessagesFile } from '../../lib/i18n-catalog';
import { LANGUAGES } from '../../lib/locale';
import { defaultSettings } from '../../lib/settings';
import { reportMarkers, reportWords } from '../../lib/status-report/words';
import { ThrottleRegistry, WorksectionClient } from '../../lib/worksection';
import { startSimulator } from '../../tests/simulator';
import { simulatorFetch } from '../../tests/support/simulator-fetch';
import { median, type BenchRow } from './rows';

const TASKS = 300;
const RUNS = 5;

const catalog = (language: string) =>
  compileMessages(JSON.parse(readFileSync(join(process.cwd(), `public/_locales/${language}/messages.json`), 'utf8')) as MessagesFile);

export async function statusReportDraftBench(): Promise<BenchRow[]> {
  const sim = await startSimulator({ port: 0 });
  const db = openDb('bench-status-report');
  try {
    sim.control.reset({ frozen: true });
    const data = sim.control.data();
    const project = data.projects.find((candidate) => candidate.clientGroup !== null)!;
    const team = data.users.filter((user) => project.members.includes(user.email) && data.groups.find((group) => group.title === user.group)?.client === 0);
    const today = sim.control.clock().accountTime.slice(0, 10);
    const day = (offset: number) => new Date(Date.parse(`${today}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
    // Top up the project to 300 tasks: closed, overdue, planned, later, some internal.
    const existing = sim.control.tasks(project.id).length;
    for (let n = existing; n < TASKS; n++) {
      sim.control.addTask({
        projectId: project.id,
        name: `Deliverable ${n}`,
        assigneeEmail: team[n % team.length]!.email,
        dateEnd: day((n % 60) - 20),
        maxTime: n % 3 === 0 ? 8 : undefined,
        ...(n % 4 === 0 ? { closedMinutesAgo: (n % 30) * 60 * 24 } : {}),
        ...(n % 17 === 0 ? { tags: ['team only'] } : {}),
      });
    }
    const taskCount = sim.control.tasks(project.id).length;
    const client = new WorksectionClient({
      accountUrl: sim.origin,
      auth: { kind: 'admin', apiKey: sim.apiKey },
      fetch: simulatorFetch(sim.port),
      minIntervalMs: 0,
      throttles: new ThrottleRegistry(),
    });
    const settings = defaultSettings(data.account.timeZone);
    const directory = { users: await client.getUsers(), groups: await client.getUserGroups(), projects: await client.getProjects({ extra: ['users'] }) };
    const markers = reportMarkers(LANGUAGES.map(catalog));
    const words = reportWords({ ...catalog('en') }, 'en');
    const now = new Date(sim.control.clock().now).getTime();

    const ours: Array<{ ms: number; calls: number }> = [];
    const naive: Array<{ ms: number; calls: number }> = [];
    for (let run = 0; run < RUNS; run++) {
      await db.cache.clear(); // every run reads the project afresh, as a dialog's first draft does
      sim.control.resetStats();
      let start = performance.now();
      const draft = await composeDraft({ client, db, settings, origin: sim.origin, directory, words, markers, now }, { origin: sim.origin, projectId: project.id, period: '2w' });
      ours.push({ ms: performance.now() - start, calls: sim.control.stats().total });
      if (!draft.body.includes('Overdue')) throw new Error('the draft has no Overdue section');

      // The naive way: the task list, then each task's tags, comments and costs.
      sim.control.resetStats();
      start = performance.now();
      const tasks = await client.getTasks(project.id, { extra: ['subtasks'] });
      const flat = tasks.flatMap(function flat(task: { id: string; child?: Array<{ id: string; child?: unknown[] }> }): Array<{ id: string }> {
        return [task, ...((task.child ?? []) as Array<{ id: string }>).flatMap(flat)];
      });
      for (const task of flat) {
        await client.getTask(task.id, { extra: ['tags'] });
        await client.getComments(task.id);
        await client.getCosts({ taskId: task.id });
      }
      naive.push({ ms: performance.now() - start, calls: sim.control.stats().total });
    }
    const oursMs = median(ours.slice(1).map((run) => run.ms));
    const naiveMs = median(naive.slice(1).map((run) => run.ms));
    const oursCalls = ours.at(-1)!.calls;
    return [
      {
        metric: `status report draft, 300-task project (${taskCount} tasks; API calls and median time of ${RUNS - 1}, simulator without throttle)`,
        value: `${oursCalls} calls, ${oursMs.toFixed(0)} ms`,
        baseline: `${naive.at(-1)!.calls} calls, ${naiveMs.toFixed(0)} ms naive per task (≈ ${Math.ceil(naive.at(-1)!.calls / 60)} min at 1 call/s)`,
        budget: '≤ 4 calls',
        within: oursCalls <= 4,
      },
    ];
  } finally {
    await db.delete();
    await sim.close();
  }
}
