// Account share (DESIGN §2) = account time / project time for the same
// period, against the 10 % target; and what that time costs.
import type { ShareThresholds } from './types';

export const DEFAULT_SHARE_THRESHOLDS: ShareThresholds = Object.freeze({ green: 10, amber: 15 });

export type ShareLevel = 'green' | 'amber' | 'red';

export type AccountShare =
  | { kind: 'share'; /** 0.08 = 8 % */ ratio: number; percent: number; level: ShareLevel; accountMinutes: number; projectMinutes: number }
  /** Nothing logged on the project (and no account time in it): a share would be a division by zero. */
  | { kind: 'no-project-hours'; accountMinutes: number };

export interface ShareInput {
  /** All account time in the period (sessions and manual entries), written back or not. */
  accountMinutes: number;
  /** `get_costs_total` for the project and period: already includes account time written back. */
  loggedMinutes: number;
  /** Account time in the period not (yet) written back; counts as project time only when write-back is on. */
  unwrittenMinutes: number;
  writeBack: boolean;
}

export function shareLevel(percent: number, thresholds: ShareThresholds = DEFAULT_SHARE_THRESHOLDS): ShareLevel {
  if (percent <= thresholds.green) return 'green';
  if (percent <= thresholds.amber) return 'amber';
  return 'red';
}

/**
 * With write-back on, account time is part of the project's logged time:
 * what has been written back is already in `loggedMinutes` (never added
 * again), what hasn't yet is added, so the share doesn't jump when a batch
 * is sent. With write-back off, project time is what Worksection has.
 */
export function accountShare(input: ShareInput, thresholds: ShareThresholds = DEFAULT_SHARE_THRESHOLDS): AccountShare {
  for (const [name, value] of Object.entries(input)) {
    if (typeof value === 'number' && !(Number.isFinite(value) && value >= 0)) {
      throw new RangeError(`${name} must be a non-negative number of minutes, not ${value}`);
    }
  }
  const projectMinutes = input.loggedMinutes + (input.writeBack ? Math.min(input.unwrittenMinutes, input.accountMinutes) : 0);
  if (projectMinutes <= 0) return { kind: 'no-project-hours', accountMinutes: input.accountMinutes };
  const ratio = input.accountMinutes / projectMinutes;
  const percent = ratio * 100;
  return { kind: 'share', ratio, percent, level: shareLevel(percent, thresholds), accountMinutes: input.accountMinutes, projectMinutes };
}

/** Cost = hours × the hourly rate, rounded to cents; null without a rate. */
export function accountCost(minutes: number, hourlyRate: number | null): number | null {
  if (hourlyRate === null) return null;
  if (!(Number.isFinite(minutes) && minutes >= 0)) throw new RangeError(`Minutes must be non-negative, not ${minutes}`);
  return Math.round((minutes / 60) * hourlyRate * 100) / 100;
}
