import { describe, expect, it } from 'vitest';
import { isWorksectionHost, parseAccountUrl } from '../../../lib/worksection/account-url';

describe('parseAccountUrl accepts', () => {
  const accepted: [string, string, boolean][] = [
    ['demo', 'https://demo.worksection.com', true],
    ['  demo  ', 'https://demo.worksection.com', true],
    ['acc-1234', 'https://acc-1234.worksection.com', true],
    ['demo.worksection.com', 'https://demo.worksection.com', true],
    ['DEMO.Worksection.COM', 'https://demo.worksection.com', true],
    ['demo.worksection.eu', 'https://demo.worksection.eu', true],
    ['demo.worksection.net', 'https://demo.worksection.net', true],
    ['https://demo.worksection.com', 'https://demo.worksection.com', true],
    ['https://demo.worksection.com/', 'https://demo.worksection.com', true],
    ['https://demo.worksection.com/project/1/', 'https://demo.worksection.com', true],
    ['https://demo.worksection.com/project/6622/330090/#com19086', 'https://demo.worksection.com', true],
    ['http://demo.worksection.com/project/1/', 'https://demo.worksection.com', true],
    ['demo.worksection.com/project/1/?tab=files', 'https://demo.worksection.com', true],
    ['demo.worksection.com.', 'https://demo.worksection.com', true],
    ['pm.agency.kz', 'https://pm.agency.kz', false],
    ['https://tasks.example.com/project/1/', 'https://tasks.example.com', false],
    ['tasks.example.com:8443', 'https://tasks.example.com:8443', false],
  ];
  it.each(accepted)('%s', (input, origin, hosted) => {
    const result = parseAccountUrl(input);
    expect(result).toEqual({ ok: true, origin, host: new URL(origin).host, hosted });
  });
});

describe('parseAccountUrl rejects', () => {
  it.each(['', '   ', '\n'])('empty %j', (input) => {
    const result = parseAccountUrl(input);
    expect(result).toMatchObject({ ok: false, problem: 'empty' });
  });

  const rejected: [string, RegExp][] = [
    ['demo worksection.com', /spaces/],
    ['https://demo.worksection .com', /spaces/],
    ['ftp://demo.worksection.com', /"ftp:"/],
    ['javascript:alert(1)', /"javascript:"/],
    ['mailto:pm@demo.worksection.com', /"mailto:"/],
    ['chrome-extension://abc/options.html', /"chrome-extension:"/],
    ['worksection.com', /Worksection's own site/],
    ['https://www.worksection.com/en/', /Worksection's own site/],
    ['worksection.eu', /Worksection's own site/],
    ['www.demo.worksection.com', /not an account address/],
    ['a.b.worksection.com', /not an account address/],
    ['https://user:pass@demo.worksection.com', /user name and password/],
    ['https://user@demo.worksection.com', /user name and password/],
    ['127.0.0.1', /IP address/],
    ['https://[::1]/', /IP address/],
    ['localhost:3000', /not a web address/],
    ['demo..worksection.com', /not a web address/],
    ['-demo.worksection.com', /not a web address/],
    ['demo_1.example.com', /not a web address/],
    ['https://', /not a web address/],
    ['https:///project/1', /not a web address/],
    ['demo.123', /not a web address/],
  ];
  it.each(rejected)('%s', (input, message) => {
    const result = parseAccountUrl(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem).toBe('malformed');
    expect(result.message).toMatch(message);
  });
});

describe('isWorksectionHost', () => {
  it.each([
    ['demo.worksection.com', true],
    ['demo.worksection.eu', true],
    ['demo.worksection.net', true],
    ['DEMO.WORKSECTION.COM', true],
    ['demo.worksection.com:443', true],
    ['worksection.com', false],
    ['www.worksection.com', false],
    ['worksection.com.evil.net', false],
    ['demo.worksection.com.evil.net', false],
    ['evilworksection.com', false],
    ['demo.evil-worksection.com', false],
    ['demo.worksection.org', false],
    ['a.b.worksection.com', false],
    ['', false],
  ])('%s → %s', (host, expected) => {
    expect(isWorksectionHost(host)).toBe(expected);
  });
});
