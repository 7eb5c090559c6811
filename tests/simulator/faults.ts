// Faults tests ask for: the next matching API calls fail (or slow down) in a
// chosen way, optionally after letting some calls through first.

export type FaultKind = 'error-envelope' | 'http-500' | 'delay' | 'rate-limit' | 'rate-limit-envelope';
export const FAULT_KINDS: readonly FaultKind[] = ['error-envelope', 'http-500', 'delay', 'rate-limit', 'rate-limit-envelope'];

export interface FaultSpec {
  kind: FaultKind;
  /** Only calls of this action; any action when absent. */
  action?: string;
  /** How many matching calls fail; default 1. */
  times?: number;
  /** Let this many matching calls pass first; default 0. */
  afterCalls?: number;
  /** For `delay` (and how long a rate-limit asks to wait, rounded up to seconds). */
  delayMs?: number;
}

export interface FaultState extends Required<Omit<FaultSpec, 'action'>> {
  id: number;
  action: string | null;
  /** Matching calls seen so far. */
  seen: number;
  /** Faults still to inject. */
  remaining: number;
}

export class SimulatorInputError extends Error {
  override readonly name = 'SimulatorInputError';
}

export function validateFault(input: unknown): FaultSpec {
  if (input === null || typeof input !== 'object') throw new SimulatorInputError('fault must be an object');
  const raw = input as Record<string, unknown>;
  if (!FAULT_KINDS.includes(raw.kind as FaultKind)) {
    throw new SimulatorInputError(`fault kind must be one of ${FAULT_KINDS.join(', ')}; got ${JSON.stringify(raw.kind)}`);
  }
  const count = (name: string, min: number): number | undefined => {
    const value = raw[name];
    if (value === undefined) return undefined;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
      throw new SimulatorInputError(`fault ${name} must be an integer ≥ ${min}; got ${JSON.stringify(value)}`);
    }
    return value;
  };
  if (raw.action !== undefined && (typeof raw.action !== 'string' || raw.action === '')) {
    throw new SimulatorInputError('fault action must be a non-empty string');
  }
  const spec: FaultSpec = { kind: raw.kind as FaultKind };
  if (typeof raw.action === 'string') spec.action = raw.action;
  const times = count('times', 1);
  if (times !== undefined) spec.times = times;
  const afterCalls = count('afterCalls', 0);
  if (afterCalls !== undefined) spec.afterCalls = afterCalls;
  const delayMs = count('delayMs', 0);
  if (delayMs !== undefined) spec.delayMs = delayMs;
  if (spec.kind === 'delay' && spec.delayMs === undefined) throw new SimulatorInputError('a delay fault needs delayMs');
  return spec;
}

export class FaultBook {
  private faults: FaultState[] = [];
  private nextId = 1;

  add(spec: FaultSpec): FaultState {
    const fault: FaultState = {
      id: this.nextId++,
      kind: spec.kind,
      action: spec.action ?? null,
      times: spec.times ?? 1,
      afterCalls: spec.afterCalls ?? 0,
      delayMs: spec.delayMs ?? 0,
      seen: 0,
      remaining: spec.times ?? 1,
    };
    this.faults.push(fault);
    return { ...fault };
  }

  clear(): void {
    this.faults = [];
  }

  list(): FaultState[] {
    return this.faults.map((fault) => ({ ...fault }));
  }

  /** Counts the call against every matching fault; returns the first one that fires. */
  take(action: string): FaultState | null {
    let fired: FaultState | null = null;
    for (const fault of this.faults) {
      if (fault.remaining === 0 || (fault.action !== null && fault.action !== action)) continue;
      fault.seen += 1;
      if (fired === null && fault.seen > fault.afterCalls) {
        fault.remaining -= 1;
        fired = { ...fault };
      }
    }
    this.faults = this.faults.filter((fault) => fault.remaining > 0);
    return fired;
  }
}
