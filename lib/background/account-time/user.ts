/**
 * The connected user as account time needs them: whose time is written back
 * (`email_user_from`, required with the admin key) and their hourly rate from
 * get_users (the cost's default when no rate is set in options). With the
 * admin key that is the person chosen in "Who are you in Worksection?"
 * (acting-as.ts), or the account owner while nobody is chosen, as the
 * connection summary says.
 */
import type { AccountDeskDb } from '../../db';
import type { AccountSummary } from '../../messages';
import type { WsUser } from '../../worksection/types';
import { DIRECTORY_KEY, type DirectoryRecord } from '../replies/sync';

export async function connectedUser(
  db: AccountDeskDb,
  summary: AccountSummary | null,
  actingAs?: { userId: string; email: string } | null,
): Promise<WsUser | undefined> {
  if (!summary) return undefined;
  const record = (await db.state.get(DIRECTORY_KEY))?.value as DirectoryRecord | undefined;
  const users = record?.users ?? [];
  if (summary.authKind === 'admin') {
    if (actingAs) return users.find((user) => String(user.id) === actingAs.userId) ?? users.find((user) => user.email === actingAs.email);
    return users.find((user) => user.role?.toLowerCase() === 'owner');
  }
  if (!summary.userName) return undefined;
  return users.find((user) => user.name === summary.userName);
}
