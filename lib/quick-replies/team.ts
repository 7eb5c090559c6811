// The team's replies live where the team's templates do: in the Worksection
// project chosen in options (templates.teamProjectId), read with the same one
// cached call. A top-level task whose name starts with "/" is a reply (its
// name after the "/" is the title, its description the text); every other
// task there stays a template. Pure.
import { QUICK_REPLY_LIMITS, validateQuickReply, type QuickReply } from './model';
import { problemText } from '../problem-text';

export interface TeamReplyTask {
  id: string;
  name: string;
  text?: string;
}

export const isTeamReplyTask = (task: { name: string }) => task.name.trimStart().startsWith('/');

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'", nbsp: ' ' };

/** A task description as plain text: line breaks kept, tags dropped, the common entities decoded. */
export function plainDescription(text: string): string {
  return text
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li)>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(amp|lt|gt|quot|#39|apos|nbsp);/g, (_, name: string) => ENTITIES[name]!)
    .replace(/\r\n?/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** The team's replies from the library project's tasks; one that cannot be a reply is named in `problems`. */
export function teamReplies(tasks: readonly TeamReplyTask[]): { replies: QuickReply[]; problems: string[] } {
  const replies: QuickReply[] = [];
  const problems: string[] = [];
  for (const task of tasks) {
    if (!isTeamReplyTask(task)) continue;
    const checked = validateQuickReply({
      id: `team.${task.id}`,
      title: task.name.trim().slice(1).trim().slice(0, QUICK_REPLY_LIMITS.titleLength),
      body: plainDescription(task.text ?? ''),
    });
    if (checked.ok) replies.push(checked.value);
    else problems.push(`“${task.name}”: ${checked.problems.map((problem) => problemText({ ...problem, path: problem.path.replace(/^reply\.?/, '') })).join('; ')}`);
  }
  return { replies, problems };
}
