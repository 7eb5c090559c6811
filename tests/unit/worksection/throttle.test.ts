import { describe, expect, it } from 'vitest';
import { WorksectionError } from '../../../lib/worksection/errors';
import { RequestThrottle, ThrottleRegistry } from '../../../lib/worksection/throttle';
import { FakeTime } from './fakes';

function throttleOn(time: FakeTime, minIntervalMs = 1000): RequestThrottle {
  return new RequestThrottle({ minIntervalMs, now: time.now, sleep: time.sleep });
}

describe('RequestThrottle', () => {
  it('starts queued requests one interval apart, first in first out', async () => {
    const time = new FakeTime();
    const throttle = throttleOn(time);
    const starts: [string, number][] = [];
    const results = ['a', 'b', 'c', 'd'].map((name) =>
      throttle.schedule(async () => {
        starts.push([name, time.now()]);
        return name;
      }),
    );
    expect(await time.settle(Promise.all(results))).toEqual(['a', 'b', 'c', 'd']);
    expect(starts).toEqual([
      ['a', 0],
      ['b', 1000],
      ['c', 2000],
      ['d', 3000],
    ]);
  });

  it('interactive requests go ahead of waiting background ones, in order; the spacing stays', async () => {
    const time = new FakeTime();
    const throttle = throttleOn(time);
    const starts: [string, number][] = [];
    const request = (name: string, priority: 'interactive' | 'background') =>
      throttle.schedule(async () => void starts.push([name, time.now()]), { priority });
    const all = [request('sync 1', 'background'), request('sync 2', 'background'), request('sync 3', 'background')];
    all.push(request('page 1', 'interactive'), request('page 2', 'interactive'));
    await time.settle(Promise.all(all));
    expect(starts).toEqual([
      ['sync 1', 0],
      ['page 1', 1000],
      ['page 2', 2000],
      ['sync 2', 3000],
      ['sync 3', 4000],
    ]);
  });

  it('spaces starts, so a slow request does not hold up the next', async () => {
    const time = new FakeTime();
    const throttle = throttleOn(time);
    const starts: number[] = [];
    const slow = throttle.schedule(async () => {
      starts.push(time.now());
      await time.sleep(10_000);
    });
    const quick = throttle.schedule(async () => {
      starts.push(time.now());
    });
    await time.settle(Promise.all([slow, quick]));
    expect(starts).toEqual([0, 1000]);
  });

  it('does not wait after an idle gap', async () => {
    const time = new FakeTime();
    const throttle = throttleOn(time);
    await time.settle(throttle.schedule(async () => undefined));
    await time.advance(5000);
    let startedAt: number | undefined;
    await time.settle(throttle.schedule(async () => void (startedAt = time.now())));
    expect(startedAt).toBe(5000);
  });

  it('a request scheduled inside the interval waits for the rest of it', async () => {
    const time = new FakeTime();
    const throttle = throttleOn(time);
    await time.settle(throttle.schedule(async () => undefined));
    await time.advance(300);
    let startedAt: number | undefined;
    await time.settle(throttle.schedule(async () => void (startedAt = time.now())));
    expect(startedAt).toBe(1000);
  });

  it('a cancelled queued request rejects as aborted, never runs, and frees its place', async () => {
    const time = new FakeTime();
    const throttle = throttleOn(time);
    const ran: string[] = [];
    const starts: number[] = [];
    const run = (name: string) => async () => {
      ran.push(name);
      starts.push(time.now());
    };
    const first = throttle.schedule(run('first'));
    const cancel = new AbortController();
    const second = throttle.schedule(run('second'), { signal: cancel.signal, label: 'get_tasks' });
    const third = throttle.schedule(run('third'));
    await time.flush();
    expect(throttle.pending).toBe(2);
    cancel.abort();
    const error = await time.rejection(second);
    expect(error).toBeInstanceOf(WorksectionError);
    expect(error).toMatchObject({ kind: 'aborted', action: 'get_tasks', retryable: false });
    expect(throttle.pending).toBe(1);
    await time.settle(Promise.all([first, third]));
    expect(ran).toEqual(['first', 'third']);
    expect(starts).toEqual([0, 1000]);
  });

  it('rejects at once when the signal is already aborted', async () => {
    const time = new FakeTime();
    const throttle = throttleOn(time);
    let ran = false;
    const error = await time.rejection(throttle.schedule(async () => void (ran = true), { signal: AbortSignal.abort() }));
    expect(error).toMatchObject({ kind: 'aborted' });
    expect(ran).toBe(false);
    expect(throttle.pending).toBe(0);
  });

  it('aborting after the start is left to the request', async () => {
    const time = new FakeTime();
    const throttle = throttleOn(time);
    const cancel = new AbortController();
    const started = throttle.schedule(async () => 'done', { signal: cancel.signal });
    await time.flush();
    cancel.abort();
    expect(await time.settle(started)).toBe('done');
  });

  it('passes on the request’s own failure, including a synchronous throw', async () => {
    const time = new FakeTime();
    const throttle = throttleOn(time);
    const failing = throttle.schedule(() => {
      throw new Error('boom');
    });
    expect(await time.rejection(failing)).toMatchObject({ message: 'boom' });
    const next = throttle.schedule(async () => 'still works');
    expect(await time.settle(next)).toBe('still works');
  });

  it('deferUntil holds every start until then', async () => {
    const time = new FakeTime();
    const throttle = throttleOn(time);
    throttle.deferUntil(7000);
    let startedAt: number | undefined;
    await time.settle(throttle.schedule(async () => void (startedAt = time.now())));
    expect(startedAt).toBe(7000);
  });

  it('an interval of 0 starts everything at once', async () => {
    const time = new FakeTime();
    const throttle = throttleOn(time, 0);
    const starts: number[] = [];
    await time.settle(Promise.all([1, 2, 3].map(() => throttle.schedule(async () => void starts.push(time.now())))));
    expect(starts).toEqual([0, 0, 0]);
  });
});

describe('ThrottleRegistry', () => {
  it('gives every caller for one account the same queue, other accounts their own', () => {
    const registry = new ThrottleRegistry();
    const time = new FakeTime();
    const a1 = registry.forAccount('https://a.worksection.com', { now: time.now, sleep: time.sleep });
    const a2 = registry.forAccount('https://a.worksection.com', { now: time.now, sleep: time.sleep });
    const b = registry.forAccount('https://b.worksection.com', { now: time.now, sleep: time.sleep });
    expect(a1).toBe(a2);
    expect(b).not.toBe(a1);
  });

  it('keeps the strictest interval asked for', () => {
    const registry = new ThrottleRegistry();
    registry.forAccount('k', { minIntervalMs: 500 });
    expect(registry.forAccount('k', { minIntervalMs: 2000 }).minIntervalMs).toBe(2000);
    expect(registry.forAccount('k', { minIntervalMs: 100 }).minIntervalMs).toBe(2000);
  });
});
