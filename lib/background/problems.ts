/** Any failure as a Problem: a kind to branch on and a sentence to show. */
import type { Problem } from '../messages';
import { WorksectionError } from '../worksection/errors';
import { ConnectProblem } from './connection';
import { SettingsProblem } from './settings-store';

export function toProblem(error: unknown): Problem {
  if (error instanceof ConnectProblem || error instanceof WorksectionError || error instanceof SettingsProblem) {
    return { kind: error.kind, message: error.message };
  }
  return { kind: 'internal', message: String((error as Error)?.message ?? error) };
}
