// The quick-reply list: personal replies (Dexie), the team's (from the team
// library project, read with the team templates' one cached call) and the
// built-ins, each with how often it was used here, in list order.
import { db } from '../../db';
import { activeLanguage, t } from '../../i18n';
import { allBuiltinReplies, orderReplies, replyKey, teamReplies, type ListedReply, type QuickReply, type QuickReplySource } from '../../quick-replies';
import type { QuickReplyLibrary } from '../../quick-replies/protocol';
import { teamProjectTasks } from '../templates/library';
import { listPersonalReplies } from './personal';

async function teamLibraryReplies(): Promise<{ replies: QuickReply[]; problem?: string }> {
  try {
    const team = await teamProjectTasks();
    if (!team) return { replies: [] };
    const { replies, problems } = teamReplies(team.tasks);
    return problems.length > 0 ? { replies, problem: t('qrProblemTeamSkipped', problems.slice(0, 3).join('; ')) } : { replies };
  } catch (error) {
    return { replies: [], problem: t('qrProblemTeamUnreadable', String((error as Error).message)) };
  }
}

export async function quickReplyLibrary(): Promise<QuickReplyLibrary> {
  const [personal, team, usage] = await Promise.all([listPersonalReplies(db()), teamLibraryReplies(), db().replyUsage.toArray()]);
  const used = new Map(usage.map((row) => [row.key, row]));
  const listed = (source: QuickReplySource) => (reply: QuickReply): ListedReply => {
    const key = replyKey(source, reply.id);
    return { key, source, reply, uses: used.get(key)?.uses ?? 0, usedAt: used.get(key)?.usedAt ?? 0 };
  };
  const language = activeLanguage();
  const entries = orderReplies(
    [...personal.map(listed('personal')), ...team.replies.map(listed('team')), ...allBuiltinReplies().map(listed('builtin'))],
    language,
  );
  return team.problem ? { entries, language, teamProblem: team.problem } : { entries, language };
}
