/**
 * Account time on a task page: asks the background whether this is a client
 * thread, and only then captures engaged time and imports the view. A thread
 * that isn't a client's costs one message and leaves no trace on the page.
 */
import { ask } from '@/lib/messages';
import type { FeatureContext } from '@/lib/page/feature';
import { startCapture, type CaptureState } from './capture';

export async function mountThreadTime(context: FeatureContext<'task'>): Promise<void> {
  const { signal, origin, page } = context;
  const reply = await ask('time/thread', { origin, taskId: page.taskId });
  // Not connected, the feature is off, or not a client thread: nothing counts, nothing shows.
  if (signal.aborted || !reply.ok || !reply.value || !reply.value.clientThread) return;
  const thread = reply.value;

  let last: CaptureState = { counting: false, todayMs: thread.todayMs, measuredAt: Date.now() };
  const listeners = new Set<(state: CaptureState) => void>();
  startCapture(signal, {
    origin,
    taskId: thread.taskId,
    projectId: thread.projectId,
    idleSeconds: thread.idleSeconds,
    todayMs: thread.todayMs,
    onChange(state) {
      last = state;
      for (const listener of listeners) listener(state);
    },
  });
  const { showThreadTime } = await import('./thread-view');
  showThreadTime(context, {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    latest: () => last,
    paused: thread.paused,
  });
}
