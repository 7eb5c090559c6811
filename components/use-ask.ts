/**
 * The loading / error / ready state of what a component asks the background,
 * in one place: the answer for the latest `deps` wins (an answer for older
 * ones is dropped), and `reload()` asks again, keeping what is shown until
 * the new answer arrives. `shown`: an answer already at hand (the last one a
 * component showed before it was mounted again): ready at once, then
 * refreshed.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Problem, Result } from '@/lib/messages';

export type Asked<T> = { state: 'loading' } | { state: 'error'; problem: Problem } | { state: 'ready'; value: T };

export function useAsk<T>(
  load: () => Promise<Result<T>>,
  deps: readonly unknown[],
  shown?: T,
): { asked: Asked<T>; reload: () => Promise<void> } {
  const [asked, setAsked] = useState<Asked<T>>(shown === undefined ? { state: 'loading' } : { state: 'ready', value: shown });
  const first = useRef(true);
  const generation = useRef(0);
  const reload = useCallback(async () => {
    const run = ++generation.current;
    const reply = await load();
    if (run !== generation.current) return;
    setAsked(reply.ok ? { state: 'ready', value: reply.value } : { state: 'error', problem: reply.problem });
  }, deps);
  useEffect(() => {
    // The first ask of a component that already shows an answer keeps it until the new one.
    if (!first.current || shown === undefined) setAsked({ state: 'loading' });
    first.current = false;
    void reload();
    // A component gone (or asking for something else) takes no late answer.
    return () => void generation.current++;
  }, [reload]);
  return { asked, reload };
}

/** Both answers, or the first problem. */
export async function askBoth<A, B>(a: Promise<Result<A>>, b: Promise<Result<B>>): Promise<Result<[A, B]>> {
  const [first, second] = await Promise.all([a, b]);
  if (!first.ok) return first;
  if (!second.ok) return second;
  return { ok: true, value: [first.value, second.value] };
}
