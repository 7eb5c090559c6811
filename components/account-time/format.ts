// How account time reads on screen (pure).

/** "1:05:09": hours, minutes, seconds; whole seconds, rounded down. */
export function clockText(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${Math.floor(total / 3600)}:${pad(Math.floor(total / 60) % 60)}:${pad(total % 60)}`;
}

/** ISO 8601 duration for <time datetime>, e.g. "PT65S" (machine-readable, whole seconds). */
export function durationAttribute(ms: number): string {
  return `PT${Math.max(0, Math.floor(ms / 1000))}S`;
}

export const hoursText = (minutes: number): string => (minutes / 60).toFixed(minutes < 600 ? 2 : 1);

export const percentText = (percent: number): string => `${percent < 10 ? percent.toFixed(1) : Math.round(percent)} %`;

export function moneyText(amount: number): string {
  return amount.toLocaleString(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

export const LEVEL_COLOURS = { green: '#1e7b34', amber: '#b7791f', red: '#c53030' } as const;
