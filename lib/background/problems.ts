/** Any failure as a Problem: a kind to branch on and a sentence to show. */
import { t } from '../i18n';
import type { Problem } from '../messages';
import { ProblemError } from '../problem';
import { WorksectionError } from '../worksection/errors';
import { SIGN_IN_AGAIN } from './sign-in';

export function toProblem(error: unknown): Problem {
  // Not a sync problem to retry: the person has to sign in again (sign-in.ts pauses sync until then).
  if (error instanceof WorksectionError && error.tokenExpired) return { kind: SIGN_IN_AGAIN, message: t('signInAgainMessage') };
  if (error instanceof ProblemError) return { kind: error.kind, message: error.message };
  return { kind: 'internal', message: String((error as Error)?.message ?? error) };
}
