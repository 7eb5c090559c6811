import type { Person, ThreadComment } from '../../../lib/replies/types';

export const client: Person = { id: '5674', name: 'John Doe', email: 'john@singingbird.com' };
export const otherClient: Person = { id: '5675', name: 'Jane Roe', email: 'jane@singingbird.com' };
export const manager: Person = { id: '3993', name: 'Henry Gardner', email: 'henry.gardner@ws.com' };

const MINUTE = 60_000;
/** Minutes after a fixed instant (a Tuesday, 2024-03-12 10:00 UTC). */
export const minute = (n: number): number => Date.UTC(2024, 2, 12, 10, 0) + n * MINUTE;

let nextId = 1000;
/** A comment `n` minutes in: by a client, a team reply, or a team comment that doesn't count (checklist). */
export function comment(n: number, kind: 'client' | 'reply' | 'checklist', author?: Person, id = String(nextId++)): ThreadComment {
  return {
    id,
    at: minute(n),
    author: author ?? (kind === 'client' ? client : manager),
    byClient: kind === 'client',
    countsAsReply: kind === 'reply',
  };
}
