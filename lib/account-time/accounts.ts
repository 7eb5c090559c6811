// Whose account a session or manual entry belongs to, for what the widget and
// the reports show. Rows carry the origin of the account they were recorded
// for; rows from before accounts were tracked carry none and are shown as the
// account's being looked at (write-back is stricter: belongsToAccount).

/** The host of the other account a row was recorded for; undefined when it is `origin`'s, or when there is no account to compare with. */
export function otherAccountOf(row: { origin?: string }, origin: string | undefined): string | undefined {
  if (origin === undefined || row.origin === undefined || row.origin === origin) return undefined;
  try {
    return new URL(row.origin).host;
  } catch {
    return row.origin;
  }
}

/** Rows of `origin`'s account, and the other accounts' rows by host (hosts in first-seen order). */
export function splitByAccount<T extends { origin?: string }>(rows: Iterable<T>, origin: string | undefined): { own: T[]; others: Map<string, T[]> } {
  const own: T[] = [];
  const others = new Map<string, T[]>();
  for (const row of rows) {
    const host = otherAccountOf(row, origin);
    if (host === undefined) own.push(row);
    else others.set(host, [...(others.get(host) ?? []), row]);
  }
  return { own, others };
}
