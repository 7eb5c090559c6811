// Roles → people. A template names roles ("Account manager"); each project
// maps them to its members, and the mapping is remembered per project so the
// second application is one click.

export interface ProjectMember {
  email: string;
  name: string;
  /** Job title and department from the account's directory ("UI/UX designer", "Design"): what roles are matched against. */
  title?: string;
  department?: string;
}

/** Role → member email ('' = nobody: the task is created without an executive). */
export type RoleMapping = Record<string, string>;

/**
 * Words that name a role in a job title, for the built-in templates' roles in
 * English, Russian and Ukrainian and the usual titles of agency people. A
 * role not listed here is matched by its own words.
 */
const ROLE_WORDS: ReadonlyArray<{ role: readonly string[]; title: readonly string[] }> = [
  { role: ['account manager', 'аккаунт', 'акаунт'], title: ['account manager', 'account management', 'аккаунт', 'акаунт'] },
  { role: ['project manager', 'менеджер проект', 'менеджер проєкт'], title: ['project manager', 'менеджер проект', 'менеджер проєкт', 'руководитель проект', 'керівник проєкт'] },
  { role: ['strateg', 'стратег'], title: ['strateg', 'стратег'] },
  { role: ['design', 'дизайн'], title: ['design', 'дизайн'] },
  { role: ['develop', 'разработ', 'розроб'], title: ['develop', 'front-end', 'back-end', 'frontend', 'backend', 'programm', 'разработ', 'розроб', 'програміст', 'программист'] },
  { role: ['seo'], title: ['seo'] },
  { role: ['ppc', 'контекст'], title: ['ppc', 'paid ads', 'контекст', 'таргет'] },
  { role: ['accountant', 'бухгалтер'], title: ['accountant', 'accounting', 'finance', 'бухгалтер', 'фінанс', 'финанс'] },
];

const norm = (text: string | undefined) => (text ?? '').toLowerCase().replace(/\s+/g, ' ').trim();

/** The words of a job title that would name `role`. */
function titleWords(role: string): readonly string[] {
  const name = norm(role);
  const known = ROLE_WORDS.find((entry) => entry.role.some((word) => name.includes(word)));
  if (known) return known.title;
  // Unknown role ("Copywriter"): its own name, or its longer words.
  const words = name.split(/[^\p{L}\p{N}]+/u).filter((word) => word.length >= 4);
  return [name, ...words];
}

/**
 * The member whose job title (then department) names `role`, among `candidates`;
 * a title match wins over a department match, and the first in the project's
 * order among equals. Undefined when nobody fits.
 */
export function proposeForRole(role: string, candidates: readonly ProjectMember[]): ProjectMember | undefined {
  const words = titleWords(role);
  const names = (text: string | undefined) => {
    const value = norm(text);
    return value !== '' && words.some((word) => value.includes(word));
  };
  return candidates.find((member) => names(member.title)) ?? candidates.find((member) => names(member.department));
}

/**
 * The mapping to offer for `roles` in a project: the remembered choice while
 * that person is still a member (a remembered "nobody" too: it was a choice),
 * else the team member whose job title names the role, else nobody. Client
 * users are never proposed (`teamEmails`, when given, says who the team is).
 */
export function suggestRoleMapping(
  roles: readonly string[],
  members: readonly ProjectMember[],
  remembered: RoleMapping = {},
  teamEmails?: readonly string[],
): RoleMapping {
  const emails = new Set(members.map((member) => member.email.toLowerCase()));
  const team = teamEmails ? new Set(teamEmails.map((email) => email.toLowerCase())) : undefined;
  const candidates = team ? members.filter((member) => team.has(member.email.toLowerCase())) : members;
  const mapping: RoleMapping = {};
  for (const role of roles) {
    const previous = Object.hasOwn(remembered, role) ? remembered[role] : undefined;
    if (previous !== undefined && (previous === '' || emails.has(previous.toLowerCase()))) {
      mapping[role] = previous;
      continue;
    }
    mapping[role] = proposeForRole(role, candidates)?.email ?? '';
  }
  return mapping;
}

/**
 * What a stored row says was chosen: every role of a row written with
 * proposals, only the people of an older row (whose "nobody" was the
 * picker's default, not a choice).
 */
export function rememberedChoices(row: { mapping: RoleMapping; nobodyIsAChoice?: boolean } | undefined): RoleMapping {
  if (!row) return {};
  if (row.nobodyIsAChoice) return { ...row.mapping };
  return Object.fromEntries(Object.entries(row.mapping).filter(([, email]) => email !== ''));
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
