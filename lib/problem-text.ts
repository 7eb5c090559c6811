/**
 * Input problems (lib/validate.ts) in the active language, where they are
 * shown: options, the background's refusals, diagnostics. The path stays as
 * the input has it (it points into a file or a policy, in no language).
 */
import { t } from './i18n';
import { ProblemError } from './problem';
import type { InputProblem, ProblemValue } from './validate';

const worded = (value: ProblemValue): string | number => value ?? t('inputNothing');

/** The problem without its path: "must be more than soon (15)". */
export function problemDetail(problem: InputProblem): string {
  return t(problem.key, problem.values.map(worded));
}

/** "replyThresholds.late: must be more than soon (15)"; only the detail when the problem is about the whole input. */
export function problemText(problem: InputProblem): string {
  return problem.path ? `${problem.path}: ${problemDetail(problem)}` : problemDetail(problem);
}

/** A value quoted as problems quote it, "nothing" in words when it is missing. */
export function quotedValue(value: ProblemValue): string {
  return String(worded(value));
}

/**
 * A refused file (templates, quick replies): a summary, then each input problem on a line of its own. Worded when
 * thrown, as the summary is: in the language of whoever parsed the file.
 */
export abstract class FileProblemError extends ProblemError {
  readonly kind = 'invalid-file';
  constructor(
    readonly problems: InputProblem[],
    summary: string,
  ) {
    super(problems.length > 0 ? `${summary}\n${problems.map(problemText).join('\n')}` : summary);
  }
}
