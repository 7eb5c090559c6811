// The web pages: the anchors third-party integrations use (§6.2), escaping of
// hostile text, the anchor-free layout, in-page navigation and the forms.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator, type TaskTreeView } from '../../simulator/index.ts';
import { call, parseHtml } from './helpers.ts';

const NOW = new Date('2025-03-12T10:30:00Z');
const KNOWN_ANCHORS = ['#header_print', '#tasks_images', '.item', '.task', '.buts_menu', '#comments', '.comment', '#comment_form', '.td_actions', '#content'];
let sim: Simulator;
let all: TaskTreeView[];
let website: { id: string; name: string };

beforeAll(async () => {
  sim = await startSimulator({ port: 0, now: NOW });
  sim.control.setClock({ frozen: true });
  all = sim.control.tasks().flatMap(function flat(task): TaskTreeView[] { return [task, ...task.children.flatMap(flat)]; });
  website = sim.control.data().projects.find((project) => project.name.startsWith('Northwind Coffee — website'))!;
});

afterAll(async () => {
  await sim?.close();
});

const named = (name: string) => all.find((task) => task.name === name)!;

async function page(path: string, headers: Record<string, string> = {}) {
  const reply = await call(sim, path, { headers });
  return { reply, doc: parseHtml(reply.text) };
}

describe('project pages', () => {
  it('redirects / to /project/, which links every project', async () => {
    const root = await call(sim, '/');
    expect(root.status).toBe(302);
    expect(root.headers.location).toBe('/project/');
    const { doc } = await page('/project/');
    for (const project of sim.control.data().projects) {
      expect(doc.querySelector(`a[href="/project/${project.id}/"]`), project.name).not.toBeNull();
    }
  });

  it('has #header_print with the account, then the project name as the last text node', async () => {
    const { doc } = await page(`/project/${website.id}/`);
    const header = doc.querySelector('#header_print')!;
    expect(header.querySelector('span')!.textContent).toBe('Sreda Digital');
    expect(header.lastChild!.nodeValue).toBe(website.name);
  });

  it('lists every task and subtask as #tasks_images .item rows with links and an actions cell', async () => {
    const { doc } = await page(`/project/${website.id}/`);
    const rows = [...doc.querySelectorAll('#tasks_images .item')];
    const tasks = all.filter((task) => task.projectId === website.id);
    expect(rows).toHaveLength(tasks.length);
    for (const row of rows) {
      const task = tasks.find((candidate) => candidate.id === row.getAttribute('data-id'))!;
      expect(task).toBeDefined();
      expect(row.classList.contains(`level${task.level}`)).toBe(true);
      expect(row.querySelector('.name > a')!.getAttribute('href')).toBe(task.page);
      expect(row.querySelector('.name > a')!.textContent).toBe(task.name);
      expect(row.querySelector('.td_actions > span')).not.toBeNull();
      expect(row.querySelector('.td_user')!.textContent).toBe(task.assignee.email === 'NOONE' ? '—' : task.assignee.name);
    }
    expect(rows.map((row) => row.className)).toEqual(expect.arrayContaining([expect.stringContaining('level2')]));
  });

  it('answers 404 for an unknown project', async () => {
    expect((await call(sim, '/project/1/')).status).toBe(404);
  });
});

describe('task pages', () => {
  it.each([
    ['a task', 'Homepage design', (task: TaskTreeView) => task.page],
    ['a sub-subtask (top task in the middle)', 'Hero section with the seasonal offer', (task: TaskTreeView) => task.page],
    ['the /task/ID/ form', 'Desktop mockup', (task: TaskTreeView) => `/task/${task.id}/`],
  ])('serve %s with the task anchors and its comments oldest first', async (_, name, path) => {
    const task = named(name);
    const { reply, doc } = await page(path(task));
    expect(reply.status).toBe(200);
    expect(doc.querySelector('#header_print')!.lastChild!.nodeValue).toBe(website.name);
    const link = doc.querySelector('.task h1 > a')!;
    expect(link.getAttribute('href')).toBe(task.page);
    expect(link.textContent).toBe(task.name);
    expect(doc.querySelector('.task .buts_menu')!.textContent).toContain('Done');
    const comments = sim.control.comments(task.id);
    const blocks = [...doc.querySelectorAll('#comments .comment')];
    expect(blocks.map((block) => block.id)).toEqual(comments.map((comment) => `com${comment.id}`));
    for (const [index, block] of blocks.entries()) {
      expect(block.querySelector('.comment__author')!.textContent).toBe(comments[index]!.author.name);
      expect(block.querySelector('.comment__date')!.textContent).toBe(comments[index]!.date);
      expect(block.querySelector('.comment__date')!.textContent).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
      expect(block.querySelector('.comment__text')).not.toBeNull();
    }
    expect(doc.querySelector('form#comment_form textarea[name="text"]')).not.toBeNull();
    expect(doc.querySelector('form#comment_form button[type="submit"]')!.textContent).toBe('Send');
  });

  it('shows the description with its checklist and the subtask list', async () => {
    const task = named('Menu page design');
    const { doc } = await page(task.page);
    expect([...doc.querySelectorAll('.task_text .checklist li')].map((item) => item.textContent)).toEqual(task.todo);
    expect([...doc.querySelectorAll('.subtasks .subtask a')].map((a) => a.textContent)).toEqual(task.children.map((child) => child.name));
  });

  it('answers 404 when the middle id is not the top task', async () => {
    const level2 = named('Hero section with the seasonal offer');
    const middle = named('Desktop mockup');
    expect((await call(sim, `/project/${website.id}/${middle.id}/${level2.id}/`)).status).toBe(404);
  });
});

describe('hostile text', () => {
  it('is shown as text, never as markup', async () => {
    const task = all.find((candidate) => candidate.name.includes('<img src=x onerror=alert(1)>'))!;
    for (const path of [task.page, `/project/${task.projectId}/`, `${task.page}?layout=unknown`]) {
      const { reply, doc } = await page(path);
      expect(doc.querySelectorAll('img[onerror], [onerror]'), path).toHaveLength(0);
      // The only script is the page's own navigation script.
      expect(doc.querySelectorAll('script'), path).toHaveLength(1);
      expect(reply.text).toContain('&lt;img src=x onerror=alert(1)&gt;');
      expect(doc.body.textContent).toContain('<img src=x onerror=alert(1)>');
    }
    const { doc } = await page(task.page);
    expect(doc.querySelector('.task h1 > a')!.textContent).toBe(task.name);
    const hostileComment = [...doc.querySelectorAll('.comment__text')].find((text) => text.textContent!.includes('<script>'));
    expect(hostileComment).toBeDefined();
  });
});

describe('the unknown layout', () => {
  it('has none of the known anchors, on the same paths, and keeps the variant in its links', async () => {
    const task = named('Desktop mockup');
    for (const path of ['/project/', `/project/${website.id}/`, task.page, `/task/${task.id}/`]) {
      const { reply, doc } = await page(`${path}?layout=unknown`);
      expect(reply.status).toBe(200);
      for (const selector of KNOWN_ANCHORS) expect(doc.querySelector(selector), `${path} ${selector}`).toBeNull();
      const links = [...doc.querySelectorAll('a[href^="/project/"]')].map((a) => a.getAttribute('href'));
      expect(links.length).toBeGreaterThan(0);
      expect(links.every((href) => href!.endsWith('?layout=unknown'))).toBe(true);
    }
    const { doc } = await page(`${task.page}?layout=unknown`);
    expect(doc.body.textContent).toContain(task.name);
    expect(doc.querySelectorAll('.ws2-msg')).toHaveLength(sim.control.comments(task.id).length);
  });
});

describe('the rich comment editor (editor=rich)', () => {
  it('puts a contenteditable in <p> paragraphs and a hidden text field in the comment form, with the script that fills it, and keeps the variant', async () => {
    const task = named('Desktop mockup');
    for (const query of ['?editor=rich', '?layout=modal&editor=rich', '?nav=reload&editor=rich']) {
      const { doc } = await page(`${task.page}${query}`);
      const form = doc.querySelector('form#comment_form')!;
      expect(form.querySelector('textarea'), query).toBeNull();
      const editor = form.querySelector('[contenteditable="true"]')!;
      expect([editor.getAttribute('role'), editor.getAttribute('aria-multiline'), editor.getAttribute('aria-label')]).toEqual(['textbox', 'true', 'Comment']);
      expect(editor.innerHTML).toBe('<p><br></p>');
      expect(form.querySelector('input[type=hidden][name=text]')).not.toBeNull();
      expect(form.getAttribute('action')).toBe(`${task.page}${query}`);
      const scripts = [...doc.querySelectorAll('script')].map((script) => script.textContent!);
      expect(scripts.some((script) => script.includes("defaultParagraphSeparator") && script.includes('submit')), query).toBe(true);
    }
    const { doc } = await page(`/project/${website.id}/?layout=modal&editor=rich`);
    expect(doc.querySelector(`#tasks_images .item[data-id="${task.id}"] .name a`)!.getAttribute('href')).toBe(`${task.page}?layout=modal&editor=rich`);
    const plain = await page(task.page);
    expect(plain.doc.querySelector('form#comment_form textarea[name=text]')).not.toBeNull();
    expect(plain.doc.querySelector('[contenteditable]')).toBeNull();
  });
});

describe('in-page navigation', () => {
  it('returns only the content for X-Requested-With, with the title in a header', async () => {
    const task = named('Homepage design');
    const reply = await call(sim, task.page, { headers: { 'x-requested-with': 'XMLHttpRequest' } });
    expect(reply.status).toBe(200);
    expect(reply.text).not.toMatch(/<html|<body|<script|id="sidebar"/);
    expect(reply.text.startsWith('<div id="header_print">')).toBe(true);
    expect(decodeURIComponent(String(reply.headers['x-page-title']))).toBe(`Homepage design — ${website.name} — Worksection`);
    const full = await page(task.page);
    const fragment = parseHtml(`<div id="content">${reply.text}</div>`);
    expect(full.doc.querySelector('#content')!.innerHTML).toBe(fragment.querySelector('#content')!.innerHTML);
    expect(full.doc.title).toBe(`Homepage design — ${website.name} — Worksection`);
  });

  it('ships the script that swaps #content, sets the title and pushes history', async () => {
    const { doc } = await page(`/project/${website.id}/`);
    const script = doc.querySelector('script')!.textContent!;
    for (const part of ["'X-Requested-With': 'XMLHttpRequest'", 'history.pushState', 'popstate', 'document.title', 'innerHTML']) {
      expect(script).toContain(part);
    }
    expect(doc.querySelector('#content[data-nav-root]')).not.toBeNull();
  });
});

describe('page forms', () => {
  it('posts a comment as the account owner, then shows it', async () => {
    const task = named('Mobile mockup');
    const form = await call(sim, task.page, {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'text=Thanks%2C+on+it%21',
    });
    expect(form.status).toBe(303);
    const last = sim.control.comments(task.id).at(-1)!;
    expect(last).toMatchObject({ body: 'Thanks, on it!', author: { name: 'Account Desk Demo', client: false }, date: '2025-03-12 10:30' });
    expect(form.headers.location).toBe(`${task.page}#com${last.id}`);
    const xhr = await call(sim, task.page, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-requested-with': 'XMLHttpRequest' },
      body: 'text=Second+reply',
    });
    const id = String(xhr.headers['x-comment-id']);
    const doc = parseHtml(`<div id="content">${xhr.text}</div>`);
    expect(doc.querySelector(`#com${id} .comment__text`)!.textContent).toBe('Second reply');
    expect(doc.querySelector(`#com${id} .comment__author`)!.textContent).toBe('Account Desk Demo');
  });

  it('closes a task with Done and refuses while subtasks are open', async () => {
    const parent = named('Store locator page');
    const blocked = await call(sim, parent.page, {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-requested-with': 'XMLHttpRequest' }, body: 'do=complete',
    });
    expect(blocked.text).toContain('Close its open subtasks first.');
    const leaf = named('Map integration (Google Maps API)');
    await call(sim, leaf.page, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'do=complete' });
    const after = sim.control.tasks(website.id).flatMap(function flat(t): TaskTreeView[] { return [t, ...t.children.flatMap(flat)]; })
      .find((task) => task.id === leaf.id)!;
    expect(after).toMatchObject({ status: 'done', dateClosed: '2025-03-12 10:30' });
  });
});

describe('downloads', () => {
  it('serve attached files with their advertised size', async () => {
    const task = named('Discovery and project brief');
    const { doc } = await page(task.page);
    const link = doc.querySelector('a[href*="/download/"]')!;
    const reply = await call(sim, link.getAttribute('href')!);
    expect(reply.status).toBe(200);
    expect(reply.headers['content-disposition']).toContain('Northwind_brand_guidelines.pdf');
    expect((await call(sim, '/download/1/')).status).toBe(404);
  });
});
