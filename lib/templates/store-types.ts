// Rows the background keeps for templates (imported into lib/db.ts).
import type { Template } from './model';
import type { RoleMapping } from './roles';

/** A personal template, in the user's order. */
export interface PersonalTemplateRow {
  id: string;
  position: number;
  template: Template;
  updatedAt: number;
}

/** People chosen for roles in one project: key = origin + " " + projectId. */
export interface RoleMappingRow {
  key: string;
  mapping: RoleMapping;
  updatedAt: number;
  /**
   * Written by a picker that proposes people: a role left at nobody was the
   * manager's choice. Rows without it come from the older picker, which
   * offered nobody for every role, so their "nobody" is no choice at all.
   */
  nobodyIsAChoice?: boolean;
}

/** A checklist the user saved or used, most recent first by `usedAt`. */
export interface SavedChecklistRow {
  id: string;
  title: string;
  items: string[];
  usedAt: number;
}
