// When to try a failed request again.

/**
 * Retry-After as milliseconds from `now`: either delta-seconds ("120") or an
 * HTTP date. Undefined when absent or unreadable.
 */
export function parseRetryAfter(header: string | null | undefined, now: number): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}

export interface BackoffPolicy {
  /** First delay; each retry doubles it. */
  baseMs: number;
  /** Upper bound for one computed delay. */
  maxMs: number;
  /** 0 ≤ random() < 1, injectable for deterministic tests. */
  random: () => number;
}

/**
 * Delay before retry number `attempt` (0 for the first retry): exponential with
 * "equal jitter" — half fixed, half random — so many clients that failed
 * together don't come back together, yet the wait never collapses to zero.
 */
export function backoffDelay(attempt: number, policy: BackoffPolicy): number {
  const exponential = Math.min(policy.maxMs, policy.baseMs * 2 ** attempt);
  return exponential / 2 + (policy.random() * exponential) / 2;
}
