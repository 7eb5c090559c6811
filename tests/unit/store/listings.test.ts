// The store listings quote the short description the package carries; when
// one changes, the other must too, or the store shows two different texts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const read = (file: string) => readFileSync(join(process.cwd(), file), 'utf8');

describe.each(['en', 'ru', 'uk'])('the %s store listing', (locale) => {
  const listing = read(`docs/store/listing.${locale}.md`);
  const messages = JSON.parse(read(`public/_locales/${locale}/messages.json`)) as Record<string, { message: string }>;
  const quoted = [...listing.matchAll(/^> (.+)$/gm)].map((match) => match[1]!);

  it('quotes the package\'s own name and short description', () => {
    expect(listing).toContain(`\n${messages.extName!.message}\n`);
    expect(quoted[0]).toBe(messages.extDescription!.message);
  });

  it('has an AMO summary within AMO\'s 250 characters', () => {
    expect(quoted).toHaveLength(2);
    expect([...quoted[1]!].length).toBeLessThanOrEqual(250);
  });
});
