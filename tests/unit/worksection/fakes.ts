// Deterministic time and a scripted fetch for the Worksection client tests.
import { ThrottleRegistry } from '../../../lib/worksection/throttle';
import { WorksectionClient, type WorksectionClientOptions } from '../../../lib/worksection/client';

interface Timer {
  at: number;
  order: number;
  resolve: () => void;
}

/** A clock that only moves when a test fires its timers. */
export class FakeTime {
  current = 0;
  private timers: Timer[] = [];
  private created = 0;

  now = (): number => this.current;

  sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
    new Promise((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason);
        return;
      }
      const timer: Timer = { at: this.current + Math.max(0, ms), order: this.created++, resolve };
      this.timers.push(timer);
      signal?.addEventListener(
        'abort',
        () => {
          this.timers = this.timers.filter((other) => other !== timer);
          reject(signal.reason);
        },
        { once: true },
      );
    });

  get pendingTimers(): number {
    return this.timers.length;
  }

  /** Lets every queued promise callback run. */
  async flush(): Promise<void> {
    for (let i = 0; i < 10; i++) await new Promise<void>((resolve) => setImmediate(resolve));
  }

  /** Moves to the earliest timer and fires it; false when there is none. */
  async fireNext(): Promise<boolean> {
    await this.flush();
    const next = [...this.timers].sort((a, b) => a.at - b.at || a.order - b.order)[0];
    if (!next) return false;
    this.timers = this.timers.filter((timer) => timer !== next);
    this.current = Math.max(this.current, next.at);
    next.resolve();
    await this.flush();
    return true;
  }

  /** Fires timers due up to now + ms, then sets the clock there. */
  async advance(ms: number): Promise<void> {
    const target = this.current + ms;
    for (;;) {
      await this.flush();
      const due = this.timers.filter((timer) => timer.at <= target).sort((a, b) => a.at - b.at || a.order - b.order)[0];
      if (!due) break;
      this.timers = this.timers.filter((timer) => timer !== due);
      this.current = Math.max(this.current, due.at);
      due.resolve();
    }
    this.current = target;
    await this.flush();
  }

  /** Fires timers in order until `promise` settles; fails if it can never settle. */
  async settle<T>(promise: Promise<T>, maxTimers = 10_000): Promise<T> {
    let settled = false;
    promise.then(
      () => (settled = true),
      () => (settled = true),
    );
    for (let fired = 0; ; fired++) {
      await this.flush();
      if (settled) return promise;
      if (fired >= maxTimers || !(await this.fireNext())) {
        await this.flush();
        if (settled) return promise;
        throw new Error(`Promise still pending at t=${this.current} with ${this.timers.length} timers left`);
      }
    }
  }

  /** The rejection of `promise` (fails the test if it resolves). */
  async rejection(promise: Promise<unknown>): Promise<unknown> {
    try {
      await this.settle(promise);
    } catch (error) {
      return error;
    }
    throw new Error('Expected the promise to reject');
  }
}

export interface FetchCall {
  url: string;
  init: RequestInit;
  at: number;
  /**
   * The parameters in order, decoded, whichever scheme carried them: the query
   * (PHP's indexed `todo[0]`) or the JSON body (`todo: [...]`), arrays written
   * `todo[]` for both; `action` first, `hash` last when there is one.
   */
  params: [string, string][];
}

export type Responder = (call: FetchCall) => Response | Promise<Response>;

/** A fetch answering from a script of responders (the last one repeats). */
export function scriptedFetch(time: FakeTime, responders: Responder[]): { fetch: typeof fetch; calls: FetchCall[] } {
  const calls: FetchCall[] = [];
  const fetchImpl = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = String(input);
    const call: FetchCall = { url, init, at: time.now(), params: sentParams(url, init) };
    calls.push(call);
    const responder = responders[Math.min(calls.length - 1, responders.length - 1)];
    if (!responder) throw new Error('No responder scripted');
    return responder(call);
  };
  return { fetch: fetchImpl as typeof fetch, calls };
}

function sentParams(url: string, init: RequestInit): [string, string][] {
  const params: [string, string][] = [...new URL(url).searchParams.entries()].map(([key, value]) => [key.replace(/\[\d+\]$/, '[]'), value]);
  if (typeof init.body === 'string') {
    for (const [key, value] of Object.entries(JSON.parse(init.body) as Record<string, unknown>)) {
      if (Array.isArray(value)) for (const item of value) params.push([`${key}[]`, String(item)]);
      else params.push([key, String(value)]);
    }
  }
  return params;
}

export const json = (body: unknown, init: ResponseInit = {}): Responder => () =>
  new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' }, ...init });

export const text = (body: string, init: ResponseInit = {}): Responder => () => new Response(body, { status: 200, ...init });

/** A fetch that never answers but honours its signal, like the real one. */
export const hang: Responder = (call) =>
  new Promise<Response>((_, reject) => {
    const signal = call.init.signal;
    signal?.addEventListener('abort', () => reject(new DOMException('The operation was aborted.', 'AbortError')), { once: true });
  });

/** A fetch that never answers and ignores its signal. */
export const deaf: Responder = () => new Promise<Response>(() => undefined);

export const ADMIN_KEY = '7776461cd931e7b1c8e9632ff8e979ce';
export const ORIGIN = 'https://demo.worksection.com';

/** A client on fake time with its own throttle registry (tests don't share queues). */
export function testClient(
  time: FakeTime,
  responders: Responder[],
  options: Partial<WorksectionClientOptions> = {},
): { client: WorksectionClient; calls: FetchCall[] } {
  const { fetch, calls } = scriptedFetch(time, responders);
  const client = new WorksectionClient({
    accountUrl: ORIGIN,
    auth: { kind: 'admin', apiKey: ADMIN_KEY },
    fetch,
    now: time.now,
    sleep: time.sleep,
    random: () => 0,
    throttles: new ThrottleRegistry(),
    ...options,
  });
  return { client, calls };
}
