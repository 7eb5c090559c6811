// "Save as template": a task, its subtasks and their checklists, read through the API, become a personal template.
import { db } from '../../db';
import type { Template } from '../../templates';
import { templateFromTask, type SourceTask } from '../../templates/from-task';
import { accountDirectory } from '../directory';
import { getSettings } from '../settings-store';
import { clientFor, TemplatesProblem } from './account';
import { freeId, savePersonal } from './personal';
import { t } from '../../i18n';

type SourceTaskWithId = SourceTask & { id: string; child?: SourceTaskWithId[] };

function slug(text: string): string {
  const base = text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return `my.${base || 'template'}`;
}

/** "Save this task as a template": the task, its subtasks and their checklists, read through the API. */
export async function saveTaskAsTemplate(origin: string, taskId: string): Promise<Template> {
  const client = await clientFor(origin);
  const brief = await client.getTask(taskId);
  const tasks = await client.getTasks(brief.project.id, { extra: ['text', 'subtasks'] });
  const find = (list: readonly SourceTaskWithId[]): SourceTaskWithId | undefined => {
    for (const task of list) {
      if (task.id === taskId) return task;
      const inner = task.child ? find(task.child) : undefined;
      if (inner) return inner;
    }
    return undefined;
  };
  const task = find(tasks);
  if (!task) throw new TemplatesProblem('not-found', t('tplProblemTaskNotListed'));
  const { users } = await accountDirectory(origin);
  const settings = await getSettings();
  let template: Template;
  try {
    template = templateFromTask(task, {
      id: await freeId(db(), slug(task.name)),
      calendar: settings.businessHours,
      roleOf: (email) => users.find((user) => user.email === email)?.title?.trim() || undefined,
    });
  } catch (error) {
    throw new TemplatesProblem('invalid', String((error as Error).message));
  }
  return savePersonal(db(), template);
}
