import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { md5 } from '../../../lib/worksection/md5';

const nodeMd5 = (text: string): string => createHash('md5').update(text, 'utf8').digest('hex');

/** A small seeded generator, so a failure reproduces. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return state / 0x1_0000_0000;
  };
}

const ALPHABETS = [
  'abcdefghijklmnopqrstuvwxyz0123456789',
  ' &=?+%#/[]',
  'абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗІЇЄҐ',
  'ҚқҒғҮүҰұӘәІіҢңӨөҺһ',
  '😀🚀€±∑中文',
];

describe('md5', () => {
  it('matches the RFC 1321 test suite', () => {
    expect(md5('')).toBe('d41d8cd98f00b204e9800998ecf8427e');
    expect(md5('a')).toBe('0cc175b9c0f1b6a831c399e269772661');
    expect(md5('abc')).toBe('900150983cd24fb0d6963f7d28e17f72');
    expect(md5('message digest')).toBe('f96b697d7cb7938d525a2f31aaf161d0');
    expect(md5('abcdefghijklmnopqrstuvwxyz')).toBe('c3fcd3d76192e4007dfb496cca67e13b');
    expect(md5('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789')).toBe('d174ab98d277d9f5a5611c2c9f419d9f');
    expect(md5('1234567890'.repeat(8))).toBe('57edf4a22be3c955ac49da2e2107b67a');
  });

  it('signs the Worksection docs example', () => {
    expect(md5('action=get_tasks&id_project=26' + '7776461cd931e7b1c8e9632ff8e979ce')).toBe('ec3ab2c28f21b4a07424f8ed688d6644');
  });

  it('agrees with Node crypto at every padding boundary', () => {
    for (let length = 0; length <= 200; length++) {
      const text = 'x'.repeat(length);
      expect(md5(text), `length ${length}`).toBe(nodeMd5(text));
    }
  });

  it('agrees with Node crypto on random UTF-8 text, Cyrillic and emoji included', () => {
    const random = seeded(1321);
    const pool = [...ALPHABETS.join('')];
    for (let round = 0; round < 500; round++) {
      const length = Math.floor(random() * 300);
      let text = '';
      for (let i = 0; i < length; i++) text += pool[Math.floor(random() * pool.length)];
      expect(md5(text), JSON.stringify(text)).toBe(nodeMd5(text));
    }
  });

  it('handles a megabyte', () => {
    const text = 'Ж'.repeat(512 * 1024);
    expect(md5(text)).toBe(nodeMd5(text));
  });
});
