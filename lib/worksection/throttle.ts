// Worksection allows about one request a second per account (api-reference §2,
// third-party figures). Every client of one account shares one RequestThrottle
// from the registry, so the whole extension stays under that rate.
import { abortedRequest } from './errors';

export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/** setTimeout-based sleep that rejects with the signal's reason when aborted. */
export const realSleep: Sleep = (ms, signal) =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, Math.max(0, ms));
    signal?.addEventListener('abort', onAbort, { once: true });
  });

export interface ThrottleOptions {
  /** Minimum time between the starts of two requests. Default 1000. */
  minIntervalMs?: number;
  now?: () => number;
  sleep?: Sleep;
}

export interface ScheduleOptions {
  /** Cancels the request while it waits; a started request watches it itself. */
  signal?: AbortSignal;
  /** The action, for the error a cancelled wait rejects with. */
  label?: string;
  /**
   * `interactive` (the default) goes ahead of every waiting `background`
   * request, so a page waiting for names isn't stuck behind a long sync.
   */
  priority?: RequestPriority;
}

export type RequestPriority = 'interactive' | 'background';

interface Waiting {
  priority: RequestPriority;
  start: () => void;
  cancel: () => void;
}

export const DEFAULT_MIN_INTERVAL_MS = 1000;

/**
 * A queue that starts at most one request per `minIntervalMs`: first in,
 * first out within a priority, interactive before background. It spaces
 * request *starts*: a slow request does not hold up the next one, which keeps
 * a hung call (bounded by the client's timeout) from stalling the account.
 */
export class RequestThrottle {
  minIntervalMs: number;
  private readonly now: () => number;
  private readonly sleep: Sleep;
  private readonly waiting: Waiting[] = [];
  private nextStartAt = Number.NEGATIVE_INFINITY;
  private pumping = false;

  constructor(options: ThrottleOptions = {}) {
    this.minIntervalMs = Math.max(0, options.minIntervalMs ?? DEFAULT_MIN_INTERVAL_MS);
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? realSleep;
  }

  /** Requests queued and not yet started. */
  get pending(): number {
    return this.waiting.length;
  }

  /** Start nothing before `time` (e.g. the server's Retry-After). */
  deferUntil(time: number): void {
    this.nextStartAt = Math.max(this.nextStartAt, time);
  }

  /**
   * Runs `request` when its turn comes. If `signal` aborts while it waits, it
   * leaves the queue (the next one moves up) and rejects with kind 'aborted'.
   */
  schedule<T>(request: () => Promise<T>, options: ScheduleOptions = {}): Promise<T> {
    const { signal, label = 'request', priority = 'interactive' } = options;
    return new Promise<T>((resolve, reject) => {
      if (signal?.aborted) {
        reject(abortedRequest(label, signal.reason));
        return;
      }
      const onAbort = (): void => entry.cancel();
      const entry: Waiting = {
        priority,
        start: () => {
          signal?.removeEventListener('abort', onAbort);
          try {
            request().then(resolve, reject);
          } catch (error) {
            reject(error);
          }
        },
        cancel: () => {
          const index = this.waiting.indexOf(entry);
          if (index === -1) return;
          this.waiting.splice(index, 1);
          reject(abortedRequest(label, signal?.reason));
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      const firstBackground = this.waiting.findIndex((waiting) => waiting.priority === 'background');
      if (priority === 'interactive' && firstBackground !== -1) this.waiting.splice(firstBackground, 0, entry);
      else this.waiting.push(entry);
      void this.pump();
    });
  }

  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      while (this.waiting.length > 0) {
        const wait = this.nextStartAt - this.now();
        if (wait > 0) {
          // A failing injected sleep must not stop the queue; the loop re-measures.
          await this.sleep(wait).catch(() => undefined);
          continue;
        }
        const entry = this.waiting.shift();
        if (!entry) break;
        this.nextStartAt = this.now() + this.minIntervalMs;
        entry.start();
      }
    } finally {
      this.pumping = false;
    }
  }
}

/** One throttle per account key (the account origin), shared by every client of it. */
export class ThrottleRegistry {
  private readonly throttles = new Map<string, RequestThrottle>();

  forAccount(accountKey: string, options: ThrottleOptions = {}): RequestThrottle {
    const existing = this.throttles.get(accountKey);
    if (existing) {
      // The strictest spacing any client asked for wins.
      existing.minIntervalMs = Math.max(existing.minIntervalMs, options.minIntervalMs ?? DEFAULT_MIN_INTERVAL_MS);
      return existing;
    }
    const created = new RequestThrottle(options);
    this.throttles.set(accountKey, created);
    return created;
  }
}

/** The registry clients use unless given another (tests pass their own). */
export const sharedThrottles = new ThrottleRegistry();
