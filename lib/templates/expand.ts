// Expansion: a template, a project, a start date and people → the ordered list
// of `post_task` calls that creates it (parents first, so each subtask can name
// its parent's new id). Pure: the background journals and sends these.
import { walkTemplate, type Template } from './model';
import { assigneeFor, type RoleMapping } from './roles';
import { BusinessDays, scheduleNode, type WorkCalendar } from './schedule';

export interface PlannedTask {
  /** The node's key in the template ("0", "0.1", "0.1.2"). */
  key: string;
  /** The parent node's key; its Worksection id becomes `id_parent`. */
  parentKey?: string;
  title: string;
  text?: string;
  /** An email, or NOONE. */
  emailUserTo: string;
  priority?: number;
  /** "YYYY-MM-DD" */
  dateStart: string;
  dateEnd: string;
  todo: string[];
  tags?: string[];
  /** Only these emails see the task (the team, for "hidden from client"). */
  hidden?: string[];
}

export interface ExpandOptions {
  /** The application day, "YYYY-MM-DD". */
  startDate: string;
  calendar: WorkCalendar;
  roles: RoleMapping;
  /** Team members of the project (not client users): who sees a node hidden from clients. */
  teamEmails: readonly string[];
}

export function expandTemplate(template: Template, options: ExpandOptions): PlannedTask[] {
  const days = new BusinessDays(options.calendar);
  return walkTemplate(template).map(({ key, parentKey, node }) => {
    const dates = scheduleNode(options.startDate, node.startOffset, node.duration, days);
    const planned: PlannedTask = {
      key,
      title: node.title,
      emailUserTo: assigneeFor(node.role, options.roles),
      dateStart: dates.start,
      dateEnd: dates.end,
      todo: [...(node.checklist ?? [])],
    };
    if (parentKey !== undefined) planned.parentKey = parentKey;
    if (node.description) planned.text = node.description;
    if (node.priority !== undefined) planned.priority = node.priority;
    if (node.tags && node.tags.length > 0) planned.tags = [...node.tags];
    if (node.hiddenFromClient) {
      // Whoever is assigned must see the task, even if not listed as team.
      const visible = new Set(options.teamEmails);
      if (planned.emailUserTo !== 'NOONE') visible.add(planned.emailUserTo);
      planned.hidden = [...visible];
    }
    return planned;
  });
}
