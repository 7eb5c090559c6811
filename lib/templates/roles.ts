// Roles → people. A template names roles ("Account manager"); each project
// maps them to its members, and the mapping is remembered per project so the
// second application is one click.

export interface ProjectMember {
  email: string;
  name: string;
}

/** Role → member email ('' = nobody: the task is created without an executive). */
export type RoleMapping = Record<string, string>;

/**
 * The mapping to offer for `roles` in a project: the remembered choice while
 * that person is still a member, else nobody (the user picks).
 */
export function suggestRoleMapping(
  roles: readonly string[],
  members: readonly ProjectMember[],
  remembered: RoleMapping = {},
): RoleMapping {
  const emails = new Set(members.map((member) => member.email.toLowerCase()));
  const mapping: RoleMapping = {};
  for (const role of roles) {
    const previous = Object.hasOwn(remembered, role) ? remembered[role] : undefined;
    if (previous !== undefined && (previous === '' || emails.has(previous.toLowerCase()))) {
      mapping[role] = previous;
      continue;
    }
    mapping[role] = '';
  }
  return mapping;
}

/** Merges a new choice into what is remembered for the project (roles of other templates are kept). */
export function rememberRoleMapping(remembered: RoleMapping, chosen: RoleMapping): RoleMapping {
  const merged: RoleMapping = Object.create(null) as RoleMapping;
  for (const [role, email] of Object.entries(remembered)) merged[role] = email;
  for (const [role, email] of Object.entries(chosen)) merged[role] = email;
  return { ...merged };
}

/** `email_user_to` for a node: the mapped person, or NOONE when the role is unmapped or absent. */
export function assigneeFor(role: string | undefined, mapping: RoleMapping): string {
  if (role === undefined) return 'NOONE';
  const email = Object.hasOwn(mapping, role) ? mapping[role] : undefined;
  return email ? email : 'NOONE';
}

/** Problems with a chosen mapping (a person who is not a member cannot be assigned). */
export function checkRoleMapping(roles: readonly string[], mapping: RoleMapping, members: readonly ProjectMember[]): string[] {
  const emails = new Set(members.map((member) => member.email.toLowerCase()));
  const problems: string[] = [];
  for (const role of roles) {
    const email = Object.hasOwn(mapping, role) ? mapping[role] : '';
    if (email && !emails.has(email.toLowerCase())) problems.push(`${role}: ${email} is not a member of this project`);
  }
  return problems;
}
