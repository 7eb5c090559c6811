import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildQuery, signAdminQuery } from '../../../lib/worksection/sign';

const KEY = '7776461cd931e7b1c8e9632ff8e979ce';
const nodeMd5 = (text: string): string => createHash('md5').update(text, 'utf8').digest('hex');

describe('signAdminQuery', () => {
  it('reproduces the docs example (api-reference §1.2)', () => {
    const query = buildQuery('get_tasks', { id_project: 26 });
    expect(query).toBe('action=get_tasks&id_project=26');
    expect(signAdminQuery(query, KEY)).toBe('action=get_tasks&id_project=26&hash=ec3ab2c28f21b4a07424f8ed688d6644');
  });

  it('hashes exactly the encoded query it sends, and puts hash last', () => {
    const query = buildQuery('post_comment', { id_task: '330090', text: 'Привет & пока = 100% + ok', todo: ['a b', 'в'] });
    const signed = signAdminQuery(query, KEY);
    expect(signed.startsWith(`${query}&hash=`)).toBe(true);
    expect(signed.slice(query.length + '&hash='.length)).toBe(nodeMd5(query + KEY));
    const keys = [...new URLSearchParams(signed).keys()];
    expect(keys[0]).toBe('action');
    expect(keys.at(-1)).toBe('hash');
  });
});

describe('buildQuery', () => {
  it('puts action first and keeps parameter order', () => {
    expect(buildQuery('post_task', { title: 'T', id_project: '1', priority: 3 })).toBe('action=post_task&title=T&id_project=1&priority=3');
  });

  it('encodes spaces as %20, never +', () => {
    const query = buildQuery('post_task', { title: 'Template prototype' });
    expect(query).toBe('action=post_task&title=Template%20prototype');
    expect(query).not.toContain('+');
  });

  it('keeps a literal plus distinct from a space', () => {
    const query = buildQuery('add_contact', { phone: '+1 345' });
    expect(query).toBe('action=add_contact&phone=%2B1%20345');
    expect(new URLSearchParams(query).get('phone')).toBe('+1 345');
  });

  it('encodes &, =, # and % so they cannot split parameters', () => {
    const query = buildQuery('post_comment', { text: 'a&b=c#d%e' });
    expect(query).toBe('action=post_comment&text=a%26b%3Dc%23d%25e');
    expect([...new URLSearchParams(query)]).toEqual([
      ['action', 'post_comment'],
      ['text', 'a&b=c#d%e'],
    ]);
  });

  it('encodes Cyrillic as UTF-8', () => {
    expect(buildQuery('post_comment', { text: 'Жду' })).toBe('action=post_comment&text=%D0%96%D0%B4%D1%83');
  });

  it('repeats arrays as key[] in order', () => {
    const query = buildQuery('post_task', { title: 'x', todo: ['draft', 'first version'] });
    expect(query).toBe('action=post_task&title=x&todo%5B%5D=draft&todo%5B%5D=first%20version');
    expect(new URLSearchParams(query).getAll('todo[]')).toEqual(['draft', 'first version']);
    // A key already spelled with [] is not doubled.
    expect(buildQuery('post_task', { 'todo[]': ['a'] })).toBe('action=post_task&todo%5B%5D=a');
  });

  it('leaves out undefined values and empty arrays, keeps empty strings and zero', () => {
    expect(buildQuery('update_task', { id_task: '1', title: undefined, todo: [], priority: 0, text: '' })).toBe(
      'action=update_task&id_task=1&priority=0&text=',
    );
  });

  it('refuses to let parameters override action or hash', () => {
    expect(() => buildQuery('get_tasks', { hash: 'x' })).toThrow(RangeError);
    expect(() => buildQuery('get_tasks', { action: 'delete_costs' })).toThrow(RangeError);
    expect(() => buildQuery('get tasks&x=1', {})).toThrow(RangeError);
  });
});
