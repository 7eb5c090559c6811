// Server-rendered pages shaped after the selectors third-party integrations
// use (api-reference §6.2): #header_print, #tasks_images .item, .task h1 > a,
// .buts_menu, and the ThickBox task modal (#TB_window, #TB_title .name a) in
// the "modal" layout. The "unknown" layout shows the same data with none of
// them, so the extension's fallback dock can be tested. `editor=rich` puts a
// contenteditable editor in the comment form instead of the textarea.

import { formatDateTime, formatDay } from '../format.ts';
import { ANYONE_ID, NOBODY_ID, fullName, type Comment, type Project, type Store, type Task } from '../model.ts';
import { NAVIGATION_SCRIPT, RICH_EDITOR_SCRIPT, STYLES } from './assets.ts';
import { avatarHue, esc, fileSize, href, initials, multiline, type Html, type PageMode } from './html.ts';

export interface PageBody {
  title: string;
  /** Inner HTML of the navigation root (#content, or #app-main in the unknown layout). */
  content: Html;
  projectId?: string;
  status?: number;
}

export interface ViewContext extends PageMode {
  store: Store;
  now: Date;
}

function personName(store: Store, id: string): string {
  if (id === NOBODY_ID) return '—';
  if (id === ANYONE_ID) return 'Anyone';
  const user = store.user(id);
  return user ? fullName(user) : '—';
}

function avatar(store: Store, id: string): Html {
  const name = personName(store, id);
  return `<span class="avatar" style="background:hsl(${avatarHue(id)},45%,52%)" aria-hidden="true">${esc(initials(name))}</span>`;
}

/** Description or comment body, with its checklist items as a list. */
function richText(body: string, todo: readonly string[], mentions: readonly string[]): Html {
  const text = [body, ...mentions].filter(Boolean).join(' ');
  const list = todo.length > 0 ? `<ul class="checklist">${todo.map((item) => `<li>${esc(item)}</li>`).join('')}</ul>` : '';
  return `${text ? multiline(text) : ''}${list}`;
}

/** Depth-first task tree: the order of a Worksection task list. */
function treeRows(store: Store, tasks: readonly Task[], level = 0): Array<{ task: Task; level: number }> {
  return [...tasks]
    .sort((a, b) => Number(a.id) - Number(b.id))
    .flatMap((task) => [{ task, level }, ...treeRows(store, store.children(task.id), level + 1)]);
}

// ---- page shell -----------------------------------------------------------

export function documentHtml(view: ViewContext, body: PageBody): Html {
  const { store, layout } = view;
  const owner = store.owner();
  const nav = store.projects
    .filter((project) => project.status !== 'archive')
    .map((project) => `<a href="${href(`/project/${project.id}/`, view)}"${project.id === body.projectId ? ' class="current"' : ''}>${esc(project.name)}</a>`)
    .join('');
  const user = `<span class="top_user">${avatar(store, owner.id)}${esc(fullName(owner))}</span>`;
  const frame = layout !== 'unknown'
    ? `<div id="top_bar"><a class="logo" href="/project/">work<b>section</b></a><a href="/project/">Projects</a>${user}</div>
<div id="wrapper"><aside id="sidebar"><h4>Projects</h4>${nav}</aside>
<div id="content" data-nav-root>${body.content}</div></div>`
    : `<header class="ws2-topbar"><a class="logo" href="${href('/project/', view)}">work<b>section</b></a>${user}</header>
<div class="ws2-layout"><nav class="ws2-nav"><h4>Projects</h4>${nav}</nav>
<main id="app-main" data-nav-root>${body.content}</main></div>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(body.title)}</title><style>${STYLES}</style></head>
<body data-layout="${layout}">
${frame}
${view.reload ? '' : `<script>${NAVIGATION_SCRIPT}</script>`}${view.editor === 'rich' ? `<script>${RICH_EDITOR_SCRIPT}</script>` : ''}
</body></html>`;
}

export function pageTitle(...parts: string[]): string {
  return [...parts, 'Worksection'].join(' — ');
}

function headerPrint(store: Store, name: string): Html {
  return `<div id="header_print"><span>${esc(store.account.name)}</span>${esc(name)}</div>`;
}

// ---- project list ---------------------------------------------------------

export function projectListPage(view: ViewContext): PageBody {
  const { store, layout } = view;
  const projects = store.projects.filter((project) => project.status !== 'archive');
  const counts = (project: Project) => {
    const tasks = [...store.tasks.values()].filter((task) => task.projectId === project.id);
    return { all: tasks.length, open: tasks.filter((task) => task.status === 'active').length };
  };
  if (layout === 'unknown') {
    const rows = projects.map((project) => {
      const { all, open } = counts(project);
      return `<li><a class="ws2-link" href="${href(`/project/${project.id}/`, view)}">${esc(project.name)}</a><span class="ws2-meta">${esc(project.company)} · ${open} open of ${all}</span></li>`;
    });
    return {
      title: pageTitle('Projects'),
      content: `<section class="ws2-card"><p class="ws2-crumbs">${esc(store.account.name)}</p><h2 class="ws2-title">Projects</h2><ul class="ws2-rows">${rows.join('')}</ul></section>`,
    };
  }
  const rows = projects.map((project) => {
    const { all, open } = counts(project);
    return `<div class="project_row"><a class="project_name" href="/project/${project.id}/">${esc(project.name)}</a>`
      + `<span class="project_company">${esc(project.company)}</span>`
      + `<span class="project_manager">${esc(personName(store, project.managerId ?? NOBODY_ID))}</span>`
      + `<span class="project_count">${open} open of ${all}</span></div>`;
  });
  return {
    title: pageTitle('Projects'),
    content: `${headerPrint(store, 'Projects')}<h1 class="page_title">Projects</h1><div class="projects_list panel">${rows.join('')}</div>`,
  };
}

// ---- project page ---------------------------------------------------------

export function projectPage(view: ViewContext, project: Project): PageBody {
  const { store, layout } = view;
  const today = formatDay(view.now, store.account.timeZone);
  const rows = treeRows(store, store.topLevelTasks(project.id));
  const open = rows.filter(({ task }) => task.status === 'active').length;
  const meta = `${esc(project.company)} · Manager: ${esc(personName(store, project.managerId ?? NOBODY_ID))} · ${open} open of ${rows.length} tasks`;
  const commentCount = (task: Task) => store.commentsOf(task.id).length;
  if (layout === 'unknown') {
    const items = rows.map(({ task, level }) =>
      `<li class="ws2-depth${level}" data-task="${task.id}"><a class="ws2-link" href="${href(store.taskPage(task), view)}">${task.status === 'done' ? '✓ ' : ''}${esc(task.name)}</a>`
      + `<span class="ws2-meta">${esc(personName(store, task.assigneeId))}${task.dateEnd ? ` · due ${task.dateEnd}` : ''} · ${commentCount(task)} comments</span></li>`);
    return {
      title: pageTitle(project.name),
      projectId: project.id,
      content: `<section class="ws2-card"><p class="ws2-crumbs">${esc(store.account.name)} · ${esc(project.company)}</p><h2 class="ws2-title">${esc(project.name)}</h2><p>${meta}</p><ul class="ws2-rows">${items.join('')}</ul></section>`,
    };
  }
  const items = rows.map(({ task, level }) => {
    const overdue = task.status === 'active' && task.dateEnd !== undefined && task.dateEnd < today;
    const tags = task.tagIds.map((id) => store.tag(id)).filter((tag) => tag?.type === 'label')
      .map((tag) => `<span class="tag">${esc(tag?.title ?? '')}</span>`).join('');
    return `<div class="item level${level} ${task.status === 'done' ? 'done' : 'active'}" data-id="${task.id}">`
      + `<div class="td_status"><span class="status" title="${task.status === 'done' ? 'Done' : 'Open'}"></span></div>`
      + `<div class="name"><a href="${href(store.taskPage(task), view)}">${esc(task.name)}</a>${tags}</div>`
      + `<div class="td_user">${esc(personName(store, task.assigneeId))}</div>`
      + `<div class="td_date${overdue ? ' overdue' : ''}">${task.dateEnd ?? ''}</div>`
      + `<div class="td_comments">${commentCount(task) > 0 ? `<span title="Comments">${commentCount(task)}</span>` : ''}</div>`
      + `<div class="td_actions"><span class="${task.priority >= 8 ? 'high' : ''}" title="Priority ${task.priority}">P${task.priority}</span></div>`
      + `</div>`;
  });
  return {
    title: pageTitle(project.name),
    projectId: project.id,
    content: `${headerPrint(store, project.name)}<div class="project_head"><h1 class="project_title">${esc(project.name)}</h1><div class="project_meta">${meta}</div></div>`
      + `<div id="tasks_images" class="panel"><div class="tasks_header"><span></span><span>Task</span><span>Assignee</span><span>Deadline</span><span>Comments</span><span>Priority</span></div>${items.join('')}</div>`,
  };
}

// ---- task page ------------------------------------------------------------

function commentBlock(view: ViewContext, comment: Comment): Html {
  const { store, layout } = view;
  const date = formatDateTime(comment.date, store.account.timeZone);
  const files = comment.files.map((file) => `<a href="/download/${file.id}/">${esc(file.name)}</a>`).join('');
  if (layout === 'unknown') {
    return `<div class="ws2-msg" id="msg${comment.id}"><header><strong>${esc(personName(store, comment.authorId))}</strong> · ${date}</header>`
      + `<div>${richText(comment.body, comment.todo, comment.mentions)}</div>${files}</div>`;
  }
  const hidden = comment.hiddenFor ? `<span class="comment__hidden">visible to ${comment.hiddenFor.length} people</span>` : '';
  return `<div class="comment" id="com${comment.id}" data-id="${comment.id}">${avatar(store, comment.authorId)}<div class="comment__body">`
    + `<div class="comment__head"><span class="comment__author">${esc(personName(store, comment.authorId))}</span><span class="comment__date">${date}</span>${hidden}</div>`
    + `<div class="comment__text">${richText(comment.body, comment.todo, comment.mentions)}</div>`
    + `${files ? `<div class="comment__files">${files}</div>` : ''}</div></div>`;
}

/** The comment form's editor: a textarea, or a rich editor whose text the page script puts in the hidden field on submit. */
function commentEditor(view: ViewContext): Html {
  if (view.editor === 'plain') return '<textarea name="text" placeholder="Write a comment…" aria-label="Comment"></textarea>';
  return '<input type="hidden" name="text"><div class="rich_editor" contenteditable="true" role="textbox" aria-multiline="true" aria-label="Comment"><p><br></p></div>';
}

/** A task page, or (`inModal`) the content of the task modal over a project page, which has no page header. */
export function taskPage(view: ViewContext, task: Task, path: string, notice?: string, inModal = false): PageBody {
  const { store, layout } = view;
  const project = store.project(task.projectId);
  if (!project) throw new Error(`task ${task.id} has no project`);
  const tz = store.account.timeZone;
  const page = store.taskPage(task);
  const action = href(path, view);
  const comments = store.commentsOf(task.id);
  const parent = task.parentId ? store.task(task.parentId) : undefined;
  const subtasks = treeRows(store, store.children(task.id), 1);
  const stateButton = task.status === 'active'
    ? `<form method="post" action="${action}" data-xhr><input type="hidden" name="do" value="complete"><button type="submit" class="but but_done">Done</button></form>`
    : `<form method="post" action="${action}" data-xhr><input type="hidden" name="do" value="reopen"><button type="submit" class="but">Reopen</button></form>`;
  const files = task.files.map((file) => `<a href="/download/${file.id}/">${esc(file.name)}</a> <small>${fileSize(file.size)}</small>`).join(' ');
  const title = pageTitle(task.name, project.name);

  if (layout === 'unknown') {
    const subtaskItems = subtasks.map(({ task: child, level }) =>
      `<li class="ws2-depth${level - 1}"><a class="ws2-link" href="${href(store.taskPage(child), view)}">${child.status === 'done' ? '✓ ' : ''}${esc(child.name)}</a><span class="ws2-meta">${esc(personName(store, child.assigneeId))}</span></li>`);
    return {
      title,
      projectId: project.id,
      content: `<article class="ws2-card" data-task="${task.id}"><p class="ws2-crumbs">${esc(store.account.name)} · <a href="${href(`/project/${project.id}/`, view)}">${esc(project.name)}</a></p>`
        + `<h2 class="ws2-title"><a href="${href(page, view)}">${esc(task.name)}</a></h2>${notice ? `<p role="alert">${esc(notice)}</p>` : ''}<nav class="ws2-toolbar">${stateButton}</nav>`
        + `<div class="ws2-body">${richText(task.body, task.todo, task.mentions)}</div>${files}`
        + (subtaskItems.length > 0 ? `<ul class="ws2-rows">${subtaskItems.join('')}</ul>` : '')
        + `<section class="ws2-thread">${comments.map((comment) => commentBlock(view, comment)).join('')}</section>`
        + `<form class="ws2-reply" method="post" action="${action}" data-xhr><textarea name="text" placeholder="Reply…"></textarea><button type="submit">Send</button></form></article>`,
    };
  }

  const info: Array<[string, string]> = [
    ['Author', esc(personName(store, task.authorId))],
    ['Assignee', esc(personName(store, task.assigneeId))],
    ['Created', formatDateTime(task.dateAdded, tz)],
  ];
  if (task.dateStart || task.dateEnd) info.push(['Dates', `${task.dateStart ?? '…'} – ${task.dateEnd ?? '…'}${task.timeStart ? ` (${task.timeStart}–${task.timeEnd ?? ''})` : ''}`]);
  if (task.dateClosed) info.push(['Closed', formatDateTime(task.dateClosed, tz)]);
  info.push(['Priority', String(task.priority)]);
  const tags = task.tagIds.map((id) => store.tag(id)?.title).filter(Boolean) as string[];
  if (tags.length > 0) info.push(['Tags', tags.map((tag) => `<span class="tag">${esc(tag)}</span>`).join('')]);
  if (task.subscriberIds.length > 0) info.push(['Subscribers', esc(task.subscriberIds.map((id) => personName(store, id)).join(', '))]);
  const subtaskRows = subtasks.map(({ task: child, level }) =>
    `<div class="subtask level${level} ${child.status === 'done' ? 'done' : 'active'}" data-id="${child.id}"><span class="status"></span><a href="${href(store.taskPage(child), view)}">${esc(child.name)}</a><span class="who">${esc(personName(store, child.assigneeId))}${child.dateEnd ? ` · ${child.dateEnd}` : ''}</span></div>`);
  const trail = [`<a href="${href(`/project/${project.id}/`, view)}">${esc(project.name)}</a>`];
  if (parent) trail.push(`<a href="${href(store.taskPage(parent), view)}">${esc(parent.name)}</a>`);
  const description = richText(task.body, task.todo, task.mentions);
  return {
    title,
    projectId: project.id,
    content: `${inModal ? '' : headerPrint(store, project.name)}<div class="task${task.status === 'done' ? ' closed' : ''}" data-id="${task.id}">`
      + `<div class="task_path">${trail.join(' / ')}</div>`
      + (notice ? `<div class="notice" role="alert">${esc(notice)}</div>` : '')
      + `<h1><a href="${page}">${esc(task.name)}</a></h1>`
      + `<div class="buts_menu">${stateButton}<details class="but_edit"><summary class="but">Edit</summary>`
      + `<form method="post" action="${action}" data-xhr><input type="hidden" name="do" value="rename"><input type="text" name="title" value="${esc(task.name)}" aria-label="Task name"><button type="submit">Save</button></form></details></div>`
      + `<dl class="task_info">${info.map(([term, value]) => `<dt>${term}</dt><dd>${value}</dd>`).join('')}</dl>`
      + (description ? `<div class="task_text">${description}</div>` : '')
      + (files ? `<div class="task_files">${files}</div>` : '')
      + (subtaskRows.length > 0 ? `<div class="subtasks"><h3>Subtasks</h3>${subtaskRows.join('')}</div>` : '')
      + `<div id="comments"><h3>Comments (${comments.length})</h3>${comments.map((comment) => commentBlock(view, comment)).join('')}</div>`
      + `<form id="comment_form" method="post" action="${action}" data-xhr>${commentEditor(view)}`
      + `<div class="form_buts"><button type="submit">Send</button></div></form></div>`,
  };
}

export function notFoundPage(view: ViewContext): PageBody {
  const content = `<div class="not_found"><h1>Page not found</h1><p>The page does not exist or you have no access to it.</p><p><a href="${href('/project/', view)}">All projects</a></p></div>`;
  return { title: pageTitle('Page not found'), content, status: 404 };
}

/** What an address on worksection.com that is not an account shows. */
export function unknownAccountHtml(host: string): Html {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Account not found — Worksection</title><style>${STYLES}</style></head>
<body><div class="not_found"><h1>Account not found</h1><p>There is no Worksection account at ${esc(host)}.</p><p><a href="https://worksection.com/">worksection.com</a></p></div></body></html>`;
}
