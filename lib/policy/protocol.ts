// Message shapes about the managed policy (registered in lib/messages.ts `Protocol`).
import type { PolicyLanguage } from './policy';

/**
 * The policy as extension pages see it: what it sets and locks, and what was
 * wrong with it. The OAuth client secret stays in the background (only
 * whether the policy gives one).
 */
export interface PolicyView {
  /** Whether the browser has a policy for Account Desk (one that is all wrong included). */
  present: boolean;
  accountUrl?: string;
  oauthClientId?: string;
  oauthClientSecret: boolean;
  language?: PolicyLanguage;
  /** Paths of the settings it gives values for. */
  managed: string[];
  /** Paths of the settings it locks. */
  locked: string[];
  /** Parts it ignored, with their paths, and where the user's values could not stand beside it. */
  problems: string[];
}

export interface PolicyMessages {
  'policy/get': { request: Record<string, never>; response: PolicyView };
}
