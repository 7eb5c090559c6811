import { t, tn } from '@/lib/i18n';
import type { AccountSummary } from '@/lib/messages';

/** "Connected to demo.worksection.com as …: 12 users, 3 client teams, 6 projects." */
export function connectedSentence(summary: AccountSummary): string {
  const counts = [tn('countUsers', summary.users), tn('countClientTeams', summary.clientTeams), tn('countProjects', summary.projects)];
  return summary.userName
    ? t('connectedToCounts', [summary.host, summary.userName, ...counts])
    : t('connectedToNoUserCounts', [summary.host, ...counts]);
}
