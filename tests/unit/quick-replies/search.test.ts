import { describe, expect, it } from 'vitest';
import { orderReplies, replyIndex, replyKey, searchReplies, type ListedReply, type QuickReplySource } from '@/lib/quick-replies';

const listed = (source: QuickReplySource, id: string, title: string, body: string, uses = 0, usedAt = 0, language?: 'en' | 'ru'): ListedReply => ({
  key: replyKey(source, id),
  source,
  reply: { id, title, body, ...(language ? { language } : {}) },
  uses,
  usedAt,
});

describe('quick-reply order and search', () => {
  const builtinEn = listed('builtin', 'builtin.invoice.en', 'Invoice sent', 'We sent the invoice', 0, 0, 'en');
  const builtinRu = listed('builtin', 'builtin.invoice.ru', 'Счёт отправлен', 'Счёт отправили', 0, 0, 'ru');
  const team = listed('team', 'team.9', 'Status on the board', 'Status: on track');
  const personal = listed('personal', 'my.1', 'Thanks', 'Thank you, we are on it');

  it('puts the most used first, then the most recent, then personal, team and built-ins in the UI language', () => {
    expect(orderReplies([builtinRu, builtinEn, team, personal], 'en').map((entry) => entry.reply.id)).toEqual(['my.1', 'team.9', 'builtin.invoice.en', 'builtin.invoice.ru']);
    expect(orderReplies([builtinRu, builtinEn, team, personal], 'ru').map((entry) => entry.reply.id)).toEqual(['my.1', 'team.9', 'builtin.invoice.ru', 'builtin.invoice.en']);
    const usedOnce = { ...builtinRu, uses: 1, usedAt: 5 };
    const usedTwice = { ...team, uses: 2, usedAt: 1 };
    const usedOnceLater = { ...builtinEn, uses: 1, usedAt: 9 };
    expect(orderReplies([personal, usedOnce, usedTwice, usedOnceLater], 'en').map((entry) => entry.reply.id)).toEqual(['team.9', 'builtin.invoice.en', 'builtin.invoice.ru', 'my.1']);
  });

  it('finds replies by every word, title matches first, case and accents aside', () => {
    const index = replyIndex([personal, team, builtinEn, builtinRu]);
    expect(searchReplies(index, 'st').map((entry) => entry.reply.id)).toEqual(['team.9']);
    // "on" is in the status title and in the thanks text: the title match comes first.
    expect(searchReplies(index, 'on').map((entry) => entry.reply.id)).toEqual(['team.9', 'my.1']);
    expect(searchReplies(index, 'INVOICE sent').map((entry) => entry.reply.id)).toEqual(['builtin.invoice.en']);
    expect(searchReplies(index, 'счет').map((entry) => entry.reply.id)).toEqual(['builtin.invoice.ru']);
    expect(searchReplies(index, 'nothing like this')).toEqual([]);
    expect(searchReplies(index, '  ').length).toBe(4);
  });
});
