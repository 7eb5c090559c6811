/**
 * What a reply badge says about one waiting thread at a given instant: its
 * state, the short wait on the badge, the accessible name, the tooltip, and
 * the task page's line. Plain values in, plain strings out (through i18n).
 */
import { t, type MessageKey } from '@/lib/i18n';
import type { WaitingThread } from '@/lib/replies/protocol';
import { businessCalendar, type BusinessCalendar } from '@/lib/replies/business-hours';
import { describeWait, formatWait, replyClock } from '@/lib/replies/clock';
import type { ReplyClock, ReplyState } from '@/lib/replies/types';
import type { Settings } from '@/lib/settings';

/** The settings a badge's clock needs; a whole `Settings` fits. */
export type ClockRules = Pick<Settings, 'businessHours' | 'replyThresholds'>;

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
 * A clock reader for `rules`: the thread's reply clock at any instant,
 * computed here, so ages move on between answers from the background.
 */
export function clockReader(rules: ClockRules): (thread: WaitingThread, now: number) => ReplyClock {
  let calendar: BusinessCalendar | undefined;
  return (thread, now) => {
    calendar ??= businessCalendar(rules.businessHours);
    return replyClock(thread.waitingSince, now, calendar, rules.replyThresholds);
  };
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
