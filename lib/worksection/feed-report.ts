// What the API sent that Account Desk did not understand, counted by kind with
// the first example's shape (keys and value types, never texts), for Diagnostics.

/** One parse's finding, before counting: a kind or reason with the example's shape. */
export interface FeedFinding {
  kind: string;
  shape: Record<string, string>;
}

export interface UnknownKind {
  /** e.g. "event post/timer" or "field get_tasks.some_new_key". */
  kind: string;
  count: number;
  /** The first example's shape: key → type ("string", "number", "object{…}", …). */
  shape: Record<string, string>;
  firstSeenAt: number;
  lastSeenAt: number;
}

export interface SkippedItems {
  /** e.g. "get_events: event without object.id". */
  reason: string;
  count: number;
  shape: Record<string, string>;
  firstSeenAt: number;
  lastSeenAt: number;
}

export interface FeedReport {
  unknown: UnknownKind[];
  skipped: SkippedItems[];
}

export const EMPTY_FEED_REPORT: FeedReport = { unknown: [], skipped: [] };

/** Keys and value types of a JSON value, one level deep (nested objects list their keys): no texts, no ids. */
export function shapeOf(value: unknown): Record<string, string> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { '': typeName(value) };
  const shape: Record<string, string> = {};
  for (const [key, inner] of Object.entries(value as Record<string, unknown>).slice(0, 40)) shape[key] = typeName(inner);
  return shape;
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `array(${value.length})`;
  if (typeof value === 'object') return `object{${Object.keys(value as object).slice(0, 12).join(',')}}`;
  return typeof value;
}
