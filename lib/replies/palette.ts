import type { ReplyState } from './types';

/**
 * The one set of colours for reply states, on the page badges, the popup
 * queue and the toolbar badge: background and text, each pair at least 4.5:1
 * (WCAG AA for small text).
 */
export const REPLY_STATE_COLOURS = {
  ok: { background: '#1e7b34', text: '#ffffff' },
  soon: { background: '#f6c453', text: '#3d2a00' },
  late: { background: '#c2410c', text: '#ffffff' },
  escalated: { background: '#9b1c1c', text: '#ffffff' },
} as const satisfies Record<ReplyState, { background: string; text: string }>;
