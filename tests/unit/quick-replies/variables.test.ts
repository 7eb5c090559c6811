import { describe, expect, it } from 'vitest';
import { fillReply, firstName, missingVariables, replyParts, usedVariables } from '@/lib/quick-replies';

describe('reply variables', () => {
  const body = 'Hi {client_first_name|there}, “{task}” in {project} is due {due_date}. — {my_name}';

  it('fills every known variable from its value', () => {
    const values = { client_first_name: 'Aigerim', task: 'Landing page', project: 'Acme', due_date: '12 Dec 2026', my_name: 'Daniel' };
    expect(fillReply(body, values)).toBe('Hi Aigerim, “Landing page” in Acme is due 12 Dec 2026. — Daniel');
    expect(missingVariables(body, values)).toEqual([]);
  });

  it('writes the fallback when a variable has no value, and asks only for variables without one', () => {
    const values = { task: 'Landing page', project: 'Acme', my_name: 'Daniel' };
    expect(missingVariables(body, values)).toEqual(['due_date']);
    expect(fillReply(body, { ...values, due_date: 'Friday' })).toBe('Hi there, “Landing page” in Acme is due Friday. — Daniel');
  });

  it('counts a blank value as none, and an empty fallback as a fallback', () => {
    expect(missingVariables('{client_name}', { client_name: '   ' })).toEqual(['client_name']);
    expect(missingVariables('Hello{client_first_name|}!', {})).toEqual([]);
    expect(fillReply('Hello{client_first_name|}!', {})).toBe('Hello!');
    expect(fillReply('Hello {client_first_name|}!', { client_first_name: ' Anna ' })).toBe('Hello Anna!');
  });

  it('asks for each missing variable once, in the order the reply uses them', () => {
    expect(missingVariables('{task} {client_name} {task} {today}', { today: '1 Dec' })).toEqual(['task', 'client_name']);
    expect(usedVariables('{task} {client_name|x} {task}')).toEqual(['task', 'client_name']);
  });

  it('leaves unknown braces, and broken ones, as written', () => {
    expect(fillReply('{unknown} {task {task} {} {TASK}', { task: 'T' })).toBe('{unknown} {task T {} {TASK}');
    expect(missingVariables('{unknown} {json: 1}', {})).toEqual([]);
    expect(replyParts('a {task|b} c')).toEqual([{ text: 'a ' }, { variable: 'task', fallback: 'b' }, { text: ' c' }]);
  });

  it('keeps a value with markup in it as the text it is (the editor gets text)', () => {
    expect(fillReply('{task}', { task: '<img src=x onerror=alert(1)>' })).toBe('<img src=x onerror=alert(1)>');
  });

  it('takes a first name as the first word', () => {
    expect(firstName('  Aigerim   Sadykova ')).toBe('Aigerim');
    expect(firstName('')).toBeUndefined();
    expect(firstName(undefined)).toBeUndefined();
  });
});
