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

/**
 * classic: the anchors third-party integrations use, pages swapped in place;
 * modal: the same pages, but a task opens in a ThickBox-style modal over the
 * project's task list and the address stays; unknown: none of the anchors.
 */
export type Layout = 'classic' | 'modal' | 'unknown';

/**
 * plain: the comment form's `textarea[name=text]`; rich: a contenteditable
 * editor in `<p>` paragraphs (as CKEditor- or ProseMirror-style editors
 * are), its text posted through a hidden field.
 */
export type CommentEditor = 'plain' | 'rich';

/** How a page variant is served: its layout, whether links load whole pages (no in-page navigation), and its comment editor. */
export interface PageMode {
  layout: Layout;
  reload: boolean;
  editor: CommentEditor;
}

export function pageMode(search: URLSearchParams): PageMode {
  const layout = search.get('layout');
  return {
    layout: layout === 'unknown' || layout === 'modal' ? layout : 'classic',
    reload: search.get('nav') === 'reload',
    editor: search.get('editor') === 'rich' ? 'rich' : 'plain',
  };
}

/** "?layout=…&nav=reload&editor=rich" for a variant, "" for the default one. */
export function modeQuery(mode: PageMode): string {
  const params = new URLSearchParams();
  if (mode.layout !== 'classic') params.set('layout', mode.layout);
  if (mode.reload) params.set('nav', 'reload');
  if (mode.editor !== 'plain') params.set('editor', mode.editor);
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** Links keep the page variant, so a test stays in it while navigating. */
export function href(path: string, mode: PageMode): string {
  return `${path}${modeQuery(mode)}`;
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
