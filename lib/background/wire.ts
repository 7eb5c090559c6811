/**
 * What Diagnostics shows about the wire to Worksection: the scheme the account
 * accepted, and what the API sent that Account Desk did not know (kept in
 * storage.local per account: counts and shapes, never texts).
 */
import type { CallerPolicy, Handlers } from '../messages';
import type { WireMessages } from '../worksection/protocol';
import { connectionScheme, connectionStatus } from './connection';
import { syncStatus } from './replies/poll';
import { signInNeeded } from './sign-in';
import { feedReport } from './feed-store';

export const wireHandlers: Handlers<WireMessages> = {
  'wire/status': async () => {
    const connection = await connectionScheme();
    if (!connection) return null;
    return {
      origin: connection.origin,
      scheme: connection.scheme,
      ...(connection.foundAt ? { schemeFoundAt: connection.foundAt } : {}),
      feed: await feedReport(connection.origin),
      ...(signInNeeded(await syncStatus(), (await connectionStatus())?.connectedAt) ? { signInAgain: true } : {}),
    };
  },
};

/** Diagnostics in options asks; no page has any business with it. */
export const wireCallers: CallerPolicy<WireMessages> = { 'wire/status': 'extension-pages' };
