/** Any failure as a Problem: a kind to branch on and a sentence to show. */
import type { Problem } from '../messages';
import { WorksectionError } from '../worksection/errors';
import { ConnectProblem } from './connection';
import { SettingsProblem } from './settings-store';
import { t } from '../i18n';
import { SIGN_IN_AGAIN } from './sign-in';

export function toProblem(error: unknown): Problem {
  // Not a sync problem to retry: the person has to sign in again (sign-in.ts pauses sync until then).
  if (error instanceof WorksectionError && error.tokenExpired) return { kind: SIGN_IN_AGAIN, message: t('signInAgainMessage') };
  if (error instanceof ConnectProblem || error instanceof WorksectionError || error instanceof SettingsProblem) {
    return { kind: error.kind, message: error.message };
  }
  return { kind: 'internal', message: String((error as Error)?.message ?? error) };
}
