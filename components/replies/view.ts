/**
 * What a reply badge says about one waiting thread at a given instant: its
 * state, the short wait on the badge, the accessible name, the tooltip, and
 * the task page's line. Plain values in, plain strings out (through i18n).
 */
import { t, type MessageKey } from '@/lib/i18n';
import type { WaitingThread } from '@/lib/replies/protocol';
import { describeWait, formatWait, runningClock } from '@/lib/replies/wait';
import type { ReplyClock, ReplyState } from '@/lib/replies/types';
import type { Settings } from '@/lib/settings';

/** The settings a badge's clock needs; a whole `Settings` fits. */
export type ClockRules = Pick<Settings, 'replyThresholds'>;

export interface BadgeView {
  state: ReplyState;
  /** On the badge: "23m", "2h 5m". */
  text: string;
  /** Accessible name: "Client waiting 23 minutes, late" (the state too: colour must not be the only cue). */
  label: string;
  /** Tooltip: client, calendar and business-hours wait, state. */
  tooltip: string;
  /** The task page's line beside the badge: "Olena Petrenko waiting 23m · 12m in business hours". */
  line: string;
}

const STATE_NAMES: Record<ReplyState, MessageKey> = {
  ok: 'badgeStateOk',
  soon: 'badgeStateSoon',
  late: 'badgeStateLate',
  escalated: 'badgeStateEscalated',
};

export function stateName(state: ReplyState): string {
  return t(STATE_NAMES[state]);
}

/**
 * The thread's reply clock at `now`, moved on from the background's reading
 * (so ages move on between answers), and whether that reading still holds
 * (false: a working window began or ended since; ask the background again).
 */
export function readClock(thread: WaitingThread, now: number, rules: ClockRules): { clock: ReplyClock; fresh: boolean } {
  return runningClock(thread.waitingSince, thread.business, now, rules.replyThresholds);
}

export function badgeView(thread: WaitingThread, clock: ReplyClock): BadgeView {
  // A name is data from Worksection: it only ever reaches textContent or an attribute.
  const client = thread.client.name.trim() || t('badgeSomeClient');
  const calendar = formatWait(clock.calendarMinutes);
  const business = formatWait(clock.businessMinutes);
  const state = stateName(clock.state);
  return {
    state: clock.state,
    text: calendar,
    label: t('badgeLabel', [describeWait(clock.calendarMinutes), state]),
    tooltip: t('badgeTooltip', [client, calendar, business, state]),
    line: t('badgeTaskLine', [client, calendar, business]),
  };
}
