/**
 * An OAuth access token Worksection refused as expired (pasted tokens live 24
 * hours and are not refreshed yet): the popup and options say "Sign in again"
 * instead of showing a sync problem, and reply sync pauses, keeping every
 * stored thread, until the person connects again.
 */
import type { SyncStatus } from '../replies/protocol';

/** The Problem kind of an expired sign-in. */
export const SIGN_IN_AGAIN = 'token-expired';

/** Whether the last sync found the sign-in expired after this connection was made (a new connection starts again). */
export function signInNeeded(status: SyncStatus, connectedAt: number | undefined): boolean {
  return status.phase === 'problem' && status.problem?.kind === SIGN_IN_AGAIN && connectedAt !== undefined && status.problem.at >= connectedAt;
}
