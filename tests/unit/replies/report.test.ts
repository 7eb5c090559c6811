import { describe, expect, it } from 'vitest';
import {
  byClient,
  byProject,
  episodeMinutes,
  median,
  percentileNearestRank,
  replyTimeStats,
  toCsv,
  type EpisodeRecord,
  type ReplyTimeOptions,
} from '../../../lib/replies/report';
import type { BusinessHours, Person } from '../../../lib/replies/types';
import { client, manager, minute, otherClient } from './helpers';

const HOURS: BusinessHours = { timeZone: 'UTC', workDays: [1, 2, 3, 4, 5], start: '09:00', end: '18:00', holidays: [] };

let next = 1;
/** An episode that started `start` minutes in and was answered `wait` minutes later. */
function episode(start: number, wait: number, extra: Partial<EpisodeRecord> = {}): EpisodeRecord {
  const id = String(next++);
  return {
    clientCommentId: `c${id}`,
    client,
    startedAt: minute(start),
    repliedAt: minute(start + wait),
    replyCommentId: `r${id}`,
    replier: manager,
    first: true,
    projectId: '6622',
    projectName: 'Website',
    ...extra,
  };
}

const options: ReplyTimeOptions = { from: minute(0), to: minute(10_000), measure: 'calendar', hours: HOURS };

describe('median and percentileNearestRank', () => {
  it('median: the middle value, or the mean of the middle two', () => {
    expect(median([])).toBeNull();
    expect(median([7])).toBe(7);
    expect(median([5, 1, 3])).toBe(3);
    expect(median([10, 40, 20, 30])).toBe(25);
  });

  it('nearest rank: the value at rank ⌈p·n⌉ of the sorted values', () => {
    const oneToTen = [10, 9, 8, 7, 6, 5, 4, 3, 2, 1];
    expect(percentileNearestRank(oneToTen, 90)).toBe(9);
    expect(percentileNearestRank(oneToTen, 91)).toBe(10);
    expect(percentileNearestRank(oneToTen, 50)).toBe(5);
    expect(percentileNearestRank(oneToTen, 100)).toBe(10);
    expect(percentileNearestRank([15, 20, 35, 40, 50], 90)).toBe(50);
    expect(percentileNearestRank([3], 90)).toBe(3);
    expect(percentileNearestRank(Array.from({ length: 20 }, (_, i) => i + 1), 90)).toBe(18);
    expect(percentileNearestRank([], 90)).toBeNull();
    expect(() => percentileNearestRank([1], 0)).toThrow(RangeError);
  });
});

describe('replyTimeStats', () => {
  it('computes count, median, p90, share within target and first/next medians', () => {
    const episodes = [
      episode(0, 5),
      episode(100, 10, { first: false }),
      episode(200, 15),
      episode(300, 16, { first: false }),
      episode(400, 30),
      episode(500, 60, { first: false }),
    ];
    expect(replyTimeStats(episodes, options)).toEqual({
      episodes: 6,
      median: 15.5,
      p90: 60,
      withinTarget: 3 / 6, // 5, 10, 15 are within the default target of 15
      target: 15,
      firstReplyMedian: 15,
      nextReplyMedian: 16,
    });
  });

  it('uses the given target, else the late threshold', () => {
    const episodes = [episode(0, 5), episode(100, 20), episode(200, 40)];
    expect(replyTimeStats(episodes, { ...options, target: 20 }).withinTarget).toBeCloseTo(2 / 3);
    expect(replyTimeStats(episodes, { ...options, thresholds: { soon: 2, late: 4, escalated: 8 } })).toMatchObject({ target: 4, withinTarget: 0 });
    expect(() => replyTimeStats(episodes, { ...options, target: -1 })).toThrow(RangeError);
  });

  it('keeps only episodes whose client comment falls in [from, to)', () => {
    const episodes = [episode(-5, 10), episode(0, 7), episode(99, 3), episode(100, 1)];
    const stats = replyTimeStats(episodes, { ...options, from: minute(0), to: minute(100) });
    expect(stats.episodes).toBe(2);
    expect(stats.median).toBe(5);
  });

  it('has no numbers for an empty period', () => {
    expect(replyTimeStats([], options)).toEqual({
      episodes: 0,
      median: null,
      p90: null,
      withinTarget: null,
      target: 15,
      firstReplyMedian: null,
      nextReplyMedian: null,
    });
  });

  it('measures in business minutes when asked', () => {
    // minute(0) is Tuesday 10:00 UTC; minute(470) is 17:50; answered Wednesday 09:20.
    const evening = episode(470, 15 * 60 + 30);
    expect(episodeMinutes(evening, 'calendar', HOURS)).toBe(930);
    expect(episodeMinutes(evening, 'business', HOURS)).toBe(30);
    expect(replyTimeStats([evening], { ...options, measure: 'business' })).toMatchObject({ median: 30, withinTarget: 0 });
    expect(replyTimeStats([evening], { ...options, measure: 'business', target: 30 })).toMatchObject({ withinTarget: 1 });
  });
});

describe('byProject and byClient', () => {
  const mobile = { projectId: '7000', projectName: 'Mobile app' };
  const episodes = [
    episode(0, 10),
    episode(50, 20, { client: otherClient }),
    episode(100, 40, { ...mobile, first: true }),
    episode(200, 4, { ...mobile, client: otherClient, first: false }),
    episode(20_000, 999, mobile), // outside the period
  ];

  it('groups by project, ordered by name', () => {
    expect(byProject(episodes, options).map(({ key, label, episodes: count, median: m, firstReplyMedian, nextReplyMedian }) => ({ key, label, count, m, firstReplyMedian, nextReplyMedian }))).toEqual([
      { key: '7000', label: 'Mobile app', count: 2, m: 22, firstReplyMedian: 40, nextReplyMedian: 4 },
      { key: '6622', label: 'Website', count: 2, m: 15, firstReplyMedian: 15, nextReplyMedian: null },
    ]);
  });

  it('groups by client, labelled by name', () => {
    const unnamed: Person = { id: '', name: '', email: 'Who@Example.com' };
    const rows = byClient([...episodes, episode(300, 1, { client: unnamed })], options);
    expect(rows.map(({ key, label, episodes: count, p90 }) => ({ key, label, count, p90 }))).toEqual([
      { key: otherClient.id, label: 'Jane Roe', count: 2, p90: 20 },
      { key: client.id, label: 'John Doe', count: 2, p90: 40 },
      { key: 'who@example.com', label: 'Who@Example.com', count: 1, p90: 1 },
    ]);
  });
});

describe('toCsv', () => {
  type Row = { name: string; minutes: number | null; note?: string };
  const columns = [
    { header: 'Client', value: (row: Row) => row.name },
    { header: 'Median, min', value: (row: Row) => row.minutes },
    { header: 'Note', value: (row: Row) => row.note },
  ];

  it('writes a header and CRLF-terminated records, quoting only where needed', () => {
    expect(toCsv([{ name: 'Acme', minutes: 12 }, { name: 'Jane "JR" Roe', minutes: null, note: 'line one\nline two' }], columns)).toBe(
      'Client,"Median, min",Note\r\nAcme,12,\r\n"Jane ""JR"" Roe",,"line one\nline two"\r\n',
    );
  });

  it('writes just the header for no rows', () => {
    expect(toCsv([], columns)).toBe('Client,"Median, min",Note\r\n');
  });

  it.each([
    ['=HYPERLINK("http://evil","x")', `"'=HYPERLINK(""http://evil"",""x"")"`],
    ['+1+1', "'+1+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', `"'\r=1"`],
    ['a=1', 'a=1'],
  ])('neutralises the formula %j', (text, cell) => {
    expect(toCsv([{ name: text, minutes: -5 }], columns)).toBe(`Client,"Median, min",Note\r\n${cell},-5,\r\n`);
  });
});
