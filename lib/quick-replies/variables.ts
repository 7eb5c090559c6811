// A reply's variables: `{client_first_name}` is filled from the page and the
// API; `{client_first_name|there}` says what to write when there is no value;
// a variable with neither is asked for before the reply goes in. Anything in
// braces that is not a known variable stays as it is written. Pure.

export const REPLY_VARIABLES = ['client_name', 'client_first_name', 'project', 'task', 'due_date', 'my_name', 'today'] as const;
export type ReplyVariable = (typeof REPLY_VARIABLES)[number];

/** The values known for a reply; a missing or blank one has none. */
export type ReplyValues = Partial<Record<ReplyVariable, string>>;

const isVariable = (name: string): name is ReplyVariable => (REPLY_VARIABLES as readonly string[]).includes(name);

/** `{name}` or `{name|fallback}`: the fallback may be empty, and holds no braces or line breaks. */
const PLACEHOLDER = /\{\s*([a-z_]+)\s*(?:\|([^{}\n]*))?\}/g;

export type ReplyPart = { text: string } | { variable: ReplyVariable; fallback?: string };

/** The body as text and variables, in order. */
export function replyParts(body: string): ReplyPart[] {
  const parts: ReplyPart[] = [];
  let last = 0;
  for (const match of body.matchAll(PLACEHOLDER)) {
    const name = match[1]!;
    if (!isVariable(name)) continue;
    if (match.index > last) parts.push({ text: body.slice(last, match.index) });
    parts.push(match[2] === undefined ? { variable: name } : { variable: name, fallback: match[2].trim() });
    last = match.index + match[0].length;
  }
  if (last < body.length) parts.push({ text: body.slice(last) });
  return parts;
}

const valueOf = (values: ReplyValues, name: ReplyVariable): string | undefined => {
  const value = values[name]?.trim();
  return value ? value : undefined;
};

/** The variables the reply uses that have neither a value nor a fallback, once each, in order: what to ask. */
export function missingVariables(body: string, values: ReplyValues): ReplyVariable[] {
  const missing: ReplyVariable[] = [];
  for (const part of replyParts(body)) {
    if ('text' in part || part.fallback !== undefined || valueOf(values, part.variable) !== undefined) continue;
    if (!missing.includes(part.variable)) missing.push(part.variable);
  }
  return missing;
}

/** Every variable the reply uses, once each. */
export function usedVariables(body: string): ReplyVariable[] {
  return [...new Set(replyParts(body).flatMap((part) => ('variable' in part ? [part.variable] : [])))];
}

/** The reply with its variables filled: the value, else the fallback, else the placeholder as written (ask first). */
export function fillReply(body: string, values: ReplyValues): string {
  return replyParts(body)
    .map((part) => ('text' in part ? part.text : valueOf(values, part.variable) ?? part.fallback ?? `{${part.variable}}`))
    .join('');
}

/** The first name of a person as Worksection writes it ("Aigerim Sadykova" → "Aigerim"). */
export function firstName(name: string | undefined): string | undefined {
  const first = name?.trim().split(/\s+/)[0];
  return first ? first : undefined;
}
