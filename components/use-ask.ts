/**
 * The loading / error / ready state of what a component asks the background,
 * in one place: the answer for the latest `deps` wins (an answer for older
 * ones is dropped), and `reload()` asks again, keeping what is shown until
 * the new answer arrives. `kept`: a page-wide store of each key's last
 * answer, so that a component mounted again (a widget back from the dock, a
 * dialog opened again) is ready at once with it, then refreshed.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Problem, Result } from '@/lib/messages';

export type Asked<T> = { state: 'loading' } | { state: 'error'; problem: Problem } | { state: 'ready'; value: T };

export interface KeptAnswers<T> {
  answers: Map<string, T>;
  key: string;
}

export function useAsk<T>(
  load: () => Promise<Result<T>>,
  deps: readonly unknown[],
  kept?: KeptAnswers<T>,
): { asked: Asked<T>; reload: () => Promise<void> } {
  const shown = kept?.answers.get(kept.key);
  const [asked, setAsked] = useState<Asked<T>>(shown === undefined ? { state: 'loading' } : { state: 'ready', value: shown });
  const first = useRef(true);
  const generation = useRef(0);
  const reload = useCallback(async () => {
    const run = ++generation.current;
    const reply = await load();
    if (reply.ok) kept?.answers.set(kept.key, reply.value);
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
