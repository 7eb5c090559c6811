/** Names for the page bar: the project (and its client) and the task a page shows. */
import { db } from '../db';
import type { PageContext } from '../page/protocol';
import type { WorksectionPage } from '../worksection/paths';
import { cached } from './cache';
import { connectedClient } from './connection';

const PROJECTS_MAX_AGE = 10 * 60_000;
const TASK_MAX_AGE = 2 * 60_000;

export async function pageContext(page: WorksectionPage, origin: string): Promise<PageContext | null> {
  const connection = await connectedClient();
  // A page of another account than the connected one gets nothing from this one.
  if (!connection || connection.origin !== origin) return null;
  const { client } = connection;

  if (page.kind === 'project') {
    const projects = await cached(`${origin} projects`, PROJECTS_MAX_AGE, () => client.getProjects());
    const project = projects.find((candidate) => candidate.id === page.projectId);
    return project ? { projectName: project.name, clientName: project.company || undefined } : {};
  }
  if (page.kind === 'task') {
    // The reply sync already knows most tasks: answer at once, without a throttled call.
    const thread = await db().threads.get(page.taskId);
    if (thread) return { projectName: thread.projectName, taskName: thread.taskName, taskStatus: thread.status };
    const task = await cached(`${origin} task ${page.taskId}`, TASK_MAX_AGE, () => client.getTask(page.taskId));
    return { projectName: task.project?.name, taskName: task.name, taskStatus: task.status };
  }
  return null;
}
