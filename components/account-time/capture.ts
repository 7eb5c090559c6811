/**
 * Capture on a client-thread task page: heartbeats to the background while
 * this tab is visible and focused and the user was active within the idle
 * limit; a stop the moment any of that ends (hidden, blur, idle, leaving).
 * The background owns the sessions; this only reports what it sees.
 */
import type { StopReason } from '@/lib/account-time/types';
import { ask } from '@/lib/messages';

/** Heartbeats come well inside the idle limit, so a normal gap never looks like idle. */
export const heartbeatInterval = (idleSeconds: number) => Math.min(15_000, (idleSeconds * 1000) / 3);
const MOUSEMOVE_THROTTLE_MS = 1000;
const FOCUS_BEAT_THROTTLE_MS = 1000;

export interface CaptureState {
  counting: boolean;
  todayMs: number;
  /** When `todayMs` was measured (to tick locally while counting). */
  measuredAt: number;
}

export interface CaptureOptions {
  origin: string;
  taskId: string;
  projectId: string;
  idleSeconds: number;
  /** Time in this thread today as the background last said. */
  todayMs: number;
  onChange(state: CaptureState): void;
}

/**
 * Starts capture for one thread until `signal` aborts (leaving the thread,
 * the feature switched off) or the returned function is called; either sends
 * a final stop.
 */
export function startCapture(signal: AbortSignal, options: CaptureOptions): (reason: StopReason) => void {
  const idleMs = options.idleSeconds * 1000;
  const now = () => Date.now();
  // Arriving on the page is itself input (a click or a keypress navigated here).
  let lastActivityAt = now();
  let focusedAt = document.hasFocus() ? now() : 0;
  let counting = false;
  let stopped = false;
  let lastMouseMove = 0;
  // This page load's id: a new load in the same tab is a new session, even if this one's goodbye is lost.
  const pageId = crypto.randomUUID();
  let shown: CaptureState = { counting: false, todayMs: options.todayMs, measuredAt: now() };
  const show = (state: CaptureState) => {
    shown = state;
    options.onChange(state);
  };
  // Its own lifetime (a thread ends on in-page navigation too), and the page's.
  const lifetime = new AbortController();
  signal.addEventListener('abort', () => end('leave'), { once: true });

  const engaged = () => document.visibilityState === 'visible' && document.hasFocus() && now() - lastActivityAt <= idleMs;

  let lastBeatAt = 0;
  const beat = async () => {
    if (stopped) return;
    lastBeatAt = now();
    const reply = await ask('time/heartbeat', {
      origin: options.origin,
      taskId: options.taskId,
      projectId: options.projectId,
      lastActivityAt,
      focusedAt,
      pageId,
    });
    if (!reply.ok || stopped) return;
    counting = reply.value.counting;
    show({ counting, todayMs: reply.value.todayMs, measuredAt: now() });
  };

  /** A beat now, or as soon as the throttle allows (never dropped: it may carry a focus change). */
  let pendingBeat: number | undefined;
  const beatSoon = () => {
    const wait = lastBeatAt + FOCUS_BEAT_THROTTLE_MS - now();
    if (wait <= 0) return void beat();
    pendingBeat ??= window.setTimeout(() => {
      pendingBeat = undefined;
      if (engaged()) void beat();
    }, wait);
  };

  const stop = (reason: StopReason) => {
    if (!counting) return;
    counting = false;
    void ask('time/stop', { lastActivityAt, reason });
    // The background back-dates an idle stop; until it is asked again, show what was seen.
    const end = reason === 'idle' ? Math.max(shown.measuredAt, lastActivityAt) : now();
    show({ counting: false, todayMs: shown.todayMs + Math.max(0, end - shown.measuredAt), measuredAt: now() });
  };

  const activity = (kind: 'input' | 'focus-input' | 'move') => {
    if (stopped) return;
    const at = now();
    if (kind === 'move') {
      if (at - lastMouseMove < MOUSEMOVE_THROTTLE_MS) return;
      lastMouseMove = at;
    }
    // A click or a keypress can only land in the focused window.
    lastActivityAt = at;
    if (kind === 'focus-input') {
      focusedAt = at;
      // This tab may just have taken the clock from another one: say so now
      // (at most once a second while typing), not at the next heartbeat.
      if (engaged()) beatSoon();
      return;
    }
    if (!counting && engaged()) void beat();
  };

  const passive = { passive: true, capture: true, signal: lifetime.signal };
  window.addEventListener('keydown', () => activity('focus-input'), passive);
  window.addEventListener('pointerdown', () => activity('focus-input'), passive);
  window.addEventListener('wheel', () => activity('input'), passive);
  window.addEventListener('scroll', () => activity('input'), passive);
  window.addEventListener('mousemove', () => activity('move'), passive);
  window.addEventListener(
    'focus',
    () => {
      focusedAt = now();
      activity('input');
    },
    { signal: lifetime.signal },
  );
  window.addEventListener('blur', () => stop('blur'), { signal: lifetime.signal });
  document.addEventListener(
    'visibilitychange',
    () => {
      if (document.visibilityState === 'hidden') stop('hidden');
      else activity('input');
    },
    { signal: lifetime.signal },
  );
  window.addEventListener('pagehide', () => stop('leave'), { signal: lifetime.signal });

  const timer = window.setInterval(() => {
    if (engaged()) void beat();
    else if (counting) stop(now() - lastActivityAt > idleMs ? 'idle' : 'hidden');
  }, heartbeatInterval(options.idleSeconds));
  lifetime.signal.addEventListener('abort', () => {
    window.clearInterval(timer);
    window.clearTimeout(pendingBeat);
  });

  if (engaged()) void beat();

  function end(reason: StopReason) {
    if (stopped) return;
    stop(reason);
    stopped = true;
    lifetime.abort();
  }
  return end;
}
