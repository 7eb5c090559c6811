// What the template messages carry between the pages and the background.
import type { ApplicationProgress, TemplateApplication } from './journal';
import type { Template, TemplateLanguage } from './model';
import type { ProjectMember, RoleMapping } from './roles';

export type TemplateSource = 'builtin' | 'personal' | 'team';

export interface TemplateEntry {
  source: TemplateSource;
  template: Template;
}

/** What the picker lists (the full tree is fetched for the one selected). */
export interface TemplateSummary {
  source: TemplateSource;
  id: string;
  name: string;
  description?: string;
  language?: Template['language'];
  /** Tasks it creates. */
  nodes: number;
  /** Roles and every task title, for search. */
  searchText: string;
}

export interface TemplateLibrary {
  entries: TemplateSummary[];
  /** The browser's language among en/ru/uk/kk, for ordering built-ins. */
  language: TemplateLanguage;
  /** Set when the team library could not be read (the rest still shows). */
  teamProblem?: string;
}

export interface ProjectPeople {
  projectName: string;
  members: ProjectMember[];
  /** Members who are not client users: who sees a node hidden from clients. */
  teamEmails: string[];
  /** Roles → people chosen last time in this project. */
  remembered: RoleMapping;
  /** The people are from `since`: reading them again failed with `problem` (they are served, but the picker says so). */
  stale?: { since: number; problem: string };
}

export interface ApplicationView {
  application: TemplateApplication;
  /** A runner in the background is working on it right now. */
  live: boolean;
  progress: ApplicationProgress;
  summary: string;
}

export interface ApplyRequest {
  origin: string;
  projectId: string;
  source: TemplateSource;
  templateId: string;
  /** "YYYY-MM-DD" */
  startDate: string;
  roles: RoleMapping;
}

export interface ChecklistChoice {
  /** "saved:<id>" or "template:<templateId>:<node key>". */
  id: string;
  title: string;
  items: string[];
  usedAt?: number;
}

type None = Record<string, never>;

/** The template messages (listed in lib/messages.ts's Protocol). */
export interface TemplateMessages {
  'templates/library': { request: None; response: TemplateLibrary };
  'templates/template': { request: { source: TemplateSource; id: string }; response: Template };
  'templates/people': { request: { origin: string; projectId: string }; response: ProjectPeople };
  'templates/apply': { request: ApplyRequest; response: ApplicationView };
  'templates/applications': { request: { origin: string; projectId: string }; response: ApplicationView[] };
  'templates/application': { request: { id: string }; response: ApplicationView };
  'templates/resume': { request: { id: string }; response: ApplicationView };
  'templates/cancel': { request: { id: string }; response: ApplicationView };
  'templates/checklists': { request: None; response: ChecklistChoice[] };
  'templates/insert-checklist': {
    request: { origin: string; taskId: string; title: string; items: string[] };
    response: { commentId: string; page: string };
  };
  'templates/remember-checklist': { request: { title: string; items: string[] }; response: null };
  'templates/personal/list': { request: None; response: Template[] };
  /** `template` is validated by the background. */
  'templates/personal/save': { request: { template: unknown }; response: Template };
  'templates/personal/duplicate': { request: { id: string }; response: Template };
  'templates/personal/delete': { request: { id: string }; response: null };
  'templates/personal/move': { request: { id: string; by: -1 | 1 }; response: Template[] };
  'templates/personal/import': { request: { text: string }; response: { added: number; replaced: number } };
  'templates/personal/export': { request: None; response: string };
  'templates/save-task': { request: { origin: string; taskId: string }; response: Template };
  'templates/projects': { request: None; response: Array<{ id: string; name: string }> };
}
