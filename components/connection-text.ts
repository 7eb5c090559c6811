import { t } from '@/lib/i18n';
import type { AccountSummary } from '@/lib/messages';

/** "Connected to demo.worksection.com as …: 12 users, 3 client teams, 6 projects." */
export function connectedSentence(summary: AccountSummary): string {
  const counts = [summary.users, summary.clientTeams, summary.projects];
  return summary.userName
    ? t('connectedTo', [summary.host, summary.userName, ...counts])
    : t('connectedToNoUser', [summary.host, ...counts]);
}
