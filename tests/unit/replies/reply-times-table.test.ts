import { describe, expect, it } from 'vitest';
import {
  formatMinutes,
  formatShare,
  NO_VALUE,
  replyTimesCsv,
  replyTimesFileName,
  type ReplyTimeCsvHeaders,
} from '@/components/replies/reply-times-table';
import type { ReplyTimeRow } from '@/lib/replies/report';

const HEADERS: ReplyTimeCsvHeaders = {
  label: 'Project',
  episodes: 'Waits',
  median: 'Median (minutes)',
  p90: '90th percentile (minutes)',
  withinTarget: 'Within target (%)',
  target: 'Target (minutes)',
  firstReplyMedian: 'First reply, median (minutes)',
  nextReplyMedian: 'Next replies, median (minutes)',
};

function row(overrides: Partial<ReplyTimeRow>): ReplyTimeRow {
  return {
    key: '1',
    label: 'Website',
    episodes: 3,
    median: 12,
    p90: 40,
    withinTarget: 2 / 3,
    target: 15,
    firstReplyMedian: 12,
    nextReplyMedian: null,
    ...overrides,
  };
}

describe('formatMinutes and formatShare', () => {
  it('writes waits as the badges do, rounding half minutes of an even median', () => {
    expect(formatMinutes(null)).toBe(NO_VALUE);
    expect(formatMinutes(0)).toBe('0m');
    expect(formatMinutes(12.5)).toBe('13m');
    expect(formatMinutes(130)).toBe('2h 10m');
    expect(formatMinutes(3 * 1440 + 245)).toBe('3d 4h');
  });

  it('writes shares as whole percentages, never rounding a miss up to 100 % or a hit down to 0 %', () => {
    expect(formatShare(null)).toBe(NO_VALUE);
    expect(formatShare(1)).toBe('100%');
    expect(formatShare(0)).toBe('0%');
    expect(formatShare(2 / 3)).toBe('67%');
    expect(formatShare(199 / 200)).toBe('99%');
    expect(formatShare(1 / 300)).toBe('1%');
  });
});

describe('replyTimesCsv', () => {
  it('has a header line and one line per row, minutes and percentages as numbers with one decimal', () => {
    const csv = replyTimesCsv([row({}), row({ key: '2', label: 'SEO', episodes: 2, median: 7.5, p90: 9, withinTarget: 1, nextReplyMedian: 9 })], HEADERS);
    expect(csv.split('\r\n')).toEqual([
      'Project,Waits,Median (minutes),90th percentile (minutes),Within target (%),Target (minutes),"First reply, median (minutes)","Next replies, median (minutes)"',
      'Website,3,12,40,66.7,15,12,',
      'SEO,2,7.5,9,100,15,12,9',
      '',
    ]);
  });

  it('keeps client-written labels as text: quoted when needed, never a formula', () => {
    const csv = replyTimesCsv([row({ label: '=HYPERLINK("http://x","Acme, Inc.")' }), row({ label: 'Laura "LB" Bennett' })], HEADERS);
    const [, first, second] = csv.split('\r\n');
    expect(first).toMatch(/^"'=HYPERLINK\(""http:\/\/x"",""Acme, Inc\.""\)",3,/);
    expect(second).toMatch(/^"Laura ""LB"" Bennett",3,/);
  });
});

describe('replyTimesFileName', () => {
  it('names the grouping and the days, and business minutes when counted', () => {
    const period = { firstDay: '2026-11-01', lastDay: '2026-11-30' };
    expect(replyTimesFileName('project', period, 'calendar')).toBe('reply-times-by-project-2026-11-01-2026-11-30.csv');
    expect(replyTimesFileName('client', period, 'business')).toBe('reply-times-by-client-2026-11-01-2026-11-30-business.csv');
  });
});
