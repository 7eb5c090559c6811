import { useEffect, useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import type { CaptureState } from './capture';
import { clockText, durationAttribute } from './format';

export interface ThreadTimeSource {
  /** Subscribe to capture changes; returns the unsubscribe. */
  subscribe(listener: (state: CaptureState) => void): () => void;
  /** Capture's state now (it may have changed between rendering and subscribing). */
  latest(): CaptureState;
  paused: boolean;
}

interface Props extends ThreadTimeSource {
  /** No anchor on this layout: shown in a small fixed dock. */
  docked: boolean;
}

/** "Time in this thread" today, ticking locally while this tab counts. */
export function ThreadTime({ subscribe, latest, paused, docked }: Props) {
  const [state, setState] = useState(latest);
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const unsubscribe = subscribe(setState);
    setState(latest());
    return unsubscribe;
  }, [subscribe]);
  useEffect(() => {
    if (!state.counting) return;
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [state.counting]);
  const shownMs = state.todayMs + (state.counting ? Math.max(0, now - state.measuredAt) : 0);
  return (
    <section class={docked ? 'thread docked-thread' : 'thread'} role="region" aria-label={t('timeThreadRegion')} data-counting={String(state.counting)}>
      <span class="mark" aria-hidden="true">AD</span>
      <span>{t('timeThreadToday')}</span>
      <time class="clock" dateTime={durationAttribute(shownMs)}>
        {clockText(shownMs)}
      </time>
      <span class="muted">{paused ? t('timePaused') : state.counting ? t('timeCounting') : t('timeNotCounting')}</span>
    </section>
  );
}
