// Web pages of the demo account: project list, project, task (three URL
// forms, §6.1), the page forms (comment, Done/Reopen, rename), downloads.
// Requests with X-Requested-With get only the content, for in-page navigation.

import type { SimClock } from '../clock.ts';
import type { HttpAnswer } from '../api/gateway.ts';
import type { Store, Task } from '../model.ts';
import { addComment, completeTask, hasOpenChildren, reopenTask, updateTask } from '../operations.ts';
import { BLANK_GIF } from './assets.ts';
import { modeQuery, pageMode } from './html.ts';
import { documentHtml, notFoundPage, projectListPage, projectPage, taskPage, type PageBody, type ViewContext } from './views.ts';

export interface WebRequest {
  method: string;
  path: string;
  search: URLSearchParams;
  /** X-Requested-With: XMLHttpRequest (the page's own navigation script). */
  xhr: boolean;
  contentType: string;
  bodyText: string;
}

export interface WebAnswer extends Omit<HttpAnswer, 'body'> {
  body: string | Buffer;
}

const HTML_TYPE = 'text/html; charset=utf-8';

export function handlePage(store: Store, clock: SimClock, request: WebRequest): WebAnswer {
  const view: ViewContext = { store, ...pageMode(request.search), now: clock.now() };
  const { path } = request;
  const layoutQuery = modeQuery(view);
  // The modal layout's script asks for a task's content to show over the project page.
  const inModal = request.xhr && request.search.get('modal') === '1';

  if (path === '/' || path === '/project') return redirect(302, `/project/${layoutQuery}`);
  if (/^\/(project|task)\/[\d/]*\d$/.test(path)) return redirect(301, `${path}/${layoutQuery}`);
  if (path === '/favicon.ico') return { status: 204, headers: {}, body: '' };
  if (path.startsWith('/images/')) return { status: 200, headers: { 'content-type': 'image/gif', 'cache-control': 'max-age=3600' }, body: BLANK_GIF };
  const download = /^\/download\/(\d+)\/(?:\d+\/)?$/.exec(path);
  if (download) return downloadFile(store, download[1] ?? '', view);

  if (path === '/project/') return page(view, request, projectListPage(view));
  const projectMatch = /^\/project\/(\d+)\/$/.exec(path);
  if (projectMatch) {
    const project = store.project(projectMatch[1] ?? '');
    return page(view, request, project ? projectPage(view, project) : notFoundPage(view));
  }
  const task = taskAt(store, path);
  if (!task) return page(view, request, notFoundPage(view));
  if (request.method === 'POST') return submitTaskForm(view, request, task, inModal);
  return page(view, request, taskPage(view, task, path, undefined, inModal));
}

/** /project/P/T/, /project/P/TOP/S/ (a sub-subtask also names its top task) or /task/T/. */
function taskAt(store: Store, path: string): Task | undefined {
  const direct = /^\/task\/(\d+)\/$/.exec(path);
  if (direct) return store.task(direct[1] ?? '');
  const nested = /^\/project\/(\d+)\/(\d+)\/(?:(\d+)\/)?$/.exec(path);
  if (!nested) return undefined;
  const [, projectId, topId, subId] = nested;
  const task = store.task(subId ?? topId ?? '');
  if (!task || task.projectId !== projectId) return undefined;
  if (subId !== undefined && store.topAncestor(task).id !== topId) return undefined;
  return task;
}

function page(view: ViewContext, request: WebRequest, body: PageBody): WebAnswer {
  const status = body.status ?? 200;
  if (request.xhr) {
    return {
      status,
      headers: { 'content-type': HTML_TYPE, 'x-page-title': encodeURIComponent(body.title), vary: 'X-Requested-With', 'cache-control': 'no-store' },
      body: body.content,
    };
  }
  return { status, headers: { 'content-type': HTML_TYPE, vary: 'X-Requested-With', 'cache-control': 'no-store' }, body: documentHtml(view, body) };
}

function redirect(status: number, location: string): WebAnswer {
  return { status, headers: { location }, body: '' };
}

/** The task page's forms act as the account owner: the person signed in to the web app. */
function submitTaskForm(view: ViewContext, request: WebRequest, task: Task, inModal: boolean): WebAnswer {
  const { store } = view;
  const form = new URLSearchParams(/x-www-form-urlencoded/i.test(request.contentType) ? request.bodyText : '');
  const owner = store.owner();
  const now = view.now;
  const back = `${request.path}${modeQuery(view)}`;
  let notice: string | undefined;
  let commentId: string | undefined;
  const act = form.get('do');
  if (act === 'complete') {
    if (task.status === 'done') notice = 'The task is already closed.';
    else if (hasOpenChildren(store, task)) notice = 'Close its open subtasks first.';
    else completeTask(store, task, owner.id, now);
  } else if (act === 'reopen') {
    const parent = task.parentId ? store.task(task.parentId) : undefined;
    if (task.status === 'active') notice = 'The task is already open.';
    else if (parent?.status === 'done') notice = 'Reopen the parent task first.';
    else reopenTask(store, task, owner.id, now);
  } else if (act === 'rename') {
    const title = form.get('title')?.trim() ?? '';
    if (title === '') notice = 'The task needs a name.';
    else updateTask(store, task, { name: title }, owner.id, now);
  } else {
    const text = form.get('text') ?? '';
    if (text.trim() === '') notice = 'Write a comment first.';
    else commentId = addComment(store, { taskId: task.id, authorId: owner.id, body: text.trim(), todo: [], mentions: [], at: now }).id;
  }
  if (!request.xhr) return redirect(303, commentId ? `${back}#com${commentId}` : back);
  const answer = page(view, request, taskPage(view, task, request.path, notice, inModal));
  if (commentId) answer.headers['x-comment-id'] = commentId;
  return answer;
}

function downloadFile(store: Store, fileId: string, view: ViewContext): WebAnswer {
  const files = [...store.tasks.values()].flatMap((task) => task.files).concat(store.comments.flatMap((comment) => comment.files));
  const file = files.find((candidate) => candidate.id === fileId);
  if (!file) {
    const body = notFoundPage(view);
    return { status: 404, headers: { 'content-type': HTML_TYPE }, body: documentHtml(view, body) };
  }
  // A placeholder of the advertised size, so size checks and progress bars behave.
  const content = Buffer.alloc(file.size, `Simulated file ${file.name}\n`);
  return {
    status: 200,
    headers: {
      'content-type': 'application/octet-stream',
      'content-disposition': `attachment; filename="${file.name.replace(/[^\w.-]/g, '_')}"`,
    },
    body: content,
  };
}
