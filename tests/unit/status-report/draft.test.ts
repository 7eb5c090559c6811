// The background's drafting against the simulator: three API calls for a
// project however many tasks it has, none for another period or language in
// the same dialog, the reply sync's comments used, internal tasks left out.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeDraft, type DraftDeps } from '../../../lib/background/status-report';
import { openDb, type AccountDeskDb } from '../../../lib/db';
import { compileMessages, type MessagesFile } from '../../../lib/i18n-catalog';
import { LANGUAGES, type Language } from '../../../lib/locale';
import { defaultSettings } from '../../../lib/settings';
import { reportMarkers, reportWords } from '../../../lib/status-report/words';
import { ThrottleRegistry, WorksectionClient } from '../../../lib/worksection';
import { startSimulator, type Simulator } from '../../simulator/index';
import { simulatorFetch } from '../../support/simulator-fetch';

const catalog = (language: Language) =>
  compileMessages(JSON.parse(readFileSync(join(process.cwd(), `public/_locales/${language}/messages.json`), 'utf8')) as MessagesFile);

describe('drafting a status report', () => {
  let sim: Simulator;
  let db: AccountDeskDb;
  let deps: (language: Language) => DraftDeps;
  let projectId: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    sim = await startSimulator({ port: 0, now: new Date('2025-03-12T10:30:00Z') });
    sim.control.setClock({ frozen: true });
    db = openDb('status-report-draft-test');
    const data = sim.control.data();
    const project = data.projects.find((candidate) => candidate.clientGroup !== null)!;
    projectId = project.id;
    ids.internal = sim.control.addTask({ projectId, name: 'Margin review', tags: ['team only'], dateEnd: '2025-03-01' }).id;
    ids.synced = sim.control.addTask({ projectId, name: 'Thread the sync knows', dateEnd: '2025-05-01' }).id;
    const client = new WorksectionClient({
      accountUrl: sim.origin,
      auth: { kind: 'admin', apiKey: sim.apiKey },
      fetch: simulatorFetch(sim.port),
      minIntervalMs: 0,
      throttles: new ThrottleRegistry(),
    });
    const directory = { users: await client.getUsers(), groups: await client.getUserGroups(), projects: await client.getProjects({ extra: ['users'] }) };
    const clientUser = data.users.find((user) => project.members.includes(user.email) && data.groups.find((group) => group.title === user.group)?.client === 1)!;
    const teamUser = data.users.find((user) => project.members.includes(user.email) && data.groups.find((group) => group.title === user.group)?.client === 0)!;
    // Comments only the reply sync holds (older than the five get_tasks shows): the client asked, the team answered.
    await db.comments.bulkPut([
      { id: '9000001', taskId: ids.synced, at: Date.parse('2025-03-10T09:00:00Z'), author: { id: clientUser.id, name: clientUser.name, email: clientUser.email }, text: 'Any news?' },
      { id: '9000003', taskId: ids.synced, at: Date.parse('2025-03-10T11:00:00Z'), author: { id: teamUser.id, name: teamUser.name, email: teamUser.email }, text: 'Here it is: which one?' },
    ]);
    const markers = reportMarkers(LANGUAGES.map(catalog));
    deps = (language) => ({
      client,
      db,
      settings: defaultSettings('UTC'),
      origin: sim.origin,
      directory,
      words: reportWords({ ...catalog('en'), ...catalog(language) }, language),
      markers,
      now: Date.parse('2025-03-12T10:30:00Z'),
    });
  });

  afterAll(async () => {
    await db?.delete();
    await sim?.close();
  });

  it('reads the project with three calls, and another period or language in the same dialog with none', async () => {
    sim.control.resetStats();
    const first = await composeDraft(deps('en'), { origin: sim.origin, projectId, period: 'last-report' });
    expect(sim.control.stats().total).toBe(3);
    expect(first.apiCalls).toBe(3);
    expect(first.period.noEarlierReport).toBe(true);
    expect(first.title).toMatch(/^Status report: .+, 26\/02\/2025 – 12\/03\/2025$/);

    sim.control.resetStats();
    const again = await composeDraft(deps('kk'), { origin: sim.origin, projectId, period: '4w', reuse: true });
    expect(sim.control.stats().total).toBe(0);
    expect(again.apiCalls).toBe(0);
    expect(again.title).toMatch(/^Жоба бойынша есеп: .+, 12\.02\.2025 – 12\.03\.2025$/);

    // Without `reuse` (a new dialog), the project is read afresh.
    sim.control.resetStats();
    await composeDraft(deps('en'), { origin: sim.origin, projectId, period: '1w' });
    expect(sim.control.stats().total).toBe(2); // the private tag list is still fresh
  });

  it('uses the comments the reply sync holds, and leaves internal tasks out of the text and the targets', async () => {
    const draft = await composeDraft(deps('en'), { origin: sim.origin, projectId, period: '2w', reuse: true });
    const waiting = draft.body.split('\n\n').find((block) => block.startsWith('Waiting on you'))!;
    expect(waiting).toContain('• Thread the sync knows — waiting for your reply since 10/03/2025');
    expect(draft.body).not.toContain('Margin review');
    expect(draft.targets.map((target) => target.id)).not.toContain(ids.internal);
    expect(draft.targets.map((target) => target.id)).toContain(ids.synced);
  });
});
