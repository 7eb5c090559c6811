// The simulator's clock: starts at a chosen instant and then runs with real
// time, so reply clocks keep ticking during a test; tests may jump it forward,
// set it, or freeze it for exact ages.

export interface ClockState {
  /** ISO instant (UTC). */
  now: string;
  frozen: boolean;
}

export class SimClock {
  private startSim: number;
  private startReal: number;
  private frozen = false;

  constructor(start: Date, private readonly realNow: () => number = Date.now) {
    this.startSim = start.getTime();
    this.startReal = this.realNow();
  }

  now(): Date {
    return new Date(this.nowMs());
  }

  nowMs(): number {
    return this.frozen ? this.startSim : this.startSim + (this.realNow() - this.startReal);
  }

  set(instant: Date): void {
    this.startSim = instant.getTime();
    this.startReal = this.realNow();
  }

  advance(minutes: number): void {
    this.set(new Date(this.nowMs() + minutes * 60_000));
  }

  /** Frozen: `now()` stays put until set or advanced. */
  freeze(frozen: boolean): void {
    const current = this.nowMs();
    this.frozen = frozen;
    this.set(new Date(current));
  }

  state(): ClockState {
    return { now: this.now().toISOString(), frozen: this.frozen };
  }
}
