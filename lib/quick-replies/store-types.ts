// Rows the background keeps for quick replies (imported into lib/db.ts).
import type { QuickReply } from './model';

/** A personal reply, in the user's order. */
export interface PersonalReplyRow {
  id: string;
  position: number;
  reply: QuickReply;
  updatedAt: number;
}

/** How often this browser inserted a reply (any library), by "<source>:<id>": it orders the list. */
export interface ReplyUsageRow {
  key: string;
  uses: number;
  usedAt: number;
}
