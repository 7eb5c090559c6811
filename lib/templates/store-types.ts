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
}

/** A checklist the user saved or used, most recent first by `usedAt`. */
export interface SavedChecklistRow {
  id: string;
  title: string;
  items: string[];
  usedAt: number;
}
