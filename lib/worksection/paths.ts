// Worksection page addresses (api-reference §6.1): what a page shows, and the
// path of a task or comment. URLs never hold more than three ids: project, top
// task, and the (sub)subtask — a level-2 subtask keeps the top task in the middle.

export type WorksectionPage =
  | { kind: 'project-list' }
  | { kind: 'project'; projectId: string }
  | {
      kind: 'task';
      /** Absent on the /task/ID/ form. */
      projectId?: string;
      /** The task or subtask the page shows (the last id in the path): use as id_task. */
      taskId: string;
      /** The top-level task, when the page shows a subtask. */
      topTaskId?: string;
      /** From a #com123 anchor. */
      commentId?: string;
    }
  | { kind: 'other' };

const PROJECT_PATH = /^\/project(?:\/(\d+)(?:\/(\d+)(?:\/(\d+))?)?)?\/?$/;
const TASK_PATH = /^\/task\/(\d+)\/?$/;
const COMMENT_HASH = /^#?com(\d+)$/;

/** What the page at `pathname` (and `hash`, e.g. "#com19978") shows. */
export function parseWorksectionPath(pathname: string, hash = ''): WorksectionPage {
  const commentId = COMMENT_HASH.exec(hash)?.[1];
  const withComment = <T extends object>(page: T): T & { commentId?: string } =>
    commentId === undefined ? page : { ...page, commentId };

  const project = PROJECT_PATH.exec(pathname);
  if (project) {
    const [, projectId, topId, subId] = project;
    if (projectId === undefined) return { kind: 'project-list' };
    if (topId === undefined) return { kind: 'project', projectId };
    if (subId === undefined) return withComment({ kind: 'task', projectId, taskId: topId });
    return withComment({ kind: 'task', projectId, taskId: subId, topTaskId: topId });
  }
  const task = TASK_PATH.exec(pathname);
  if (task?.[1] !== undefined) return withComment({ kind: 'task', taskId: task[1] });
  return { kind: 'other' };
}

function requireId(value: string, what: string): string {
  if (!/^\d+$/.test(value)) throw new RangeError(`${what} must be a Worksection id (digits), not "${value}"`);
  return value;
}

/** "/project/P/T/", or "/project/P/TOP/T/" for a subtask of TOP. */
export function taskPagePath(projectId: string, taskId: string, topTaskId?: string): string {
  const project = requireId(projectId, 'Project id');
  const task = requireId(taskId, 'Task id');
  if (topTaskId === undefined || topTaskId === taskId) return `/project/${project}/${task}/`;
  return `/project/${project}/${requireId(topTaskId, 'Top task id')}/${task}/`;
}

/** "#com123": the anchor Worksection gives comment 123 on its task page. */
export function commentAnchor(commentId: string): string {
  return `#com${requireId(commentId, 'Comment id')}`;
}
