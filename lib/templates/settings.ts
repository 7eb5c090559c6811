// Template settings (a part of lib/settings.ts's Settings): where the team
// library lives. Strict like the rest: imported settings are hostile input.
import { describeValue, inputProblem, type InputProblem } from '../validate';

export interface TemplateSettings {
  /** The Worksection project whose top-level tasks are the team's templates; '' = no team library. */
  teamProjectId: string;
}

export function defaultTemplateSettings(): TemplateSettings {
  return { teamProjectId: '' };
}

export function parseTemplateSettings(value: unknown, problems: InputProblem[]): TemplateSettings | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    problems.push(inputProblem('templates', 'inputNotObject', describeValue(value)));
    return undefined;
  }
  const before = problems.length;
  for (const key of Object.keys(value)) if (key !== 'teamProjectId') problems.push(inputProblem(`templates.${key}`, 'inputUnknownSetting'));
  const { teamProjectId } = value as Record<string, unknown>;
  if (typeof teamProjectId !== 'string' || !/^(\d{1,20})?$/.test(teamProjectId)) {
    problems.push(inputProblem('templates.teamProjectId', 'inputNotTeamProject', describeValue(teamProjectId)));
  }
  return problems.length > before ? undefined : { teamProjectId: teamProjectId as string };
}
