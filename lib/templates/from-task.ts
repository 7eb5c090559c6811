// "Save this task as a template" and the team library: a Worksection task tree
// (task → subtasks → their subtasks, with text and dates) becomes a template.
// Checklist lines come back inside `text` as "• item" lines (api-reference
// §3.3); the assignee becomes a role (their job title, else their name), and
// dates become business-day offsets from the top task's start.
import { TEMPLATE_LIMITS, validateTemplate, type Template, type TemplateNode } from './model';
import { businessDaysBetween, BusinessDays, type WorkCalendar } from './schedule';
import { problemText } from '../problem-text';

/** The fields of a task (or subtask from get_tasks with extra=text,subtasks) this needs. */
export interface SourceTask {
  name: string;
  text?: string;
  priority?: string;
  date_start?: string;
  date_end?: string;
  user_to?: { id: string; email: string; name: string };
  child?: SourceTask[];
}

export interface FromTaskOptions {
  id: string;
  calendar: WorkCalendar;
  /** The role for an assignee email (e.g. their job title); undefined = their name. */
  roleOf?: (email: string) => string | undefined;
}

const CHECKLIST_LINE = /^\s*•\s?(.*)$/;
const SENTINELS = new Set(['NOONE', 'ANY']);

/** Splits Worksection's `text` into the description and the checklist lines. */
export function splitChecklist(text: string | undefined): { description?: string; checklist: string[] } {
  if (!text) return { checklist: [] };
  const lines = text.split(/\r?\n/);
  const checklist: string[] = [];
  const rest: string[] = [];
  for (const line of lines) {
    const item = CHECKLIST_LINE.exec(line);
    if (item && item[1]!.trim()) checklist.push(item[1]!.trim());
    else rest.push(line);
  }
  const description = rest.join('\n').trim();
  return description ? { description, checklist } : { checklist };
}

const clip = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
const oneLine = (text: string): string => text.replace(/[\u0000-\u001F\u007F\u2028\u2029]+/g, ' ').trim();

export function templateFromTask(task: SourceTask, options: FromTaskOptions): Template {
  const days = new BusinessDays(options.calendar);
  const origin = task.date_start ?? task.date_end;
  const roles: string[] = [];

  const roleFor = (person: SourceTask['user_to']): string | undefined => {
    if (!person || SENTINELS.has(person.email) || !person.email.includes('@')) return undefined;
    const role = clip(oneLine(options.roleOf?.(person.email) || person.name || person.email), TEMPLATE_LIMITS.roleLength);
    if (!role) return undefined;
    if (!roles.includes(role) && roles.length < TEMPLATE_LIMITS.roles) roles.push(role);
    return roles.includes(role) ? role : undefined;
  };

  const toNode = (source: SourceTask, level: number): TemplateNode => {
    const start = source.date_start ?? source.date_end;
    const end = source.date_end ?? source.date_start;
    const startOffset = origin && start ? Math.min(businessDaysBetween(origin, start, days), TEMPLATE_LIMITS.businessDays) : 0;
    const duration = start && end ? Math.min(businessDaysBetween(start, end, days) + 1, TEMPLATE_LIMITS.businessDays) : 1;
    const { description, checklist } = splitChecklist(source.text);
    const node: TemplateNode = { title: clip(oneLine(source.name), TEMPLATE_LIMITS.titleLength) || '—', startOffset, duration };
    if (description) node.description = clip(description, TEMPLATE_LIMITS.descriptionLength);
    const role = roleFor(source.user_to);
    if (role) node.role = role;
    const priority = Number(source.priority);
    if (source.priority !== undefined && Number.isInteger(priority) && priority >= 0 && priority <= 10) node.priority = priority;
    const items = checklist.map((item) => clip(oneLine(item), TEMPLATE_LIMITS.checklistItemLength)).filter(Boolean);
    if (items.length > 0) node.checklist = items.slice(0, TEMPLATE_LIMITS.checklistItems);
    if (source.child && source.child.length > 0 && level < TEMPLATE_LIMITS.depth) {
      node.subtasks = source.child.map((child) => toNode(child, level + 1));
    }
    return node;
  };

  const top = toNode(task, 1);
  const template: Template = { id: options.id, name: clip(oneLine(task.name), TEMPLATE_LIMITS.nameLength) || '—', roles, tasks: [top] };
  const checked = validateTemplate(template);
  if (!checked.ok) throw new RangeError(`The task cannot become a template: ${checked.problems.map(problemText).join('; ')}`);
  return checked.value;
}

/**
 * The team library: each top-level task of the templates project is a
 * template (id "team.<task id>"); one that cannot be a template is skipped
 * and named in `problems`, so one bad task does not hide the others.
 */
export function teamTemplates(
  tasks: ReadonlyArray<SourceTask & { id: string }>,
  options: Omit<FromTaskOptions, 'id'>,
): { templates: Template[]; problems: string[] } {
  const templates: Template[] = [];
  const problems: string[] = [];
  for (const task of tasks) {
    try {
      templates.push(templateFromTask(task, { ...options, id: `team.${task.id}` }));
    } catch (error) {
      problems.push(`“${task.name}”: ${(error as Error).message}`);
    }
  }
  return { templates, problems };
}
