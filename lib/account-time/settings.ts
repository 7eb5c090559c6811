// Account time's settings: defaults and strict validation (used by lib/settings.ts).
import { describeValue, inputProblem, isPlainObject, unknownKeys, type InputProblem } from '../validate';
import { DEFAULT_SHARE_THRESHOLDS } from './share';
import type { AccountTimeSettings } from './types';

/** The idle limit can't go under 15 s: heartbeats come every few seconds, and a shorter limit would cut reading time. */
export const IDLE_SECONDS_LIMITS = Object.freeze({ min: 15, max: 3600 });

export const DEFAULT_ACCOUNT_TIME_SETTINGS: AccountTimeSettings = Object.freeze({
  idleSeconds: 60,
  shareThresholds: DEFAULT_SHARE_THRESHOLDS,
  hourlyRate: null,
  writeBack: false,
});

export function defaultAccountTimeSettings(): AccountTimeSettings {
  return { ...DEFAULT_ACCOUNT_TIME_SETTINGS, shareThresholds: { ...DEFAULT_SHARE_THRESHOLDS } };
}

const KEYS = ['idleSeconds', 'shareThresholds', 'hourlyRate', 'writeBack'];

/** Problems are pushed with their path ("accountTime.idleSeconds"); undefined when any. */
export function parseAccountTimeSettings(value: unknown, problems: InputProblem[]): AccountTimeSettings | undefined {
  const before = problems.length;
  if (!isPlainObject(value)) {
    problems.push(inputProblem('accountTime', 'inputNotObject', describeValue(value)));
    return undefined;
  }
  for (const key of unknownKeys(value, KEYS)) problems.push(inputProblem(`accountTime.${key}`, 'inputUnknownSetting'));

  const { idleSeconds, shareThresholds, hourlyRate, writeBack } = value;
  const { min, max } = IDLE_SECONDS_LIMITS;
  if (typeof idleSeconds !== 'number' || !Number.isInteger(idleSeconds) || idleSeconds < min || idleSeconds > max) {
    problems.push(inputProblem('accountTime.idleSeconds', 'inputNotIdleSeconds', min, max, describeValue(idleSeconds)));
  }
  let thresholds: AccountTimeSettings['shareThresholds'] | undefined;
  if (!isPlainObject(shareThresholds)) {
    problems.push(inputProblem('accountTime.shareThresholds', 'inputNotObject', describeValue(shareThresholds)));
  } else {
    for (const key of unknownKeys(shareThresholds, ['green', 'amber'])) problems.push(inputProblem(`accountTime.shareThresholds.${key}`, 'inputUnknownSetting'));
    const { green, amber } = shareThresholds;
    const percent = (name: string, v: unknown) => {
      const ok = typeof v === 'number' && v > 0 && v <= 100;
      if (!ok) problems.push(inputProblem(`accountTime.shareThresholds.${name}`, 'inputNotPercent', describeValue(v)));
      return ok;
    };
    if (percent('green', green) && percent('amber', amber)) {
      if ((amber as number) < (green as number)) {
        problems.push(inputProblem('accountTime.shareThresholds.amber', 'inputAmberBelowGreen', String(green), String(amber)));
      } else thresholds = { green: green as number, amber: amber as number };
    }
  }
  if (hourlyRate !== null && (typeof hourlyRate !== 'number' || !Number.isFinite(hourlyRate) || hourlyRate < 0 || hourlyRate > 1_000_000)) {
    problems.push(inputProblem('accountTime.hourlyRate', 'inputNotRate', describeValue(hourlyRate)));
  }
  if (typeof writeBack !== 'boolean') problems.push(inputProblem('accountTime.writeBack', 'inputNotBoolean', describeValue(writeBack)));

  if (problems.length > before || !thresholds) return undefined;
  return { idleSeconds: idleSeconds as number, shareThresholds: thresholds, hourlyRate: hourlyRate as number | null, writeBack: writeBack as boolean };
}
