/** What every TypeScript bench returns to scripts/bench.mjs, and the statistic they share. */
export interface BenchRow {
  metric: string;
  value: string;
  baseline?: string;
  budget?: string;
  within?: boolean | null;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
