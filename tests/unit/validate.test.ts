import { describe, expect, it } from 'vitest';
import { describeValue, isPlainObject, unknownKeys } from '@/lib/validate';
import { quotedValue } from '@/lib/problem-text';

describe('isPlainObject', () => {
  it('accepts object literals, parsed JSON and null-prototype objects', () => {
    expect(isPlainObject({})).toBe(true);
    expect(isPlainObject(JSON.parse('{"a":1}'))).toBe(true);
    expect(isPlainObject(Object.create(null))).toBe(true);
    expect(isPlainObject(structuredClone({ a: [1] }))).toBe(true);
  });

  it('refuses null, lists, primitives and instances of classes', () => {
    for (const value of [null, undefined, [], 'text', 3, true, new Date(0), new Map(), new (class Thing {})()]) {
      expect(isPlainObject(value), String(describeValue(value))).toBe(false);
    }
  });
});

describe('unknownKeys', () => {
  it('lists the keys that are not allowed, in their order, including "__proto__" as an own key', () => {
    const hostile = JSON.parse('{"b":1,"__proto__":2,"a":3,"c":4}') as Record<string, unknown>;
    expect(unknownKeys(hostile, ['a', 'b'])).toEqual(['__proto__', 'c']);
    expect(unknownKeys({ a: 1 }, ['a', 'b'])).toEqual([]);
  });
});

describe('describeValue', () => {
  it('quotes short values as JSON and cuts long ones', () => {
    expect(describeValue(undefined)).toBeNull();
    expect(quotedValue(describeValue(undefined))).toBe('nothing');
    expect(describeValue('x')).toBe('"x"');
    expect(describeValue('y'.repeat(100))).toHaveLength(58);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(describeValue(cyclic)).toBe('[object Object]');
  });
});
