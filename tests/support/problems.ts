// Input problems (lib/validate.ts) as the tests read them: worded in English, "path: detail".
import { problemText } from '@/lib/problem-text';
import type { InputProblem } from '@/lib/validate';

export const worded = (problems: readonly InputProblem[]): string[] => problems.map(problemText);

/** `result` with its problems, if any, worded. */
export function wordedResult<T extends object>(result: T): T | (Omit<T, 'problems'> & { problems: string[] }) {
  return 'problems' in result && Array.isArray(result.problems) ? { ...result, problems: worded(result.problems as InputProblem[]) } : result;
}
