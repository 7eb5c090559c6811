/**
 * The team's managed policy, read from `storage.managed` each time it is
 * needed (the worker keeps nothing in memory; the read is local and cheap).
 *
 * Chrome/Edge: an admin's policy for this extension's id (the manifest's
 * `storage.managed_schema`); Firefox: `policies.json` `3rdparty.Extensions`.
 * Firefox throws when there is no policy at all, and any browser may fail:
 * every failure reads as no policy, so Account Desk works as without one.
 */
import { browser } from 'wxt/browser';
import { NO_POLICY, parsePolicy, type PolicyReading } from '../../policy/policy';

/**
 * The policy and its problems (null policy: none). For the connection and
 * OAuth sign-in: `policy?.accountUrl` (an https origin) and
 * `policy?.oauth?.clientId` / `clientSecret` are the organization's, and
 * should be preferred over what the user typed.
 */
export async function readPolicy(): Promise<PolicyReading> {
  let raw: unknown;
  try {
    raw = await browser.storage.managed.get();
  } catch {
    return NO_POLICY;
  }
  return parsePolicy(raw);
}

/** The policy as it was before `changes` (a storage.managed.onChanged event) arrived over `current`. */
export function policyBefore(current: Record<string, unknown>, changes: Record<string, { oldValue?: unknown }>): PolicyReading {
  const before: Record<string, unknown> = { ...current };
  for (const [key, change] of Object.entries(changes)) {
    if (change.oldValue === undefined) delete before[key];
    else before[key] = change.oldValue;
  }
  return parsePolicy(before);
}

/** Calls `listener` with the changes when the admin's policy changes (Chrome re-reads policy files while running). */
export function onPolicyChanged(listener: (changes: Record<string, { oldValue?: unknown; newValue?: unknown }>) => void): void {
  try {
    browser.storage.managed.onChanged.addListener(listener);
  } catch {
    // A browser without managed storage events: a new policy applies when settings are next read.
  }
}
