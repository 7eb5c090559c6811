import { describe, expect, it } from 'vitest';
import { allBuiltinReplies, builtinReplies, fillReply, missingVariables, REPLY_VARIABLES, usedVariables, validateQuickReply } from '@/lib/quick-replies';

describe('built-in quick replies', () => {
  it('has status, deadline, invoice, access and "we are on it" in en, ru, uk and kk, each a valid reply', () => {
    for (const language of ['en', 'ru', 'uk', 'kk'] as const) {
      const replies = builtinReplies(language);
      expect(replies.map((reply) => reply.id)).toEqual(['status', 'deadline', 'invoice', 'access', 'on-it'].map((slug) => `builtin.${slug}.${language}`));
      for (const reply of replies) {
        expect(validateQuickReply(reply)).toEqual({ ok: true, value: reply });
        expect(reply.language).toBe(language);
      }
    }
    expect(allBuiltinReplies()).toHaveLength(20);
  });

  it('uses only known variables, greets with a fallback and signs with the user’s name', () => {
    for (const reply of allBuiltinReplies()) {
      expect(reply.body.match(/\{[^}]*\}/g)!.every((placeholder) => REPLY_VARIABLES.some((name) => placeholder.startsWith(`{${name}`)))).toBe(true);
      expect(usedVariables(reply.body)).toContain('my_name');
      // With no client known, only what the page can't supply is asked; the greeting falls back.
      expect(missingVariables(reply.body, { my_name: 'Daniel', task: 'T', project: 'P', today: 'today', due_date: 'Friday' })).toEqual([]);
      expect(fillReply(reply.body, { my_name: 'Daniel', task: 'T', project: 'P', today: 'today', due_date: 'Friday' })).not.toMatch(/[{}]/);
    }
  });

  it('says the same thing in each language (titles differ, variables match)', () => {
    const en = builtinReplies('en');
    for (const language of ['ru', 'uk', 'kk'] as const) {
      builtinReplies(language).forEach((reply, position) => {
        expect(usedVariables(reply.body).sort()).toEqual(usedVariables(en[position]!.body).sort());
        expect(reply.title).not.toBe(en[position]!.title);
      });
    }
  });
});
