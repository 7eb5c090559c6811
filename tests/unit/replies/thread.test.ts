import { describe, expect, it } from 'vitest';
import { clientDirectory } from '../../../lib/replies/clients';
import { isChecklistOnly, threadReplies, toThreadComment } from '../../../lib/replies/thread';
import type { WsComment } from '../../../lib/worksection/types';
import { client, comment, manager, minute, otherClient } from './helpers';

describe('threadReplies', () => {
  it('is not waiting without comments, or with only team comments', () => {
    expect(threadReplies([])).toEqual({ episodes: [] });
    expect(threadReplies([comment(0, 'reply'), comment(5, 'reply')])).toEqual({ episodes: [] });
  });

  it('waits since the oldest of several unanswered client comments', () => {
    const first = comment(0, 'client');
    const replies = threadReplies([first, comment(3, 'client', otherClient), comment(7, 'client')]);
    expect(replies).toEqual({ waiting: { since: minute(0), commentId: first.id, client }, episodes: [] });
  });

  it('ends the wait at the first team reply after the oldest client comment', () => {
    const asked = comment(0, 'client');
    const again = comment(4, 'client');
    const answer = comment(12, 'reply');
    const replies = threadReplies([asked, again, answer]);
    expect(replies.waiting).toBeUndefined();
    expect(replies.episodes).toEqual([
      { clientCommentId: asked.id, client, startedAt: minute(0), repliedAt: minute(12), replyCommentId: answer.id, replier: manager, first: true },
    ]);
  });

  it('ignores team comments made before any client comment', () => {
    const asked = comment(10, 'client');
    const replies = threadReplies([comment(0, 'reply'), comment(5, 'reply'), asked]);
    expect(replies).toEqual({ waiting: { since: minute(10), commentId: asked.id, client }, episodes: [] });
  });

  it('does not stop the clock for a checklist-only team comment', () => {
    const asked = comment(0, 'client');
    const checklist = comment(5, 'checklist');
    expect(threadReplies([asked, checklist]).waiting).toEqual({ since: minute(0), commentId: asked.id, client });
    const answer = comment(20, 'reply');
    expect(threadReplies([asked, checklist, answer]).episodes).toEqual([
      expect.objectContaining({ clientCommentId: asked.id, replyCommentId: answer.id, repliedAt: minute(20) }),
    ]);
  });

  it('a client comment never answers another client', () => {
    const asked = comment(0, 'client');
    const replies = threadReplies([asked, comment(5, 'client', otherClient)]);
    expect(replies.waiting?.commentId).toBe(asked.id);
    expect(replies.episodes).toEqual([]);
  });

  it('records several episodes: the first is the first reply, the rest next replies, and a new wait after the last', () => {
    const comments = [
      comment(0, 'client'),
      comment(8, 'reply'),
      comment(9, 'reply'),
      comment(30, 'client', otherClient),
      comment(31, 'client'),
      comment(55, 'reply'),
      comment(70, 'client'),
    ];
    const replies = threadReplies(comments);
    expect(replies.episodes.map(({ startedAt, repliedAt, first, client: who }) => ({ startedAt, repliedAt, first, who: who.id }))).toEqual([
      { startedAt: minute(0), repliedAt: minute(8), first: true, who: client.id },
      { startedAt: minute(30), repliedAt: minute(55), first: false, who: otherClient.id },
    ]);
    expect(replies.waiting).toEqual({ since: minute(70), commentId: comments[6]!.id, client });
  });

  it('sorts comments given in any order by time, then id', () => {
    const asked = comment(0, 'client', client, '101');
    const answer = comment(0, 'reply', manager, '102');
    const later = comment(5, 'client', client, '99');
    // Same minute: the lower id was posted first. Numeric ids compare as numbers ("99" < "101").
    expect(threadReplies([later, answer, asked])).toEqual(threadReplies([asked, answer, later]));
    const replies = threadReplies([later, answer, asked]);
    expect(replies.episodes).toHaveLength(1);
    expect(replies.episodes[0]).toMatchObject({ clientCommentId: '101', replyCommentId: '102' });
    expect(replies.waiting?.commentId).toBe('99');
    const sameMinute = [comment(0, 'reply', manager, '9'), comment(0, 'client', client, '10')];
    expect(threadReplies(sameMinute).waiting?.commentId).toBe('10');
  });

  it('does not reorder the caller’s array', () => {
    const comments = [comment(5, 'reply'), comment(0, 'client')];
    const ids = comments.map((c) => c.id);
    threadReplies(comments);
    expect(comments.map((c) => c.id)).toEqual(ids);
  });
});

describe('isChecklistOnly', () => {
  it.each([
    ['• draft\r\n• first version\r\n• final result', true],
    ['\r\n• survey results\r\n\r\n• questions and suggestions Frank Harper\r\n', true],
    ['• one item', true],
    ['  • indented item', true],
    ['Take previous prototype as an example\r\n• draft\r\n• first version', false],
    ['• draft\nPlease check by Friday', false],
    ['•not a bullet line', false],
    ['', false],
    ['\r\n  \r\n', false],
    ['Sure, done.', false],
  ])('%j → %s', (text, expected) => {
    expect(isChecklistOnly(text)).toBe(expected);
  });
});

describe('toThreadComment', () => {
  const directory = clientDirectory({
    users: [
      { id: '5674', name: 'John Doe', email: 'john@singingbird.com', group: 'Singing bird' },
      { id: '3993', name: 'Henry Gardner', email: 'henry.gardner@ws.com', group: 'Development' },
    ],
    groups: [
      { title: 'Development', client: 0 },
      { title: 'Singing bird', client: 1 },
    ],
    extraEmails: [],
    extraDomains: [],
  });
  const wsComment = (user: WsComment['user_from'], text: string): WsComment => ({
    id: '20478',
    page: '/project/6622/330090/#com20478',
    text,
    date_added: '2021-01-03 09:17',
    user_from: user,
  });
  const john = { id: '5674', email: 'john@singingbird.com', name: 'John Doe' };
  const henry = { id: '3993', email: 'henry.gardner@ws.com', name: 'Henry Gardner' };

  it('reads the author, the client flag and the account-local time', () => {
    expect(toThreadComment(wsComment(john, 'Any news?'), directory, 'Europe/Kyiv')).toEqual({
      id: '20478',
      at: Date.parse('2021-01-03T07:17:00Z'),
      author: john,
      byClient: true,
      countsAsReply: false,
    });
  });

  it('a team comment in words (or with only files, so no text) is a reply; one with only a checklist is not', () => {
    expect(toThreadComment(wsComment(henry, 'On it, draft by 3pm'), directory, 'UTC')).toMatchObject({ byClient: false, countsAsReply: true });
    expect(toThreadComment(wsComment(henry, '• draft\r\n• first version'), directory, 'UTC')).toMatchObject({ byClient: false, countsAsReply: false });
    expect(toThreadComment(wsComment(henry, ''), directory, 'UTC').countsAsReply).toBe(true);
  });

  it('refuses a date Worksection would not send', () => {
    expect(() => toThreadComment({ ...wsComment(henry, 'x'), date_added: '03.01.2021' }, directory, 'UTC')).toThrow(RangeError);
  });
});
