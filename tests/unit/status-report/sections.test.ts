// The status report's sections from plain data: period boundaries, internal
// tasks (a private group's tag, inherited by subtasks) left out everywhere,
// which open task goes where (waiting, overdue, planned, in progress), hours
// against estimates.
import { describe, expect, it } from 'vitest';
import { addDays, buildSections, type KnownComment, type SectionInput } from '../../../lib/status-report/sections';
import type { WsCost, WsTask, WsUserRef } from '../../../lib/worksection/types';

const ORIGIN = 'https://demo.worksection.com';
const TODAY = '2025-03-12';
const NOW = Date.parse('2025-03-12T10:00:00Z');
const FROM = Date.parse('2025-03-05T09:30:00Z');

const anna: WsUserRef = { id: '11', email: 'anna@agency.com', name: 'Anna Team' };
const boris: WsUserRef = { id: '12', email: 'boris@agency.com', name: 'Boris Team' };
const laura: WsUserRef = { id: '31', email: 'laura@client.com', name: 'Laura Client' };
const nobody: WsUserRef = { id: '1', email: 'NOONE', name: "Executive isn't assigned" };

let nextId = 1000;
function task(name: string, fields: Partial<WsTask> = {}): WsTask {
  const id = String(nextId++);
  return {
    id,
    name,
    page: `/project/7/${id}/`,
    status: 'active',
    priority: '1',
    user_from: anna,
    user_to: anna,
    project: { id: '7', name: 'Brand', page: '/project/7/' },
    date_added: '2025-02-01 10:00',
    ...fields,
  };
}

const cost = (of: WsTask, date: string, time: string): WsCost => ({
  id: String(nextId++),
  comment: '',
  time,
  money: '0',
  date,
  is_timer: false,
  user_from: anna,
  task: { id: of.id, name: of.name, page: of.page, status: of.status, priority: '1', project: of.project },
});

function input(tasks: WsTask[], extra: Partial<SectionInput> = {}): SectionInput {
  return {
    origin: ORIGIN,
    tasks,
    privateTagIds: new Set(['72629']),
    costs: [],
    comments: new Map(),
    isClient: (person) => person.email === laura.email || person.id === laura.id,
    period: { from: FROM, to: NOW, firstDay: '2025-03-05', lastDay: TODAY },
    today: TODAY,
    timeZone: 'UTC',
    accountShare: null,
    isReport: (text) => text.startsWith('Status report:'),
    ...extra,
  };
}

const names = (list: Array<{ name: string }>) => list.map((item) => item.name);

describe('status report sections', () => {
  it('counts as done only what closed inside the period: from its start (inclusive) to now (exclusive)', () => {
    const atStart = task('closed at the start', { status: 'done', date_closed: '2025-03-05 09:30' });
    const before = task('closed a minute before', { status: 'done', date_closed: '2025-03-05 09:29' });
    const inside = task('closed inside', { status: 'done', date_closed: '2025-03-10 16:00' });
    const atNow = task('closed at now', { status: 'done', date_closed: '2025-03-12 10:00' });
    const sections = buildSections(input([inside, before, atStart, atNow]));
    expect(names(sections.done)).toEqual(['closed at the start', 'closed inside']);
    expect(sections.done[0]!.url).toBe(`${ORIGIN}${atStart.page}`);
  });

  it('reads closing times in the account time zone', () => {
    // 14:00 in Almaty (UTC+5) on 5 March is 09:00 UTC: before the period's 09:30 UTC start.
    const closed = task('closed early in Almaty', { status: 'done', date_closed: '2025-03-05 14:00' });
    expect(buildSections(input([closed], { timeZone: 'Asia/Almaty' })).done).toEqual([]);
    expect(names(buildSections(input([closed])).done)).toEqual(['closed early in Almaty']);
  });

  it('puts each open task in one section: overdue before planned, planned within two weeks, the rest in progress', () => {
    const tasks = [
      task('due yesterday', { date_end: '2025-03-11' }),
      task('due today', { date_end: TODAY }),
      task('due in 14 days', { date_end: addDays(TODAY, 14) }),
      task('due in 15 days', { date_end: addDays(TODAY, 15) }),
      task('no dates'),
      task('starts in 3 days, due in a month', { date_start: addDays(TODAY, 3), date_end: addDays(TODAY, 30) }),
      task('starts in 20 days', { date_start: addDays(TODAY, 20), date_end: addDays(TODAY, 40) }),
      task('started, unassigned', { date_start: '2025-03-01', user_to: nobody }),
    ];
    const sections = buildSections(input(tasks));
    expect(names(sections.overdue)).toEqual(['due yesterday']);
    expect(names(sections.planned)).toEqual(['due today', 'due in 14 days', 'starts in 3 days, due in a month']);
    expect(names(sections.inProgress)).toEqual(['due in 15 days', 'no dates', 'started, unassigned']);
    expect(sections.inProgress.find((item) => item.name === 'started, unassigned')!.assignee).toBeUndefined();
    expect(sections.overdue[0]!.assignee).toBe('Anna Team');
  });

  it('leaves out internal tasks, their subtasks and their hours everywhere', () => {
    const child = task('internal child, overdue', { date_end: '2025-03-01' }) as WsTask;
    const internal = task('internal parent', { tags: { '72629': 'team only' }, child: [child] });
    const internalDone = task('internal done', { status: 'done', date_closed: '2025-03-10 10:00', tags: { '72601': 'design', '72629': 'team only' } });
    const visible = task('visible, labelled design', { tags: { '72601': 'design' }, date_end: '2025-03-01' });
    const sections = buildSections(
      input([internal, internalDone, visible], { costs: [cost(internal, '2025-03-06', '2:00'), cost(child, '2025-03-06', '1:00'), cost(visible, '2025-03-06', '0:30')] }),
    );
    const everywhere = [...sections.done, ...sections.inProgress, ...sections.planned, ...sections.overdue, ...sections.waiting, ...sections.hours.rows.map((row) => row.task)];
    expect(names(everywhere)).toEqual(['visible, labelled design', 'visible, labelled design']);
    expect(sections.hours.loggedMinutes).toBe(30);
  });

  it('waits on the client for tasks assigned to a client user, and threads where the team wrote last after the client', () => {
    const assigned = task('approve the logo', { user_to: laura, date_end: '2025-03-01' });
    const answered = task('questions answered');
    const unanswered = task('client asked last');
    const teamOnly = task('team talk only');
    const reportLast = task('report posted last');
    const comment = (id: string, at: string, author: WsUserRef, text = 'text'): KnownComment => ({ id, at: Date.parse(at), author: { id: author.id, email: author.email }, text });
    const comments = new Map<string, KnownComment[]>([
      // Same minute: the later id is the later comment.
      [answered.id, [comment('502', '2025-03-10T10:00:00Z', anna), comment('501', '2025-03-10T10:00:00Z', laura)]],
      [unanswered.id, [comment('601', '2025-03-10T10:00:00Z', anna), comment('602', '2025-03-11T10:00:00Z', laura)]],
      [teamOnly.id, [comment('701', '2025-03-10T10:00:00Z', anna), comment('702', '2025-03-11T10:00:00Z', boris)]],
      [reportLast.id, [comment('801', '2025-03-10T10:00:00Z', laura), comment('802', '2025-03-11T10:00:00Z', anna, 'Status report: Brand, …')]],
    ]);
    const sections = buildSections(input([assigned, answered, unanswered, teamOnly, reportLast], { comments }));
    expect(sections.waiting.map((item) => [item.name, item.reason])).toEqual([
      ['approve the logo', 'client-assigned'],
      ['questions answered', 'awaiting-reply'],
    ]);
    expect(sections.waiting[1]!.since).toBe(Date.parse('2025-03-10T10:00:00Z'));
    // Waiting is its own section: the overdue client task is not also overdue.
    expect(sections.overdue).toEqual([]);
    expect(names(sections.inProgress)).toEqual(['client asked last', 'report posted last', 'team talk only']);
  });

  it('sums the period’s hours by day and sets each task’s total against its estimate', () => {
    const estimated = task('estimated', { max_time: 10 });
    const plain = task('no estimate');
    const sections = buildSections(
      input([estimated, plain], {
        costs: [
          cost(estimated, '2025-03-04', '3:00'), // before the period: in the total only
          cost(estimated, '2025-03-05', '1:30'), // the first day counts, whatever the hour the period starts
          cost(estimated, TODAY, '0:45'),
          cost(plain, '2025-03-06', '0:20'),
          cost(plain, '2025-03-13', '5:00'), // after today: not in the period
        ],
      }),
    );
    expect(sections.hours.loggedMinutes).toBe(90 + 45 + 20);
    expect(sections.hours.rows).toEqual([
      { task: expect.objectContaining({ name: 'estimated' }), periodMinutes: 135, totalMinutes: 315, estimateMinutes: 600 },
      { task: expect.objectContaining({ name: 'no estimate' }), periodMinutes: 20, totalMinutes: 320 },
    ]);
  });
});
