/**
 * The badge element put into Worksection's page: a host element with an open
 * shadow root, so the host page's CSS can't restyle it, and whose inside is
 * built only with textContent and attributes (names are hostile input).
 *
 * Accessibility: the visible pill is `role="img"` with an aria-label starting
 * "Client waiting" ("Client waiting 23 minutes, late"): screen readers read
 * one phrase instead of "23m", and tests find it with
 * `getByRole('img', { name: /^Client waiting/ })`. The tooltip (`title`)
 * becomes its description.
 */
import { REPLY_STATE_COLOURS } from '@/lib/replies/palette';
import type { BadgeView } from './view';

/** Tag of every badge host (a valid custom element name, so it can hold a shadow root without being defined). */
export const BADGE_TAG = 'account-desk-reply';


export type BadgeVariant = 'row' | 'task';

// `!important` in the shadow root outranks even `!important` host rules on the host element.
const CSS = `
:host{all:initial!important;display:inline-flex!important;align-items:center!important;gap:6px!important;
  margin:0 0 0 8px!important;vertical-align:middle!important;
  font:600 11px/16px system-ui,-apple-system,'Segoe UI',Roboto,sans-serif!important;}
:host([data-variant=task]){font-size:12px!important;line-height:18px!important;}
.pill{display:inline-block;padding:0 6px;border-radius:8px;white-space:nowrap;cursor:default;
  font-variant-numeric:tabular-nums;}
${Object.entries(REPLY_STATE_COLOURS)
  .map(([state, { background, text }]) => `.pill[data-state=${state}]{background:${background};color:${text};}`)
  .join('\n')}
.line{font-weight:400;color:#3e4c59;white-space:nowrap;}
`;

interface Parts {
  pill: HTMLElement;
  line?: HTMLElement;
  /** What is shown now, to skip writes that change nothing. */
  shown?: string;
}

/** Shadow parts by host, so a re-render touches the existing nodes. */
const partsByHost = new WeakMap<Element, Parts>();

export function createBadge(doc: Document, variant: BadgeVariant): HTMLElement {
  const host = doc.createElement(BADGE_TAG);
  host.setAttribute('data-variant', variant);
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = CSS;
  const pill = doc.createElement('span');
  pill.className = 'pill';
  pill.setAttribute('role', 'img');
  shadow.append(style, pill);
  const parts: Parts = { pill };
  if (variant === 'task') {
    parts.line = doc.createElement('span');
    parts.line.className = 'line';
    shadow.append(parts.line);
  }
  partsByHost.set(host, parts);
  return host;
}

/** Shows `view` in `host` (made by createBadge); no DOM write when nothing changed. */
export function renderBadge(host: Element, view: BadgeView): void {
  const parts = partsByHost.get(host);
  if (!parts) throw new Error(`reply badges: this ${host.localName} was not made by createBadge`);
  const shown = `${view.state}\n${view.text}\n${view.label}\n${view.tooltip}\n${parts.line ? view.line : ''}`;
  if (parts.shown === shown) return;
  parts.shown = shown;
  host.setAttribute('data-state', view.state);
  parts.pill.setAttribute('data-state', view.state);
  parts.pill.setAttribute('aria-label', view.label);
  parts.pill.setAttribute('title', view.tooltip);
  parts.pill.textContent = view.text;
  if (parts.line) parts.line.textContent = view.line;
}

/**
 * True when `host` was made by this instance of the content script (an
 * extension update leaves the previous instance's badges behind, unowned).
 */
export function ownsBadge(host: Element): boolean {
  return partsByHost.has(host);
}
