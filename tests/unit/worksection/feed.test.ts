// Parsing that survives the unknown (DESIGN §4): each event and list item on
// its own; unknown kinds kept and counted by kind with the first example's
// shape (keys and types, no texts); items missing a needed field skipped.
import { describe, expect, it } from 'vitest';
import { shapeOf, type FeedFinding } from '../../../lib/worksection/feed-report';
import { parseWsUser, readEventFeed, readListTolerant } from '../../../lib/worksection/parse';

const ref = { id: '3993', email: 'owner@agency.test', name: 'Olena' };
const comment = { action: 'post', object: { type: 'comment', id: '11', page: '/project/1/22/' }, date_added: '2026-01-05 10:00', user_from: ref, new: { text: 'Секрет клієнта' } };

describe('readEventFeed', () => {
  it('keeps known events, and unknown actions or object types as unknown kinds without their texts', () => {
    const feed = readEventFeed('get_events', {
      status: 'ok',
      data: [
        comment,
        { ...comment, action: 'move', new: { text: 'Секрет' } },
        { ...comment, object: { type: 'file', id: '7', page: '/project/1/22/' } },
      ],
    });
    expect(feed.events).toEqual([comment]);
    expect(feed.unknown.map((event) => `${event.action}/${event.object.type}`)).toEqual(['move/comment', 'post/file']);
    expect(feed.findings.unknown.map((finding) => finding.kind)).toEqual(['event move/comment', 'event post/file']);
    expect(feed.findings.unknown[0]!.shape).toEqual({
      action: 'string',
      object: 'object{type,id,page}',
      date_added: 'string',
      user_from: 'object{id,email,name}',
      new: 'object{text}',
    });
    expect(JSON.stringify(feed.findings)).not.toContain('Секрет');
    expect(feed.findings.skipped).toEqual([]);
  });

  it('keeps a known kind that lacks an optional field (user_from) as unknown, still naming its thread', () => {
    const { user_from: _dropped, ...withoutAuthor } = comment;
    const feed = readEventFeed('get_events', { status: 'ok', data: [withoutAuthor] });
    expect(feed.events).toEqual([]);
    expect(feed.unknown).toEqual([{ action: 'post', object: { type: 'comment', id: '11', page: '/project/1/22/' }, date_added: '2026-01-05 10:00' }]);
    expect(feed.findings.unknown[0]!.kind).toBe('event post/comment with user_from not object');
  });

  it('skips and counts events that cannot be placed (no action, object type or id), keeping the rest', () => {
    const feed = readEventFeed('get_events', {
      status: 'ok',
      data: [{ action: 'post' }, { object: { type: 'task', id: '1' } }, 'odd', comment, { ...comment, object: { type: 'task', id: 42, page: '/project/1/42/' } }],
    });
    expect(feed.events.map((event) => event.object.id)).toEqual(['11']);
    expect(feed.unknown.map((event) => event.object.id)).toEqual(['42']);
    expect(feed.findings.skipped).toHaveLength(3);
    expect(feed.findings.skipped[2]!.shape).toEqual({ '': 'string' });
  });

  it('a reply whose data is not a list is still malformed', () => {
    expect(() => readEventFeed('get_events', { status: 'ok', data: 'x' })).toThrow(/get_events: data: expected array/);
  });

  it('reads a list sent as an object with gaps in its keys', () => {
    expect(readEventFeed('get_events', { status: 'ok', data: { 0: comment, 3: comment } }).events).toHaveLength(2);
  });
});

describe('readListTolerant', () => {
  it('skips items missing a needed field, naming the field, and returns the rest', () => {
    const skipped: FeedFinding[] = [];
    const users = readListTolerant(
      'get_users',
      { status: 'ok', data: [{ ...ref }, { email: 'x@y.z', name: 'No id' }, { ...ref, id: '2' }] },
      parseWsUser,
      skipped,
    );
    expect(users.map((user) => user.id)).toEqual(['3993', '2']);
    expect(skipped).toEqual([{ kind: 'get_users: id not string', shape: { email: 'string', name: 'string' } }]);
  });
});

describe('shapeOf', () => {
  it('lists keys and types, never values', () => {
    expect(shapeOf({ a: 'secret', b: 1, c: null, d: [1, 2], e: { f: 'secret' } })).toEqual({
      a: 'string',
      b: 'number',
      c: 'null',
      d: 'array(2)',
      e: 'object{f}',
    });
  });
});
