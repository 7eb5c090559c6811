/** Any failure as a Problem: a kind to branch on and a sentence to show. */
import type { Problem } from '../messages';
import { ProblemError } from '../problem';

export function toProblem(error: unknown): Problem {
  if (error instanceof ProblemError) return { kind: error.kind, message: error.message };
  return { kind: 'internal', message: String((error as Error)?.message ?? error) };
}
