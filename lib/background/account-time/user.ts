/**
 * The connected user as account time needs them: whose time is written back
 * (`email_user_from`, required with the admin key) and their hourly rate from
 * get_users (the cost's default when no rate is set in options). The admin
 * key stands for the account owner, as the connection summary says.
 */
import type { AccountDeskDb } from '../../db';
import type { AccountSummary } from '../../messages';
import type { WsUser } from '../../worksection/types';
import { DIRECTORY_KEY, type DirectoryRecord } from '../replies/sync';

export async function connectedUser(db: AccountDeskDb, summary: AccountSummary | null): Promise<WsUser | undefined> {
  if (!summary?.userName) return undefined;
  const record = (await db.state.get(DIRECTORY_KEY))?.value as DirectoryRecord | undefined;
  const users = record?.users ?? [];
  const owner = summary.authKind === 'admin' ? users.find((user) => user.role?.toLowerCase() === 'owner') : undefined;
  return owner ?? users.find((user) => user.name === summary.userName);
}
