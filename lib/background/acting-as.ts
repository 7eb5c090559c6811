/**
 * Who the admin key acts as. The admin key stands for the account's owner, so
 * without a choice every checklist, task and cost Account Desk writes would
 * be the owner's. The person chosen ("Who are you in Worksection?") goes on
 * every write as `email_user_from` (the client's `actingAs`), and account time,
 * its rate and its written-back costs are theirs.
 *
 * Kept in the credentials database beside the connection, under its own key:
 * it is part of how this browser is connected (never in a backup), forgotten
 * on disconnect and when another account is connected, and never used for an
 * account other than the one it was chosen in.
 */
import type { ActingAs, ActingAsMessages, ActingAsState, PersonChoice } from '../acting-as/protocol';
import { t } from '../i18n';
import type { CallerPolicy, Handlers } from '../messages';
import { ProblemError } from '../problem';
import { connectionStatus } from './connection';
import { forgetSecret, readSecret, storeSecret } from './credentials';
import { accountDirectory } from './directory';

const KEY = 'acting-as';
/** What the client accepts as `actingAs` (client.ts): a person without one could never be written as. */
const EMAIL = /^[^\s@]+@[^\s@]+$/;

export class ActingAsProblem extends ProblemError {
  constructor(
    readonly kind: 'not-connected' | 'not-admin-key' | 'unknown-person' | 'invalid',
    message: string,
  ) {
    super(message);
  }
}

function isActingAs(value: unknown): value is ActingAs {
  const row = value as Partial<ActingAs> | null;
  return (
    typeof row === 'object' && row !== null &&
    typeof row.origin === 'string' && typeof row.userId === 'string' && typeof row.email === 'string' && EMAIL.test(row.email) &&
    typeof row.name === 'string' && typeof row.chosenAt === 'number'
  );
}

/** The person chosen for `origin`, or null when nobody is (or the choice was made in another account). */
export async function chosenPerson(origin: string): Promise<ActingAs | null> {
  const stored = await readSecret<unknown>(KEY);
  return isActingAs(stored) && stored.origin === origin ? stored : null;
}

/** The client option for `origin`'s admin key: `actingAs` when someone is chosen, nothing otherwise. */
export async function actingAsFor(origin: string): Promise<{ actingAs?: { email: string } }> {
  const chosen = await chosenPerson(origin);
  return chosen ? { actingAs: { email: chosen.email } } : {};
}

/** Whether the connection uses the admin key, and whom it acts as. */
export async function actingAsState(): Promise<ActingAsState> {
  const summary = await connectionStatus();
  if (summary?.authKind !== 'admin') return { needed: false, chosen: null };
  return { needed: true, chosen: await chosenPerson(summary.origin) };
}

async function adminOrigin(): Promise<string> {
  const summary = await connectionStatus();
  if (!summary) throw new ActingAsProblem('not-connected', t('actingAsNotConnected'));
  if (summary.authKind !== 'admin') throw new ActingAsProblem('not-admin-key', t('actingAsNotAdminKey'));
  return summary.origin;
}

/** The connected account's users to choose from: team before clients, then by name. */
export async function peopleToChoose(): Promise<PersonChoice[]> {
  const { users, groups } = await accountDirectory(await adminOrigin());
  const clientTeams = new Set(groups.filter((group) => Number(group.client) === 1).map((group) => group.title));
  return users
    .filter((user) => typeof user.email === 'string' && EMAIL.test(user.email.trim()))
    .map((user) => ({
      id: String(user.id),
      name: user.name || user.email,
      email: user.email.trim(),
      ...(user.title ? { title: user.title } : {}),
      ...(user.group ? { team: user.group } : {}),
      client: user.group !== undefined && clientTeams.has(user.group),
    }))
    .sort((a, b) => Number(a.client) - Number(b.client) || a.name.localeCompare(b.name));
}

/** Remembers `userId` (one of the connected account's users) as the person the admin key acts as. Bad input changes nothing. */
export async function chooseActingAs(userId: unknown, now = Date.now()): Promise<ActingAs> {
  if (typeof userId !== 'string' || !/^\d+$/.test(userId)) throw new ActingAsProblem('invalid', t('actingAsInvalidUser', String(userId)));
  const origin = await adminOrigin();
  const person = (await peopleToChoose()).find((candidate) => candidate.id === userId);
  if (!person) throw new ActingAsProblem('unknown-person', t('actingAsUnknownUser', [userId, new URL(origin).host]));
  const chosen: ActingAs = { origin, userId: person.id, email: person.email, name: person.name, chosenAt: now };
  await storeSecret(KEY, chosen);
  return chosen;
}

export async function forgetActingAs(): Promise<void> {
  await forgetSecret(KEY);
}

/** Disconnected: forget the choice. Connected: keep it only if it was made in this account. */
export async function onActingAsConnectionChanged(connected: boolean): Promise<void> {
  const origin = connected ? (await connectionStatus())?.origin : undefined;
  const stored = await readSecret<unknown>(KEY);
  if (stored === null) return;
  if (!origin || !isActingAs(stored) || stored.origin !== origin) await forgetActingAs();
}

export const actingAsHandlers: Handlers<ActingAsMessages> = {
  'acting-as/status': () => actingAsState(),
  'acting-as/people': () => peopleToChoose(),
  'acting-as/choose': ({ userId }) => chooseActingAs(userId),
};

/** Only extension pages (options, the welcome page, the popup) ask or choose; a Worksection page never. */
export const actingAsCallers: CallerPolicy<ActingAsMessages> = {
  'acting-as/status': 'extension-pages',
  'acting-as/people': 'extension-pages',
  'acting-as/choose': 'extension-pages',
};
