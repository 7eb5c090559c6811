import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { openDb, type AccountDeskDb } from '@/lib/db';
import { countUse, deletePersonalReply, exportPersonalReplies, importPersonalReplies, listPersonalReplies, savePersonalReply } from '@/lib/background/quick-replies/personal';
import { QUICK_REPLY_LIMITS, serializeQuickReplyFile } from '@/lib/quick-replies';
import { isTeamReplyTask, plainDescription, teamReplies } from '@/lib/quick-replies/team';

describe('personal quick replies', () => {
  let db: AccountDeskDb;
  beforeEach(() => {
    db = openDb(`quick-replies-${Math.random()}`);
  });
  const reply = (id: string, title = `Reply ${id}`) => ({ id, title, body: `${title} body` });

  it('saves, edits in place (also under a new id) and deletes, in the user order', async () => {
    await savePersonalReply(db, reply('a', 'Alpha'));
    await savePersonalReply(db, reply('b', 'Beta'));
    await savePersonalReply(db, { ...reply('a'), title: 'Alpha edited' });
    await savePersonalReply(db, reply('a2', 'Alpha renamed'), 'a');
    expect((await listPersonalReplies(db)).map((saved) => `${saved.id} ${saved.title}`)).toEqual(['a2 Alpha renamed', 'b Beta']);
    await deletePersonalReply(db, 'b');
    expect((await listPersonalReplies(db)).map((saved) => saved.id)).toEqual(['a2']);
  });

  it('refuses an invalid reply and the built-in and team ids, saving nothing', async () => {
    await expect(savePersonalReply(db, { id: 'x', title: '', body: 'text' })).rejects.toThrow(/^The reply was not saved:\nreply\.title/);
    await expect(savePersonalReply(db, reply('builtin.status.en'))).rejects.toThrow(/belong to the built-in and the team’s replies/);
    await expect(savePersonalReply(db, reply('team.12'))).rejects.toThrow(/belong to the built-in/);
    expect(await listPersonalReplies(db)).toEqual([]);
  });

  it('imports all or nothing, replacing by id, and round-trips through export', async () => {
    await savePersonalReply(db, reply('keep'));
    expect(await importPersonalReplies(db, serializeQuickReplyFile([reply('new'), { ...reply('keep'), title: 'Kept, updated' }]))).toEqual({ added: 1, replaced: 1 });
    expect((await listPersonalReplies(db)).map((saved) => saved.title)).toEqual(['Kept, updated', 'Reply new']);
    const before = await exportPersonalReplies(db);
    await expect(importPersonalReplies(db, serializeQuickReplyFile([reply('other'), { id: 'bad', title: 'Bad', body: '' }]))).rejects.toThrow(/^Nothing imported: the file has 1 problem:\nreplies\[1\]\.body/);
    await expect(importPersonalReplies(db, '{"format":"something else"}')).rejects.toThrow(/not an Account Desk quick-reply file/);
    expect(await exportPersonalReplies(db)).toBe(before);
  });

  it('refuses a file that would go over the limit, changing nothing', async () => {
    const many = Array.from({ length: QUICK_REPLY_LIMITS.personal }, (_, index) => reply(`r${index}`));
    expect(await importPersonalReplies(db, serializeQuickReplyFile(many))).toEqual({ added: QUICK_REPLY_LIMITS.personal, replaced: 0 });
    await expect(importPersonalReplies(db, serializeQuickReplyFile([reply('one-more')]))).rejects.toThrow(/more than 500 personal replies/);
    await expect(savePersonalReply(db, reply('one-more'))).rejects.toThrow(/at most 500/);
    expect(await db.personalReplies.count()).toBe(QUICK_REPLY_LIMITS.personal);
  });

  it('counts uses per reply', async () => {
    await countUse(db, 'builtin:builtin.status.en', 10);
    await countUse(db, 'builtin:builtin.status.en', 20);
    await countUse(db, 'personal:a', 15);
    expect(await db.replyUsage.get('builtin:builtin.status.en')).toEqual({ key: 'builtin:builtin.status.en', uses: 2, usedAt: 20 });
    expect(await db.replyUsage.get('personal:a')).toEqual({ key: 'personal:a', uses: 1, usedAt: 15 });
  });
});

describe('the team’s quick replies', () => {
  it('are the library project’s "/" tasks, their description as plain text; other tasks stay templates', () => {
    const tasks = [
      { id: '1', name: '/ Invoice reminder', text: '<p>Hi {client_first_name|there},</p><p>the invoice &amp; the act are attached.<br>Thanks!</p>' },
      { id: '2', name: 'Website launch', text: 'a template' },
      { id: '3', name: '/Empty', text: '' },
    ];
    expect(tasks.map(isTeamReplyTask)).toEqual([true, false, true]);
    const { replies, problems } = teamReplies(tasks);
    expect(replies).toEqual([{ id: 'team.1', title: 'Invoice reminder', body: 'Hi {client_first_name|there},\nthe invoice & the act are attached.\nThanks!' }]);
    expect(problems).toEqual([expect.stringMatching(/^“\/Empty”: body: expected text/)]);
  });

  it('keeps what a description says as text, whatever markup it had', () => {
    expect(plainDescription('<script>alert(1)</script>&lt;b&gt;bold&lt;/b&gt;')).toBe('alert(1)<b>bold</b>');
  });
});
