/**
 * The extension's English messages behind browser.i18n.getMessage, with
 * Chrome's substitution rules, for unit tests (WXT's fake browser leaves
 * getMessage unimplemented).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

const messages = JSON.parse(readFileSync(join(process.cwd(), 'public/_locales/en/messages.json'), 'utf8')) as Messages;

/** $NAME$ is its placeholder's content, in which $1…$9 are the substitutions; an unknown key is "". */
export function englishMessage(key: string, substitutions?: string | string[]): string {
  const entry = messages[key];
  if (!entry) return '';
  const subs = substitutions === undefined ? [] : [substitutions].flat();
  return entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (_, name: string) => {
    const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
    return content.replace(/\$(\d)/g, (_match, index: string) => subs[Number(index) - 1] ?? '');
  });
}
