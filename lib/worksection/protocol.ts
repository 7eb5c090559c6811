// Message shapes about the wire to Worksection (registered in lib/messages.ts `Protocol`).
import type { FeedReport } from './feed-report';
import type { WireScheme } from './sign';

/** What the options page's Diagnostics shows about the connected account's API. */
export interface WireStatus {
  origin: string;
  /** The wire format the account accepted (sign.ts): 'header' (HMAC header, JSON body) or 'query' (md5-signed query). */
  scheme: WireScheme;
  /** When the scheme was found (at connect, or when a refusal made the client switch). */
  schemeFoundAt?: number;
  /** Event kinds and list items the API sent that Account Desk did not know, and items it had to skip. */
  feed: FeedReport;
  /** The OAuth sign-in expired: sync waits until the person connects again. */
  signInAgain?: boolean;
}

export interface WireMessages {
  'wire/status': { request: Record<string, never>; response: WireStatus | null };
}
