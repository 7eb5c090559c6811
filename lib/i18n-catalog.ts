/**
 * A locale's messages.json compiled for a lookup without `browser.i18n`:
 * Worksection pages read their strings from such a catalog (the first
 * `i18n.getMessage` in a page's content script waits on the browser process
 * for the whole message bundle, the costliest step of the page's load).
 *
 * Compiling resolves Chrome's named placeholders ahead of time: "$HOST$"
 * with `placeholders.host.content` "$1" becomes "$1", so a lookup only puts
 * substitutions in. The rules are Chrome's: placeholder names are
 * case-insensitive, $1…$9 are the substitutions, a missing one is "", and
 * "$$" is a dollar sign.
 */

export type MessagesFile = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
/** Key → message text with only $1…$9 left in it. */
export type Catalog = Record<string, string>;

const PLACEHOLDER = /\$([A-Za-z0-9_@]+)\$/g;
const SUBSTITUTION = /\$(\$|\d)/g;

export function compileMessages(file: MessagesFile): Catalog {
  const catalog: Catalog = {};
  for (const [key, entry] of Object.entries(file)) {
    catalog[key] = entry.message.replace(PLACEHOLDER, (_, name: string) => {
      const content = entry.placeholders?.[name.toLowerCase()]?.content;
      if (content === undefined) throw new Error(`messages.json: "${key}" uses $${name}$, which has no placeholder`);
      return content;
    });
  }
  return catalog;
}

/** The catalog's text for `key` with `substitutions` put in; "" for an unknown key (as getMessage answers). */
export function lookUp(catalog: Catalog, key: string, substitutions?: readonly string[]): string {
  const text = Object.hasOwn(catalog, key) ? catalog[key]! : '';
  if (!text.includes('$')) return text;
  return text.replace(SUBSTITUTION, (_, index: string) => (index === '$' ? '$' : (substitutions?.[Number(index) - 1] ?? '')));
}

/**
 * The locale folder that serves `language` (a BCP 47 tag such as "ru-RU"),
 * as Chrome picks it: the exact region ("ru_RU"), then the language ("ru"),
 * then `fallback`.
 */
export function pickLocale(language: string, available: readonly string[], fallback: string): string {
  const exact = language.replace('-', '_');
  const lower = available.map((locale) => locale.toLowerCase());
  const index = lower.indexOf(exact.toLowerCase());
  if (index >= 0) return available[index]!;
  const base = lower.indexOf(exact.split('_')[0]!.toLowerCase());
  return base >= 0 ? available[base]! : fallback;
}
