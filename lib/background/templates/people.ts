// Who can take a template's roles on a project: its members (from the account
// directory cached at connect, so the picker can create at once), which of
// them are the team, and the mapping remembered for the project.
import { db } from '../../db';
import { clientDirectory } from '../../replies/clients';
import { rememberedChoices } from '../../templates/roles';
import type { ProjectPeople } from '../../templates/protocol';
import { accountDirectory, directoryStaleness } from '../directory';
import { getSettings } from '../settings-store';
import { clientFor } from './account';

export const roleKey = (origin: string, projectId: string): string => `${origin} ${projectId}`;

export async function projectPeople(origin: string, projectId: string): Promise<ProjectPeople> {
  const client = await clientFor(origin);
  const { users, groups, projects } = await accountDirectory(origin);
  // The directory lists active projects; another (a muted one, say) is read on its own.
  const project = projects.find((candidate) => candidate.id === projectId) ?? (await client.getProject(projectId, { extra: ['users'] }));
  const settings = await getSettings();
  const directory = clientDirectory({ users, groups, extraEmails: settings.clients.emails, extraDomains: settings.clients.domains });
  // Job titles and departments come from the directory (a project lists names and emails only): roles are proposed from them.
  const profiles = new Map(users.map((user) => [user.email.toLowerCase(), user]));
  const members = (project.users ?? [])
    .filter((user) => user.email.includes('@'))
    .map((user) => {
      const profile = profiles.get(user.email.toLowerCase());
      return {
        email: user.email,
        name: user.name,
        ...(profile?.title ? { title: profile.title } : {}),
        ...(profile?.department ? { department: profile.department } : {}),
      };
    });
  const remembered = rememberedChoices(await db().roleMappings.get(roleKey(origin, projectId)));
  return {
    projectName: project.name,
    members,
    teamEmails: (project.users ?? []).filter((user) => user.email.includes('@') && !directory.isClient(user)).map((user) => user.email),
    remembered,
    ...(await staleness(origin)),
  };
}


async function staleness(origin: string): Promise<Pick<ProjectPeople, 'stale'>> {
  const stale = await directoryStaleness(origin);
  return stale ? { stale } : {};
}
