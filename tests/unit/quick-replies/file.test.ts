import { describe, expect, it } from 'vitest';
import { parseQuickReplyFile, QUICK_REPLY_FILE_FORMAT, serializeQuickReplyFile, validateQuickReply } from '@/lib/quick-replies';
import { problemText } from '@/lib/problem-text';

const reply = (id: string, title = `Reply ${id}`) => ({ id, title, body: `Hi {client_first_name|there}, ${title}.` });
const file = (replies: unknown, extra: Record<string, unknown> = {}) => JSON.stringify({ format: QUICK_REPLY_FILE_FORMAT, schemaVersion: 1, replies, ...extra });

describe('quick-reply files', () => {
  it('round-trips replies through export and import', () => {
    const replies = [reply('a'), { ...reply('b'), language: 'kk' as const }];
    expect(parseQuickReplyFile(serializeQuickReplyFile(replies))).toEqual(replies);
  });

  it('refuses what is not a reply file, saying what it is', () => {
    expect(() => parseQuickReplyFile('{not json')).toThrow(/^The file is not JSON/);
    expect(() => parseQuickReplyFile(JSON.stringify({ format: 'account-desk.templates', schemaVersion: 1, templates: [] }))).toThrow(
      'This is not an Account Desk quick-reply file (its format is "account-desk.templates").',
    );
    expect(() => parseQuickReplyFile(file([], { schemaVersion: 2 }))).toThrow(/schema version is 2; this version of Account Desk reads version 1/);
    expect(() => parseQuickReplyFile('x'.repeat(3 * 1024 * 1024))).toThrow(/at most 2 MB/);
  });

  it('refuses the whole file when any reply is bad, naming each problem by its path', () => {
    const bad = file([reply('good'), { id: 'no title', body: '' }, reply('good'), reply('builtin.status.en'), { ...reply('x'), html: '<b>' }]);
    let message = '';
    try {
      parseQuickReplyFile(bad);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message.split('\n')[0]).toBe('Nothing imported: the file has 6 problems:');
    expect(message).toContain('replies[1].id: expected an id of letters');
    expect(message).toContain('replies[1].title: expected one line of text');
    expect(message).toContain('replies[1].body: expected text');
    expect(message).toContain('replies[2].id: "good" appears twice');
    expect(message).toContain('replies[3].id: ids starting "builtin." or "team." belong to those libraries');
    expect(message).toContain('replies[4].html: unknown field');
  });

  it('validates one reply: trimmed title, line endings made \\n, languages it knows', () => {
    expect(validateQuickReply({ id: 'a', title: '  Hi ', body: 'one\r\ntwo' })).toEqual({ ok: true, value: { id: 'a', title: 'Hi', body: 'one\ntwo' } });
    const german = validateQuickReply({ id: 'a', title: 'Hi', body: 'x', language: 'de' });
    expect(german.ok).toBe(false);
    if (!german.ok) expect(german.problems.map(problemText)).toEqual([expect.stringMatching(/^reply\.language: expected one of en, ru, uk, kk/)]);
    expect(validateQuickReply({ id: 'a', title: 'two\nlines', body: 'x' }).ok).toBe(false);
  });
});
