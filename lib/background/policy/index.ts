/**
 * The managed policy's part in the background: what extension pages may see
 * of it, and what a policy change means. Reading it is read.ts (`readPolicy`);
 * laying it over the settings is settings-store.ts.
 */
import { browser } from 'wxt/browser';
import type { CallerPolicy, Handlers } from '../../messages';
import type { PolicyMessages } from '../../policy/protocol';
import { effectiveSettings, policyChanged } from '../settings-store';
import { onPolicyChanged } from './read';
import { problemText } from '../../problem-text';

/** The policy for other background code (the connection, OAuth sign-in): `(await readPolicy()).policy`. */
export { readPolicy } from './read';

export const policyHandlers: Handlers<PolicyMessages> = {
  'policy/get': async () => {
    const { reading, problems } = await effectiveSettings();
    const { policy } = reading;
    return {
      present: policy !== null || reading.problems.length > 0,
      ...(policy?.accountUrl ? { accountUrl: policy.accountUrl } : {}),
      ...(policy?.oauth?.clientId ? { oauthClientId: policy.oauth.clientId } : {}),
      oauthClientSecret: policy?.oauth?.clientSecret !== undefined,
      ...(policy?.language ? { language: policy.language } : {}),
      managed: policy?.managed ?? [],
      locked: policy?.locked ?? [],
      // Worded here, in the language the options page asks in (the background follows the same setting).
      problems: [...reading.problems, ...problems].map(problemText),
    };
  },
};

/** Options asks (to show locks and Diagnostics); no web page has any business with the organization's policy. */
export const policyCallers: CallerPolicy<PolicyMessages> = { 'policy/get': 'extension-pages' };

/** Registered at the top level of the service worker. */
export function listenPolicy(): void {
  // The policy carries the OAuth client secret: keep managed storage from content scripts where the browser can (Chrome).
  const managed = browser.storage.managed as { setAccessLevel?: (options: { accessLevel: string }) => Promise<void> };
  if (typeof managed.setAccessLevel === 'function') {
    void managed.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' }).catch(() => undefined);
  }
  onPolicyChanged((changes) => void policyChanged(changes));
}
