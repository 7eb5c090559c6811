// In the md5 query scheme a node's post_task must fit an 8 KB request line:
// measured before anything is created, naming the node and how much to cut.
import { describe, expect, it } from 'vitest';
import { oversizedNodes } from '@/lib/background/templates/request-size';
import type { PlannedTask } from '@/lib/templates';
import { ThrottleRegistry, WorksectionClient } from '@/lib/worksection';

const client = (scheme: 'header' | 'query') =>
  new WorksectionClient({
    accountUrl: 'https://demo.worksection.com',
    auth: { kind: 'admin', apiKey: '7776461cd931e7b1c8e9632ff8e979ce' },
    scheme,
    throttles: new ThrottleRegistry(),
    fetch: () => Promise.reject(new Error('no network in this test')),
  });

const node = (key: string, text: string, todo: string[] = [], parentKey?: string): PlannedTask => ({
  key,
  ...(parentKey ? { parentKey } : {}),
  title: `Узел ${key}`,
  text,
  emailUserTo: 'NOONE',
  dateStart: '2026-03-02',
  dateEnd: '2026-03-04',
  todo,
});

describe('oversizedNodes', () => {
  it('names only the nodes whose md5 query would pass 8 KB, with how many characters to cut', () => {
    const api = client('query');
    const planned = [node('0', 'Короткое описание'), node('0.0', 'Ж'.repeat(2000), ['пункт'], '0'), node('1', 'a'.repeat(9000))];
    const oversized = oversizedNodes('26', planned, (input) => api.postTaskOverflow(input));
    expect(oversized.map((entry) => entry.title)).toEqual(['Узел 0.0', 'Узел 1']);
    // Ж is 6 bytes encoded (%D0%96): 2000 of them are 12,000 bytes, far past 8,192.
    const [cyrillic, latin] = oversized;
    expect(cyrillic!.overBytes).toBeGreaterThan(12_000 - 8192);
    expect(cyrillic!.cutCharacters).toBeLessThan(cyrillic!.overBytes);
    expect(latin!.cutCharacters).toBe(latin!.overBytes);

    // Cutting that much from the description makes each fit.
    for (const [index, entry] of [[1, cyrillic!], [2, latin!]] as const) {
      const shortened = { ...planned[index]!, text: planned[index]!.text!.slice(0, planned[index]!.text!.length - entry.cutCharacters) };
      expect(oversizedNodes('26', [shortened], (input) => api.postTaskOverflow(input))).toEqual([]);
    }
  });

  it('finds nothing too long in the header scheme, whose JSON body has no such limit', () => {
    const api = client('header');
    expect(oversizedNodes('26', [node('0', 'Ж'.repeat(10_000))], (input) => api.postTaskOverflow(input))).toEqual([]);
  });
});
