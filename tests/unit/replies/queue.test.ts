import { describe, expect, it } from 'vitest';
import { DEFAULT_REPLY_THRESHOLDS } from '../../../lib/replies/clock';
import { replyStates, summarizeQueue } from '../../../lib/replies/queue';
import type { BusinessHours } from '../../../lib/replies/types';
import { comment, minute } from './helpers';

const UTC_HOURS: BusinessHours = { timeZone: 'UTC', workDays: [1, 2, 3, 4, 5], start: '09:00', end: '18:00', holidays: [] };

describe('replyStates', () => {
  it('lists only waiting threads, most urgent first, with their clocks', () => {
    const now = minute(60);
    const threads = [
      { id: 'answered', comments: [comment(0, 'client'), comment(5, 'reply')] },
      { id: 'soon', comments: [comment(48, 'client')] },
      { id: 'escalated', comments: [comment(10, 'client'), comment(12, 'checklist')] },
      { id: 'quiet', comments: [comment(1, 'reply')] },
      { id: 'late', comments: [comment(20, 'client'), comment(25, 'reply'), comment(40, 'client')] },
      { id: 'ok', comments: [comment(55, 'client')] },
    ];
    const queue = replyStates(threads, now, UTC_HOURS, DEFAULT_REPLY_THRESHOLDS);
    expect(queue.map((entry) => [entry.thread.id, entry.clock.state, entry.clock.calendarMinutes])).toEqual([
      ['escalated', 'escalated', 50],
      ['late', 'late', 20],
      ['soon', 'soon', 12],
      ['ok', 'ok', 5],
    ]);
    // minute(0) is Tuesday 10:00 UTC: all of it is working time.
    expect(queue[0]!.clock.businessMinutes).toBe(50);
    expect(queue[0]!.waiting.commentId).toBe(threads[2]!.comments[0]!.id);
  });

  it('is empty when nobody waits', () => {
    expect(replyStates([], minute(0), UTC_HOURS, DEFAULT_REPLY_THRESHOLDS)).toEqual([]);
  });
});

describe('summarizeQueue', () => {
  it('counts states, the overdue number for the toolbar and the worst state', () => {
    expect(summarizeQueue([{ state: 'ok' }, { state: 'late' }, { state: 'escalated' }, { state: 'late' }, { state: 'soon' }])).toEqual({
      counts: { ok: 1, soon: 1, late: 2, escalated: 1 },
      overdue: 3,
      worst: 'escalated',
    });
    expect(summarizeQueue([{ state: 'soon' }, { state: 'ok' }])).toEqual({ counts: { ok: 1, soon: 1, late: 0, escalated: 0 }, overdue: 0, worst: 'soon' });
    expect(summarizeQueue([])).toEqual({ counts: { ok: 0, soon: 0, late: 0, escalated: 0 }, overdue: 0 });
  });
});
