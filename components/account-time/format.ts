// How account time reads on screen, in the chosen language.
import { formatNumber } from '@/lib/format';

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

export const hoursText = (minutes: number): string => formatNumber(minutes / 60, minutes < 600 ? 2 : 1);

export const percentText = (percent: number): string => `${formatNumber(percent, percent < 10 ? 1 : 0)} %`;

export function moneyText(amount: number): string {
  return formatNumber(amount, 2);
}

export const LEVEL_COLOURS = { green: '#1e7b34', amber: '#b7791f', red: '#c53030' } as const;
