/**
 * What the API sent that Account Desk did not know, per account, in
 * storage.local: kinds and reasons with counts and the first example's shape
 * (keys and types, never texts). Diagnostics shows it (wire.ts).
 */
import { browser } from 'wxt/browser';
import { EMPTY_FEED_REPORT, type FeedFinding, type FeedReport, type SkippedItems, type UnknownKind } from '../worksection/feed-report';

const FEED_KEY = 'wireFeedReport';
/** Kinds and reasons kept per account; the rest are dropped (oldest-seen first). */
const MAX_ENTRIES = 50;

type StoredReports = Record<string, FeedReport>;

async function readReports(): Promise<StoredReports> {
  const { [FEED_KEY]: stored } = await browser.storage.local.get(FEED_KEY);
  return (stored as StoredReports | undefined) ?? {};
}

function merge<T extends UnknownKind | SkippedItems>(
  list: T[],
  findings: readonly FeedFinding[],
  key: 'kind' | 'reason',
  now: number,
): T[] {
  const next = list.map((entry) => ({ ...entry }));
  for (const finding of findings) {
    const existing = next.find((entry) => (entry as unknown as Record<string, unknown>)[key] === finding.kind);
    if (existing) {
      existing.count += 1;
      existing.lastSeenAt = now;
    } else {
      next.push({ [key]: finding.kind, count: 1, shape: finding.shape, firstSeenAt: now, lastSeenAt: now } as unknown as T);
    }
  }
  return next.sort((a, b) => b.lastSeenAt - a.lastSeenAt).slice(0, MAX_ENTRIES);
}

/** Adds a parse's unknown kinds and skipped items to the account's counts. */
export async function recordFeedFindings(
  origin: string,
  findings: { unknown: readonly FeedFinding[]; skipped: readonly FeedFinding[] },
  now = Date.now(),
): Promise<void> {
  if (findings.unknown.length === 0 && findings.skipped.length === 0) return;
  const reports = await readReports();
  const report = reports[origin] ?? EMPTY_FEED_REPORT;
  reports[origin] = {
    unknown: merge(report.unknown, findings.unknown, 'kind', now),
    skipped: merge(report.skipped, findings.skipped, 'reason', now),
  };
  await browser.storage.local.set({ [FEED_KEY]: reports });
}

export async function feedReport(origin: string): Promise<FeedReport> {
  return (await readReports())[origin] ?? EMPTY_FEED_REPORT;
}

