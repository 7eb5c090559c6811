// HTML building blocks. Everything from the account is text: it goes through
// `esc` (or `multiline`) before it reaches markup.

export function esc(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Escaped text with its line breaks kept. */
export function multiline(text: string): string {
  return text.split(/\r?\n/).map(esc).join('<br>');
}

/** Marks a string as already-safe markup built by the page code. */
export type Html = string;

export type Layout = 'classic' | 'unknown';

/** Links keep the layout variant, so a test stays in it while navigating. */
export function href(path: string, layout: Layout): string {
  return layout === 'unknown' ? `${path}?layout=unknown` : path;
}

export function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((word) => word[0]?.toUpperCase() ?? '')
    .join('');
}

/** A colour per person, stable across pages. */
export function avatarHue(id: string): number {
  let hash = 0;
  for (const char of id) hash = (hash * 31 + char.charCodeAt(0)) % 360;
  return hash;
}

export function fileSize(bytes: number): string {
  if (bytes >= 1_048_576) return `${(bytes / 1_048_576).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
