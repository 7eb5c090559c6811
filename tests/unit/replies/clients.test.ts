import { describe, expect, it } from 'vitest';
import { clientDirectory, isClientThread, normaliseDomain } from '../../../lib/replies/clients';
import type { WsUser } from '../../../lib/worksection/types';

const users: WsUser[] = [
  { id: '3993', name: 'Henry Gardner', email: 'henry.gardner@ws.com', group: 'Development' },
  { id: '5514', name: 'Frank Harper', email: 'frank.harper@ws.com', group: 'Development' },
  { id: '5674', name: 'John Doe', email: '5674@5674.worksection.com', group: ' singing BIRD ' },
  { id: '6001', name: 'Ann Acme', email: 'ann@acme.com', group: 'Development' },
  { id: '6002', name: 'Bob Mail', email: 'Bob@Mail.Acme.com', group: 'Development' },
  { id: '6003', name: 'Nat Notacme', email: 'nat@notacme.com', group: 'Development' },
  { id: '6004', name: 'Lee Listed', email: 'Lee@Freelance.io' },
  { id: '6005', name: 'Kim Partner', email: 'kim@partner.org', group: 'Partners' },
];
const groups = [
  { title: 'Development', client: 0 as const },
  { title: 'Singing bird', client: 1 as const },
  { title: 'Partners', client: '1' },
];

const directory = clientDirectory({ users, groups, extraEmails: ['lee@freelance.io'], extraDomains: ['@ACME.com'] });

describe('clientDirectory', () => {
  it('marks members of client teams, matching the team name case-insensitively and trimmed', () => {
    expect(directory.isClient({ id: '5674' })).toBe(true);
    expect(directory.isClient({ id: '6005' })).toBe(true); // client: "1" as text
    expect(directory.isClient({ id: '3993' })).toBe(false);
  });

  it('marks listed emails, case-insensitively', () => {
    expect(directory.isClient({ id: '6004' })).toBe(true);
    expect(directory.isClient({ email: 'LEE@freelance.io' })).toBe(true);
    expect(directory.isClient({ email: 'leo@freelance.io' })).toBe(false);
  });

  it('marks listed domains and their subdomains, but not domains that merely end the same way', () => {
    expect(directory.isClient({ id: '6001' })).toBe(true); // ann@acme.com
    expect(directory.isClient({ id: '6002' })).toBe(true); // Bob@Mail.Acme.com
    expect(directory.isClient({ id: '6003' })).toBe(false); // nat@notacme.com
    expect(directory.isClient({ email: 'x@acme.com.evil.net' })).toBe(false);
    expect(directory.isClient({ email: 'acme.com@evil.net' })).toBe(false);
  });

  it('accepts domains listed with or without "@"', () => {
    const plain = clientDirectory({ users: [], groups: [], extraEmails: [], extraDomains: ['acme.com'] });
    const withAt = clientDirectory({ users: [], groups: [], extraEmails: [], extraDomains: ['@acme.com'] });
    for (const d of [plain, withAt]) {
      expect(d.isClient({ email: 'ann@acme.com' })).toBe(true);
      expect(d.isClient({ email: 'nat@notacme.com' })).toBe(false);
    }
  });

  it('matches a person to an account user by id first, then by email', () => {
    // The id wins over an email that belongs to someone else.
    expect(directory.isClient({ id: '3993', email: '5674@5674.worksection.com' })).toBe(false);
    expect(directory.isClient({ id: '5674', email: 'henry.gardner@ws.com' })).toBe(true);
    // Unknown id: fall back to the email.
    expect(directory.isClient({ id: '99999', email: '5674@5674.worksection.com' })).toBe(true);
    expect(directory.isClient({ email: 'KIM@partner.org' })).toBe(true);
    // Not in the account, but listed by domain.
    expect(directory.isClient({ id: '99999', email: 'new.person@acme.com' })).toBe(true);
    expect(directory.isClient({ id: '99999', email: 'stranger@example.com' })).toBe(false);
    expect(directory.isClient({})).toBe(false);
  });

  it('never treats the NOONE/ANY sentinels or placeholder emails as listed clients', () => {
    const broad = clientDirectory({ users: [], groups: [], extraEmails: ['any'], extraDomains: ['worksection.com'] });
    expect(broad.isClient({ id: '1', email: 'NOONE' })).toBe(false);
    expect(broad.isClient({ id: '2', email: 'ANY' })).toBe(false);
    expect(broad.isClient({ email: '5674@5674.worksection.com' })).toBe(false);
    expect(broad.isClient({ email: 'someone@worksection.com' })).toBe(true);
  });

  it('lists the account’s client users', () => {
    expect(directory.clients.map((person) => person.id)).toEqual(['5674', '6001', '6002', '6004', '6005']);
    expect(directory.clients[0]).toEqual({ id: '5674', name: 'John Doe', email: '5674@5674.worksection.com' });
  });
});

describe('normaliseDomain', () => {
  it.each([
    ['@ACME.com', 'acme.com'],
    [' acme.com. ', 'acme.com'],
    ['mail.acme.com', 'mail.acme.com'],
  ])('%j → %j', (input, output) => expect(normaliseDomain(input)).toBe(output));
});

describe('isClientThread', () => {
  const henry = { id: '3993', email: 'henry.gardner@ws.com' };
  const john = { id: '5674' };
  const base = { taskAuthor: henry, taskAssignee: { id: '5514', email: 'frank.harper@ws.com' }, commentAuthors: [henry], projectId: '6622' };

  it('is not a client thread when only team members are involved', () => {
    expect(isClientThread(base, directory, [])).toBe(false);
  });

  it('is a client thread when a client commented, wrote it, or is assigned to it', () => {
    expect(isClientThread({ ...base, commentAuthors: [henry, john] }, directory, [])).toBe(true);
    expect(isClientThread({ ...base, taskAuthor: john }, directory, [])).toBe(true);
    expect(isClientThread({ ...base, taskAssignee: { id: '6001', email: 'ann@acme.com' } }, directory, [])).toBe(true);
  });

  it('ignores the unassigned sentinels', () => {
    expect(isClientThread({ ...base, taskAssignee: { id: '1', email: 'NOONE' } }, directory, [])).toBe(false);
    expect(isClientThread({ ...base, taskAssignee: { id: '2', email: 'ANY' } }, directory, [])).toBe(false);
  });

  it('is a client thread in a project marked "client project" (list or set)', () => {
    expect(isClientThread(base, directory, ['6622'])).toBe(true);
    expect(isClientThread(base, directory, new Set(['6622']))).toBe(true);
    expect(isClientThread(base, directory, new Set(['7000']))).toBe(false);
  });
});
