// Client detection (DESIGN §2): a client user is a member of a team marked
// `client: 1`, or someone whose email or email domain is listed in options.
// Everyone else in the account is team.
import type { WsUser, WsUserGroup } from '../worksection/types';
import type { Person } from './types';

/** The bits of a person a comment, task or user carries that can identify them. */
export interface PersonKey {
  id?: string;
  email?: string;
}

/** `get_user_groups` rows; `client` is also accepted as text ("1"), as some replies send it. */
export type ClientTeamSource = Pick<WsUserGroup, 'title'> & { client: WsUserGroup['client'] | number | string };

export interface ClientDirectoryInput {
  users: readonly WsUser[];
  groups: readonly ClientTeamSource[];
  /** Emails listed in options as clients. */
  extraEmails: readonly string[];
  /** Email domains listed in options ("acme.com" or "@acme.com"); subdomains count too. */
  extraDomains: readonly string[];
}

export interface ClientDirectory {
  isClient(person: PersonKey): boolean;
  /** Every account user who is a client, in `users` order. */
  clients: Person[];
}

/** Sentinel "people" on tasks: no executive, anyone (api-reference §2). */
const SENTINEL_EMAILS = new Set(['noone', 'any']);
/** Users without a real email get "ID@ID.worksection.com" (api-reference §4.7): not an address anyone listed. */
const PLACEHOLDER_EMAIL = /^(\d+)@\1\.worksection\.(com|eu|net)$/;

const normalise = (text: string): string => text.trim().toLowerCase();

/** A listed domain as compared: lowercase, no "@" in front, no trailing dot. */
export function normaliseDomain(domain: string): string {
  return normalise(domain).replace(/^@/, '').replace(/\.$/, '');
}

function domainOf(email: string): string | undefined {
  const at = email.lastIndexOf('@');
  return at > 0 && at < email.length - 1 ? email.slice(at + 1).replace(/\.$/, '') : undefined;
}

function isRealEmail(email: string): boolean {
  return email.includes('@') && !SENTINEL_EMAILS.has(email) && !PLACEHOLDER_EMAIL.test(email);
}

export function clientDirectory({ users, groups, extraEmails, extraDomains }: ClientDirectoryInput): ClientDirectory {
  const clientTeams = new Set(groups.filter((group) => Number(group.client) === 1).map((group) => normalise(group.title)));
  const listedEmails = new Set(extraEmails.map(normalise).filter((email) => email !== ''));
  const listedDomains = new Set(extraDomains.map(normaliseDomain).filter((domain) => domain !== ''));

  /** Listed exactly, or its domain (or a parent domain of it) listed: "x@mail.acme.com" matches "acme.com", "x@notacme.com" doesn't. */
  const isListed = (rawEmail: string | undefined): boolean => {
    if (!rawEmail) return false;
    const email = normalise(rawEmail);
    if (!isRealEmail(email)) return false;
    if (listedEmails.has(email)) return true;
    let domain = domainOf(email);
    while (domain) {
      if (listedDomains.has(domain)) return true;
      const dot = domain.indexOf('.');
      domain = dot >= 0 ? domain.slice(dot + 1) : undefined;
    }
    return false;
  };

  const isClientUser = (user: WsUser): boolean =>
    (user.group !== undefined && clientTeams.has(normalise(user.group))) || isListed(user.email);

  const byId = new Map<string, WsUser>();
  const byEmail = new Map<string, WsUser>();
  for (const user of users) {
    byId.set(user.id, user);
    // Placeholder addresses are unique per user too: fine for matching, never for listing.
    const email = normalise(user.email);
    if (email.includes('@') && !byEmail.has(email)) byEmail.set(email, user);
  }

  const clientIds = new Set(users.filter(isClientUser).map((user) => user.id));

  return {
    isClient(person) {
      const email = person.email === undefined ? undefined : normalise(person.email);
      if (email !== undefined && SENTINEL_EMAILS.has(email)) return false;
      // Match the account user by id first (ids are stable), then by email.
      const user = (person.id !== undefined ? byId.get(person.id) : undefined) ?? (email ? byEmail.get(email) : undefined);
      if (user && clientIds.has(user.id)) return true;
      // Someone no longer (or not yet) in get_users can still be listed by email.
      return isListed(email);
    },
    clients: users
      .filter((user) => clientIds.has(user.id))
      .map((user) => ({ id: user.id, name: user.name, email: user.email })),
  };
}

/** What decides whether a task is a client thread. */
export interface ThreadPeople {
  taskAuthor?: PersonKey;
  /** Executive; the NOONE/ANY sentinels are nobody. */
  taskAssignee?: PersonKey;
  commentAuthors: Iterable<PersonKey>;
  projectId: string;
}

/**
 * A client thread (DESIGN §2): a client commented in it, wrote it or is
 * assigned to it, or its project is marked "client project" in options.
 */
export function isClientThread(
  { taskAuthor, taskAssignee, commentAuthors, projectId }: ThreadPeople,
  directory: Pick<ClientDirectory, 'isClient'>,
  clientProjectIds: ReadonlySet<string> | readonly string[],
): boolean {
  const clientProject = Array.isArray(clientProjectIds)
    ? (clientProjectIds as readonly string[]).includes(projectId)
    : (clientProjectIds as ReadonlySet<string>).has(projectId);
  if (clientProject) return true;
  if (taskAuthor && directory.isClient(taskAuthor)) return true;
  if (taskAssignee && directory.isClient(taskAssignee)) return true;
  for (const author of commentAuthors) if (directory.isClient(author)) return true;
  return false;
}
