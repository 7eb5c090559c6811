// The wire format (lib/worksection/sign.ts, docs/worksection-wire.md): the md5
// fallback's query built exactly like PHP's http_build_query, and the HMAC
// header of Worksection's newest clients. Expected strings are worked out by
// hand in the comments: UTF-8 bytes of each character, then RFC 1738
// (A-Z a-z 0-9 - _ . kept, space '+', every other byte %XX upper-case).
import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  adminAuthorization,
  buildQuery,
  buildWireRequest,
  jsonBody,
  phpUrlencode,
  requestLineLength,
  signAdminQuery,
} from '../../../lib/worksection/sign';
import { hmacSha256, sha256 } from '../../../lib/worksection/sha256';

const KEY = '7776461cd931e7b1c8e9632ff8e979ce';
const nodeMd5 = (text: string): string => createHash('md5').update(text, 'utf8').digest('hex');
const nodeHmac = (key: string, text: string): string => createHmac('sha256', key).update(text, 'utf8').digest('hex');

describe('phpUrlencode (PHP urlencode, RFC 1738)', () => {
  it('keeps letters, digits, "-", "_" and "." and writes a space as "+"', () => {
    expect(phpUrlencode('Template prototype-v1_2.0')).toBe('Template+prototype-v1_2.0');
  });

  it('percent-encodes "+", "&", "=", "%", "#" and "~" so none can split or change a value', () => {
    // '+' 0x2B, '&' 0x26, '=' 0x3D, '%' 0x25, '#' 0x23, '~' 0x7E, '*' 0x2A (PHP encodes ~ and *, unlike encodeURIComponent).
    expect(phpUrlencode('+1 345')).toBe('%2B1+345');
    expect(phpUrlencode('a&b=c#d%e')).toBe('a%26b%3Dc%23d%25e');
    expect(phpUrlencode('~*')).toBe('%7E%2A');
  });

  it('encodes Cyrillic and Kazakh letters as their UTF-8 bytes', () => {
    // Ж U+0416 = 100 0001 0110 → 110_10000 10_010110 = D0 96; д U+0434 → D0 B4; у U+0443 → 110_10001 10_000011 = D1 83.
    expect(phpUrlencode('Жду')).toBe('%D0%96%D0%B4%D1%83');
    // Қ U+049A = 100 1001 1010 → 110_10010 10_011010 = D2 9A.
    expect(phpUrlencode('Қ')).toBe('%D2%9A');
  });

  it('encodes an emoji as its four UTF-8 bytes', () => {
    // 👍 U+1F44D = 000 011111 010001 001101 → 11110_000 10_011111 10_010001 10_001101 = F0 9F 91 8D.
    expect(phpUrlencode('👍')).toBe('%F0%9F%91%8D');
  });

  it('agrees with an independent construction on random text', () => {
    const alphabet = 'aZ09-_. ~!*\'()&=+%#/[]?абвгЖҚқ👍€\n';
    const reference = (text: string) =>
      encodeURIComponent(text)
        .replace(/[!'()*~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
        .replace(/%20/g, '+');
    let state = 7;
    const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31);
    for (let round = 0; round < 300; round++) {
      const chars = [...alphabet];
      const text = Array.from({ length: next() % 20 }, () => chars[next() % chars.length]).join('');
      expect(phpUrlencode(text), JSON.stringify(text)).toBe(reference(text));
    }
  });
});

describe('buildQuery (PHP http_build_query, action first)', () => {
  it('reproduces the docs example and its hash (api-reference §1.2)', () => {
    const query = buildQuery('get_tasks', { id_project: 26 });
    expect(query).toBe('action=get_tasks&id_project=26');
    expect(signAdminQuery(query, KEY)).toBe('action=get_tasks&id_project=26&hash=ec3ab2c28f21b4a07424f8ed688d6644');
  });

  it('keeps parameter order', () => {
    expect(buildQuery('post_task', { title: 'T', id_project: '1', priority: 3 })).toBe('action=post_task&title=T&id_project=1&priority=3');
  });

  it('indexes arrays as key%5B0%5D, key%5B1%5D…; `todo[]` and `todo` are the same array', () => {
    // '[' 0x5B, ']' 0x5D; http_build_query numbers list items from 0.
    expect(buildQuery('post_task', { title: 'x', todo: ['draft', 'first version'] })).toBe(
      'action=post_task&title=x&todo%5B0%5D=draft&todo%5B1%5D=first+version',
    );
    expect(buildQuery('post_task', { 'todo[]': ['a'] })).toBe('action=post_task&todo%5B0%5D=a');
  });

  it('writes empty strings as `k=` (also inside arrays), leaves out undefined and empty arrays, keeps zero', () => {
    expect(buildQuery('update_task', { id_task: '1', title: undefined, todo: [], priority: 0, text: '' })).toBe(
      'action=update_task&id_task=1&priority=0&text=',
    );
    expect(buildQuery('post_comment', { todo: ['', 'b'] })).toBe('action=post_comment&todo%5B0%5D=&todo%5B1%5D=b');
  });

  it('builds a template node with Cyrillic, spaces, "&", "+", "%" and "=" exactly, and hashes that string', () => {
    // Дизайн: Д D0 94, и D0 B8, з D0 B7, а D0 B0, й D0 B9, н D0 BD; " & " → +%26+;
    // верстка: в D0 B2, е D0 B5, р U+0440 → D1 80, с D1 81, т D1 82, к D0 BA, а D0 B0; " + SEO" → +%2B+SEO.
    // Бриф 100%: Б D0 91, р D1 80, и D0 B8, ф U+0444 → D1 84, "+100%25"; a=b → a%3Db.
    const query = buildQuery('post_task', { id_project: '26', title: 'Дизайн & верстка + SEO', todo: ['Бриф 100%', 'a=b'] });
    const expected =
      'action=post_task&id_project=26' +
      '&title=%D0%94%D0%B8%D0%B7%D0%B0%D0%B9%D0%BD+%26+%D0%B2%D0%B5%D1%80%D1%81%D1%82%D0%BA%D0%B0+%2B+SEO' +
      '&todo%5B0%5D=%D0%91%D1%80%D0%B8%D1%84+100%25&todo%5B1%5D=a%3Db';
    expect(query).toBe(expected);
    // The hash covers exactly the string sent, and comes last.
    expect(signAdminQuery(query, KEY)).toBe(`${expected}&hash=${nodeMd5(expected + KEY)}`);
  });

  it('refuses to let parameters override action or hash', () => {
    expect(() => buildQuery('get_tasks', { hash: 'x' })).toThrow(RangeError);
    expect(() => buildQuery('get_tasks', { action: 'delete_costs' })).toThrow(RangeError);
    expect(() => buildQuery('get tasks&x=1', {})).toThrow(RangeError);
  });
});

describe('SHA-256 and HMAC-SHA256', () => {
  it('match FIPS 180-4 and RFC 4231 test vectors', () => {
    expect(sha256('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    // RFC 4231 test case 1 (key 20 × 0x0b) and 2 (key "Jefe").
    expect(hmacSha256('\x0b'.repeat(20), 'Hi There')).toBe('b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7');
    expect(hmacSha256('Jefe', 'what do ya want for nothing?')).toBe('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
  });

  it('agrees with node:crypto across block boundaries and for keys longer than a block', () => {
    for (const length of [0, 1, 55, 56, 63, 64, 65, 119, 120, 200]) {
      const text = 'ж'.repeat(length);
      expect(sha256(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
      expect(hmacSha256(text, `get_tasks:${length}`)).toBe(nodeHmac(text, `get_tasks:${length}`));
    }
  });
});

describe('adminAuthorization (the header scheme)', () => {
  it('is "Admin {t}_{hex}" with hex = HMAC-SHA256(key = API key, message = "action:t")', () => {
    // The signed message is the action, a colon and the Unix seconds: "get_tasks:1700000000".
    const header = adminAuthorization('get_tasks', 1_700_000_000, KEY);
    expect(header).toBe(`Admin 1700000000_${nodeHmac(KEY, 'get_tasks:1700000000')}`);
    expect(header).toMatch(/^Admin 1700000000_[0-9a-f]{64}$/);
  });

  it('refuses a time that is not whole seconds', () => {
    expect(() => adminAuthorization('get_tasks', 1.5, KEY)).toThrow(RangeError);
  });
});

describe('buildWireRequest', () => {
  const origin = 'https://demo.worksection.com';
  const params = { id_project: '26', title: 'Дизайн & верстка + SEO', todo: ['a b', 'c+d'], text: undefined };

  it('header scheme, admin key: POST /api/admin/v2?action=…, Admin header, JSON body with arrays as arrays', () => {
    const request = buildWireRequest({ origin, action: 'post_task', params, auth: { kind: 'admin', apiKey: KEY }, scheme: 'header', unixSeconds: 1_700_000_000 });
    expect(request.method).toBe('POST');
    expect(request.url).toBe(`${origin}/api/admin/v2?action=post_task`);
    expect(request.headers.Authorization).toBe(adminAuthorization('post_task', 1_700_000_000, KEY));
    expect(request.headers['Content-Type']).toBe('application/json; charset=utf-8');
    expect(JSON.parse(request.body!)).toEqual({ id_project: '26', title: 'Дизайн & верстка + SEO', todo: ['a b', 'c+d'] });
  });

  it('header scheme without parameters is a GET without body', () => {
    const request = buildWireRequest({ origin, action: 'get_users', params: {}, auth: { kind: 'admin', apiKey: KEY }, scheme: 'header', unixSeconds: 5 });
    expect(request).toMatchObject({ method: 'GET', url: `${origin}/api/admin/v2?action=get_users` });
    expect(request.body).toBeUndefined();
  });

  it('header scheme, OAuth: /api/oauth2?action=…, Bearer header, same JSON body', () => {
    const request = buildWireRequest({ origin, action: 'post_task', params, auth: { kind: 'oauth', accessToken: 'a.b.c' }, scheme: 'header', unixSeconds: 0 });
    expect(request.url).toBe(`${origin}/api/oauth2?action=post_task`);
    expect(request.headers.Authorization).toBe('Bearer a.b.c');
    expect(JSON.parse(request.body!).todo).toEqual(['a b', 'c+d']);
  });

  it('query scheme, admin key: GET with the PHP query and its md5 hash last, no Authorization', () => {
    const request = buildWireRequest({ origin, action: 'post_task', params, auth: { kind: 'admin', apiKey: KEY }, scheme: 'query', unixSeconds: 0 });
    const query = buildQuery('post_task', params);
    expect(request).toMatchObject({ method: 'GET', url: `${origin}/api/admin/v2/?${query}&hash=${nodeMd5(query + KEY)}` });
    expect(request.headers.Authorization).toBeUndefined();
    expect(request.body).toBeUndefined();
  });

  it('query scheme, OAuth: the PHP query with a Bearer header', () => {
    const request = buildWireRequest({ origin, action: 'get_users', params: {}, auth: { kind: 'oauth', accessToken: 'a.b.c' }, scheme: 'query', unixSeconds: 0 });
    expect(request.url).toBe(`${origin}/api/oauth2?action=get_users`);
    expect(request.headers.Authorization).toBe('Bearer a.b.c');
  });

  it('measures the request line the URL needs', () => {
    const request = buildWireRequest({ origin, action: 'get_users', params: {}, auth: { kind: 'oauth', accessToken: 'a.b.c' }, scheme: 'query', unixSeconds: 0 });
    expect(requestLineLength(request)).toBe('GET /api/oauth2?action=get_users HTTP/1.1'.length);
  });

  it('jsonBody leaves out undefined and is undefined for no parameters', () => {
    expect(jsonBody({ a: undefined })).toBeUndefined();
    expect(jsonBody({ 'todo[]': ['x'], n: 0 })).toEqual({ todo: ['x'], n: 0 });
  });
});
