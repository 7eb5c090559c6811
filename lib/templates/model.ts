// The template model (DESIGN §2 "Template"): a tree task → subtasks →
// sub-subtasks (Worksection allows two levels below a top task), each node
// with its checklist, a role instead of a person, and business-day offsets
// from the day the template is applied. Pure data and a strict validator:
// templates arrive from files and team projects, so they are hostile input.
import { describeValue, inputProblem, isPlainObject, unknownKeys, type InputProblem, type Plain, type ProblemValue } from '../validate';

export const TEMPLATE_LIMITS = Object.freeze({
  /** Levels: a top task, its subtasks, their subtasks (Worksection's limit). */
  depth: 3,
  /** Task nodes per template (each is one API call and one second of throttle). */
  nodes: 200,
  checklistItems: 50,
  tags: 20,
  roles: 30,
  titleLength: 250,
  descriptionLength: 10_000,
  checklistItemLength: 500,
  nameLength: 120,
  roleLength: 60,
  tagLength: 60,
  /** Offsets and durations, in business days (about two working years). */
  businessDays: 500,
});

export type TemplateLanguage = 'en' | 'ru' | 'uk' | 'kk';
export const TEMPLATE_LANGUAGES: readonly TemplateLanguage[] = ['en', 'ru', 'uk', 'kk'];

export interface TemplateNode {
  /** Plain text; shown and sent as text, never as HTML. */
  title: string;
  description?: string;
  /** Who does it, e.g. "Account manager"; mapped to a person per project. Must be one of the template's roles. */
  role?: string;
  /** 0..10 as in Worksection (0 shows as "pause"). */
  priority?: number;
  /** Business days after the application day (0 = the first business day on or after it). */
  startOffset: number;
  /** Business days, at least 1; the deadline is the last of them. */
  duration: number;
  tags?: string[];
  /** Visible only to the project's team, not to client users. */
  hiddenFromClient?: boolean;
  checklist?: string[];
  subtasks?: TemplateNode[];
}

export interface Template {
  /** Stable id: letters, digits, "-", "_", "." (built-ins are "builtin.*", team templates "team.*"). */
  id: string;
  name: string;
  description?: string;
  language?: TemplateLanguage;
  /** Roles its nodes use, in the order the picker asks for people. */
  roles: string[];
  tasks: TemplateNode[];
}

export type ValidationResult<T> = { ok: true; value: T } | { ok: false; problems: InputProblem[] };

const NODE_KEYS = [
  'title',
  'description',
  'role',
  'priority',
  'startOffset',
  'duration',
  'tags',
  'hiddenFromClient',
  'checklist',
  'subtasks',
] as const;
const TEMPLATE_KEYS = ['id', 'name', 'description', 'language', 'roles', 'tasks'] as const;
const ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/;
// Control characters other than tab/newline break titles in Worksection and in logs.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069]/;
// eslint-disable-next-line no-control-regex
const LINE_BREAK = /[\r\n\u2028\u2029]/;


class Problems {
  readonly list: InputProblem[] = [];
  add(path: string, key: InputProblem['key'], ...values: ProblemValue[]): void {
    // A hostile file could produce millions of problems; the first ones say enough.
    if (this.list.length < 50) this.list.push(inputProblem(path, key, ...values));
  }
}

function checkKeys(value: Plain, path: string, keys: readonly string[], problems: Problems): void {
  for (const key of unknownKeys(value, keys)) problems.add(`${path}.${key}`, 'inputUnknownField');
}

/** A one-line plain-text field: trimmed, non-empty, bounded, no control characters. */
function line(value: unknown, path: string, max: number, problems: Problems): string | undefined {
  if (typeof value !== 'string') {
    problems.add(path, 'inputNotText', describeValue(value));
    return undefined;
  }
  const text = value.trim();
  if (!text) problems.add(path, 'inputEmpty');
  else if (text.length > max) problems.add(path, 'inputTooLong', text.length, max);
  else if (CONTROL.test(text)) problems.add(path, 'inputControlChars');
  else if (LINE_BREAK.test(text)) problems.add(path, 'inputNotOneLine');
  else return text;
  return undefined;
}

function paragraph(value: unknown, path: string, max: number, problems: Problems): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') {
    problems.add(path, 'inputNotText', describeValue(value));
    return undefined;
  }
  if (value.length > max) problems.add(path, 'inputTooLong', value.length, max);
  else if (CONTROL.test(value)) problems.add(path, 'inputControlChars');
  else return value.trim() || undefined;
  return undefined;
}

function wholeNumber(value: unknown, path: string, min: number, max: number, problems: Problems): number | undefined {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    problems.add(path, 'inputNotWholeNumber', min, max, describeValue(value));
    return undefined;
  }
  return value;
}

function lines(value: unknown, path: string, maxItems: number, maxLength: number, problems: Problems): string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) {
    problems.add(path, 'inputNotList', describeValue(value));
    return undefined;
  }
  if (value.length > maxItems) {
    problems.add(path, 'inputTooMany', maxItems, value.length);
    return undefined;
  }
  const out: string[] = [];
  value.forEach((item, index) => {
    const text = line(item, `${path}[${index}]`, maxLength, problems);
    if (text !== undefined) out.push(text);
  });
  return out;
}

interface NodeContext {
  roles: ReadonlySet<string>;
  problems: Problems;
  count: { nodes: number };
}

function validateNode(value: unknown, path: string, level: number, context: NodeContext): TemplateNode | undefined {
  const { problems } = context;
  if (!isPlainObject(value)) {
    problems.add(path, 'inputNotTask', describeValue(value));
    return undefined;
  }
  context.count.nodes += 1;
  checkKeys(value, path, NODE_KEYS, problems);
  const title = line(value.title, `${path}.title`, TEMPLATE_LIMITS.titleLength, problems);
  const description = paragraph(value.description, `${path}.description`, TEMPLATE_LIMITS.descriptionLength, problems);
  let role: string | undefined;
  if (value.role !== undefined) {
    role = line(value.role, `${path}.role`, TEMPLATE_LIMITS.roleLength, problems);
    if (role !== undefined && !context.roles.has(role)) problems.add(`${path}.role`, 'inputNotRole', describeValue(role));
  }
  const priority =
    value.priority === undefined ? undefined : wholeNumber(value.priority, `${path}.priority`, 0, 10, problems);
  const startOffset = wholeNumber(value.startOffset, `${path}.startOffset`, 0, TEMPLATE_LIMITS.businessDays, problems);
  const duration = wholeNumber(value.duration, `${path}.duration`, 1, TEMPLATE_LIMITS.businessDays, problems);
  const tags = lines(value.tags, `${path}.tags`, TEMPLATE_LIMITS.tags, TEMPLATE_LIMITS.tagLength, problems);
  if (tags?.some((tag) => tag.includes(','))) problems.add(`${path}.tags`, 'inputTagComma');
  if (value.hiddenFromClient !== undefined && typeof value.hiddenFromClient !== 'boolean') {
    problems.add(`${path}.hiddenFromClient`, 'inputNotBoolean', describeValue(value.hiddenFromClient));
  }
  const checklist = lines(
    value.checklist,
    `${path}.checklist`,
    TEMPLATE_LIMITS.checklistItems,
    TEMPLATE_LIMITS.checklistItemLength,
    problems,
  );
  let subtasks: TemplateNode[] | undefined;
  if (value.subtasks !== undefined) {
    if (!Array.isArray(value.subtasks)) problems.add(`${path}.subtasks`, 'inputNotList', describeValue(value.subtasks));
    else if (value.subtasks.length > 0 && level >= TEMPLATE_LIMITS.depth) {
      problems.add(`${path}.subtasks`, 'inputTooDeep');
    } else if (context.count.nodes + value.subtasks.length > TEMPLATE_LIMITS.nodes) {
      problems.add(`${path}.subtasks`, 'inputTemplateTooBig', TEMPLATE_LIMITS.nodes);
    } else {
      subtasks = [];
      value.subtasks.forEach((child, index) => {
        const node = validateNode(child, `${path}.subtasks[${index}]`, level + 1, context);
        if (node) subtasks!.push(node);
      });
    }
  }
  if (title === undefined || startOffset === undefined || duration === undefined) return undefined;
  const node: TemplateNode = { title, startOffset, duration };
  if (description !== undefined) node.description = description;
  if (role !== undefined) node.role = role;
  if (priority !== undefined) node.priority = priority;
  if (tags && tags.length > 0) node.tags = tags;
  if (value.hiddenFromClient === true) node.hiddenFromClient = true;
  if (checklist && checklist.length > 0) node.checklist = checklist;
  if (subtasks && subtasks.length > 0) node.subtasks = subtasks;
  return node;
}

/**
 * The template in `value`, or every problem (path like `tasks[0].subtasks[2].title`;
 * `prefix` names where the template sits in a file), in no language: lib/problem-text.ts words them.
 */
export function validateTemplate(value: unknown, prefix = 'template'): ValidationResult<Template> {
  const problems = new Problems();
  if (!isPlainObject(value)) {
    problems.add(prefix, 'inputNotTemplate', describeValue(value));
    return { ok: false, problems: problems.list };
  }
  checkKeys(value, prefix, TEMPLATE_KEYS, problems);
  let id: string | undefined;
  if (typeof value.id !== 'string' || !ID.test(value.id)) {
    problems.add(`${prefix}.id`, 'inputNotId', 80, describeValue(value.id));
  } else id = value.id;
  const name = line(value.name, `${prefix}.name`, TEMPLATE_LIMITS.nameLength, problems);
  const description = paragraph(value.description, `${prefix}.description`, TEMPLATE_LIMITS.descriptionLength, problems);
  if (value.language !== undefined && !TEMPLATE_LANGUAGES.includes(value.language as TemplateLanguage)) {
    problems.add(`${prefix}.language`, 'inputNotOneOf', TEMPLATE_LANGUAGES.join(', '), describeValue(value.language));
  }
  const roles = lines(value.roles ?? [], `${prefix}.roles`, TEMPLATE_LIMITS.roles, TEMPLATE_LIMITS.roleLength, problems) ?? [];
  if (new Set(roles).size !== roles.length) problems.add(`${prefix}.roles`, 'inputRoleTwice');
  const tasks: TemplateNode[] = [];
  if (!Array.isArray(value.tasks) || value.tasks.length === 0) {
    problems.add(`${prefix}.tasks`, 'inputNotTasks', describeValue(value.tasks));
  } else if (value.tasks.length > TEMPLATE_LIMITS.nodes) {
    problems.add(`${prefix}.tasks`, 'inputTooManyTasks', value.tasks.length, TEMPLATE_LIMITS.nodes);
  } else {
    const context: NodeContext = { roles: new Set(roles), problems, count: { nodes: 0 } };
    value.tasks.forEach((task, index) => {
      const node = validateNode(task, `${prefix}.tasks[${index}]`, 1, context);
      if (node) tasks.push(node);
    });
    if (context.count.nodes > TEMPLATE_LIMITS.nodes) {
      problems.add(`${prefix}.tasks`, 'inputTooManyTasks', context.count.nodes, TEMPLATE_LIMITS.nodes);
    }
  }
  if (problems.list.length > 0 || id === undefined || name === undefined) return { ok: false, problems: problems.list };
  const template: Template = { id, name, roles, tasks };
  if (description !== undefined) template.description = description;
  if (value.language !== undefined) template.language = value.language as TemplateLanguage;
  return { ok: true, value: template };
}

/** A node with its place in the tree: `key` is its index path ("0", "0.2", "0.2.1"), stable for a given template. */
export interface PlacedNode {
  key: string;
  parentKey?: string;
  level: 1 | 2 | 3;
  node: TemplateNode;
}

/** Every node, parents before their children (the order they must be created in). */
export function walkTemplate(template: Template): PlacedNode[] {
  const out: PlacedNode[] = [];
  const visit = (nodes: readonly TemplateNode[], parentKey: string | undefined, level: 1 | 2 | 3): void => {
    nodes.forEach((node, index) => {
      const key = parentKey === undefined ? String(index) : `${parentKey}.${index}`;
      out.push(parentKey === undefined ? { key, level, node } : { key, parentKey, level, node });
      if (node.subtasks && level < 3) visit(node.subtasks, key, (level + 1) as 2 | 3);
    });
  };
  visit(template.tasks, undefined, 1);
  return out;
}

export function countNodes(template: Template): number {
  return walkTemplate(template).length;
}

/** Every checklist item of a template, in tree order (for "Insert checklist"). */
export function templateChecklists(template: Template): Array<{ title: string; items: string[] }> {
  return walkTemplate(template)
    .filter((placed) => (placed.node.checklist?.length ?? 0) > 0)
    .map((placed) => ({ title: placed.node.title, items: [...placed.node.checklist!] }));
}
