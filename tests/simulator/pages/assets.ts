// The pages' only style sheet and script, inlined like a server-rendered app.

export const STYLES = `
*{box-sizing:border-box}
body{margin:0;font:13px/1.45 -apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:#262b33;background:#f2f4f7}
a{color:#1f6fd1;text-decoration:none}a:hover{text-decoration:underline}
#top_bar,.ws2-topbar{height:44px;display:flex;align-items:center;gap:18px;padding:0 16px;background:#2d3440;color:#dfe4ea}
#top_bar a,.ws2-topbar a{color:#dfe4ea}
.logo{font-weight:700;font-size:16px;letter-spacing:.3px}.logo b{color:#7dc242}
.top_user{margin-left:auto;display:flex;align-items:center;gap:8px}
.avatar{display:inline-flex;align-items:center;justify-content:center;width:26px;height:26px;border-radius:50%;color:#fff;font-size:11px;font-weight:600;flex:none}
#wrapper,.ws2-layout{display:flex;min-height:calc(100vh - 44px)}
#sidebar,.ws2-nav{width:230px;flex:none;background:#fff;border-right:1px solid #e1e5ea;padding:14px 0}
#sidebar h4,.ws2-nav h4{margin:0 16px 8px;font-size:11px;text-transform:uppercase;color:#8a93a0;letter-spacing:.5px}
#sidebar a,.ws2-nav a{display:block;padding:6px 16px;color:#262b33;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
#sidebar a.current,.ws2-nav a.current{background:#eaf2fc;color:#1f6fd1}
#content,#app-main{flex:1;min-width:0;padding:18px 24px 40px}
#header_print{font-size:12px;color:#8a93a0;margin-bottom:6px}#header_print span{margin-right:6px}
#header_print span:after{content:" /"}
.project_title,.page_title{margin:0 0 4px;font-size:22px;font-weight:600}
.project_meta{color:#6b7482;margin-bottom:16px}
.panel{background:#fff;border:1px solid #e1e5ea;border-radius:6px}
.tasks_header,.item{display:grid;grid-template-columns:22px minmax(0,1fr) 170px 100px 60px 54px;align-items:center;gap:8px;padding:7px 12px}
.tasks_header{font-size:11px;text-transform:uppercase;color:#8a93a0;border-bottom:1px solid #e1e5ea}
.item{border-bottom:1px solid #eef0f3}.item:hover{background:#f8fafc}
.item.level1 .name{padding-left:22px}.item.level2 .name{padding-left:44px}
.item.done .name a{color:#8a93a0;text-decoration:line-through}
.status{display:inline-block;width:14px;height:14px;border:1.5px solid #b8c0cc;border-radius:3px}
.done .status{background:#7dc242;border-color:#7dc242}
.td_user,.td_date{color:#4b5360;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.td_date.overdue{color:#d64545}
.td_comments span{display:inline-block;min-width:22px;padding:0 6px;border-radius:9px;background:#eef1f5;color:#4b5360;text-align:center;font-size:11px}
.td_actions span{display:inline-block;padding:1px 6px;border-radius:3px;background:#f3f4f6;color:#6b7482;font-size:11px}
.td_actions span.high{background:#fde8e8;color:#c53030}
.tag{display:inline-block;margin-left:6px;padding:0 6px;border-radius:3px;background:#eef5e8;color:#4d7a28;font-size:11px}
.projects_list .project_row{display:grid;grid-template-columns:minmax(0,1fr) 170px 170px 120px;gap:10px;padding:10px 14px;border-bottom:1px solid #eef0f3}
.project_name{font-weight:600}
.task{background:#fff;border:1px solid #e1e5ea;border-radius:6px;padding:18px 22px}
.task_path{color:#8a93a0;font-size:12px;margin-bottom:4px}
.task h1{margin:0 0 10px;font-size:21px;font-weight:600}.task h1 a{color:#262b33}
.task.closed h1 a{text-decoration:line-through;color:#8a93a0}
.buts_menu{display:flex;gap:6px;align-items:flex-start;margin-bottom:14px}
.buts_menu form{margin:0}
.but,button{font:inherit;padding:5px 12px;border:1px solid #cfd6df;border-radius:4px;background:#fff;color:#262b33;cursor:pointer}
.but_done{background:#7dc242;border-color:#6cae35;color:#fff}
details.but_edit summary{list-style:none}details.but_edit[open] form{display:flex;gap:6px;margin-top:6px}
.task_info{display:grid;grid-template-columns:110px 1fr;gap:4px 12px;margin:0 0 14px;color:#4b5360}
.task_info dt{color:#8a93a0}.task_info dd{margin:0}.task_info .tag:first-child{margin-left:0}
.task_text{margin:0 0 16px;padding:12px 14px;background:#fafbfc;border-radius:4px}
.checklist{list-style:none;margin:8px 0 0;padding:0}.checklist li{padding:2px 0}
.checklist li:before{content:"";display:inline-block;width:12px;height:12px;margin-right:8px;border:1.5px solid #b8c0cc;border-radius:2px;vertical-align:-2px}
.task_files a{display:inline-block;margin:0 12px 10px 0}
.subtasks{margin:0 0 18px}.subtasks h3,#comments h3{font-size:14px;margin:0 0 8px}
.subtask{display:flex;gap:10px;padding:5px 0;border-bottom:1px solid #eef0f3}.subtask.level2{padding-left:22px}
.subtask.done a{text-decoration:line-through;color:#8a93a0}.subtask .who{margin-left:auto;color:#6b7482}
#comments{margin-top:6px}
.comment{display:flex;gap:10px;padding:10px 0;border-top:1px solid #eef0f3}
.comment:target{background:#fffbe6}
.comment__head{display:flex;gap:10px;align-items:baseline}.comment__author{font-weight:600}
.comment__date,.comment__hidden{color:#8a93a0;font-size:12px}
.comment__text{margin-top:3px;overflow-wrap:anywhere}
.comment__files a{display:inline-block;margin-top:4px;margin-right:10px;font-size:12px}
#comment_form{margin-top:14px}#comment_form textarea{width:100%;min-height:70px;padding:8px;border:1px solid #cfd6df;border-radius:4px;font:inherit}
#comment_form .rich_editor{min-height:70px;padding:8px;border:1px solid #cfd6df;border-radius:4px;background:#fff;overflow-wrap:anywhere}
.rich_editor p{margin:0}.rich_editor:focus{outline:2px solid #9cc3f5}
#comment_form .form_buts{margin-top:6px}#comment_form button{background:#1f6fd1;border-color:#1f6fd1;color:#fff}
.notice{margin:0 0 10px;padding:8px 12px;border-radius:4px;background:#fff4e5;color:#8a5a00}
.not_found{padding:60px;text-align:center;color:#6b7482}
.ws2-card{background:#fff;border-radius:10px;box-shadow:0 1px 3px rgba(0,0,0,.08);padding:18px 22px;margin-bottom:16px}
.ws2-crumbs{margin:0;color:#8a93a0;font-size:12px}.ws2-title{margin:2px 0 12px;font-size:21px}
.ws2-rows{list-style:none;margin:0;padding:0}.ws2-rows li{display:flex;gap:12px;padding:8px 4px;border-bottom:1px solid #eef0f3}
.ws2-rows li .ws2-meta{margin-left:auto;color:#6b7482}.ws2-depth1{padding-left:26px!important}.ws2-depth2{padding-left:48px!important}
.ws2-toolbar{display:flex;gap:6px;margin-bottom:12px}.ws2-msg{padding:10px 0;border-top:1px solid #eef0f3}
.ws2-msg header{color:#8a93a0;font-size:12px}.ws2-msg header strong{color:#262b33}
.ws2-reply textarea{width:100%;min-height:60px;font:inherit}
#TB_overlay{position:fixed;inset:0;background:rgba(20,26,34,.45);z-index:100}
#TB_window{position:fixed;top:5vh;left:50%;transform:translateX(-50%);width:min(820px,94vw);max-height:90vh;overflow:auto;background:#fff;border-radius:6px;box-shadow:0 8px 30px rgba(0,0,0,.3);z-index:101}
#TB_title{display:flex;align-items:center;gap:10px;padding:10px 16px;border-bottom:1px solid #e1e5ea;background:#f8fafc}
#TB_title .name{flex:1;font-weight:600}#TB_title .name a{color:#262b33}
#TB_ajaxContent .task{border:0;border-radius:0}
`;

/**
 * Worksection-style dynamic loading: links between project and task pages
 * (and the page's own forms) are fetched with X-Requested-With and swapped
 * into the page's content element; the URL follows with pushState, and
 * back/forward reload the content for the restored URL. In the modal layout
 * a task link in the task list (or in an open modal) opens the task in a
 * ThickBox-style modal (#TB_window, its link in #TB_title .name a) over the
 * project page, and the address does not change; its forms answer into it.
 */
export const NAVIGATION_SCRIPT = `
(function () {
  var XHR = { 'X-Requested-With': 'XMLHttpRequest' };
  var MODAL = document.body.getAttribute('data-layout') === 'modal';
  function root() { return document.querySelector('[data-nav-root]'); }
  function inModal(url) { return url + (url.indexOf('?') >= 0 ? '&' : '?') + 'modal=1'; }
  function closeModal() {
    ['TB_window', 'TB_overlay'].forEach(function (id) { var element = document.getElementById(id); if (element) element.remove(); });
  }
  function openModal(url) {
    return fetch(inModal(url), { headers: XHR, credentials: 'same-origin' }).then(function (response) {
      if (!response.ok) throw new Error('HTTP ' + response.status);
      return response.text().then(function (html) {
        closeModal();
        var overlay = document.createElement('div');
        overlay.id = 'TB_overlay';
        overlay.addEventListener('click', closeModal);
        var win = document.createElement('div');
        win.id = 'TB_window';
        win.setAttribute('role', 'dialog');
        var title = document.createElement('div');
        title.id = 'TB_title';
        var name = document.createElement('div');
        name.className = 'name';
        var content = document.createElement('div');
        content.id = 'TB_ajaxContent';
        content.innerHTML = html;
        var link = document.createElement('a');
        link.href = url;
        var heading = content.querySelector('.task h1 > a');
        link.textContent = heading ? heading.textContent : '';
        name.appendChild(link);
        var close = document.createElement('button');
        close.type = 'button';
        close.id = 'TB_closeWindowButton';
        close.setAttribute('aria-label', 'Close');
        close.textContent = '×';
        close.addEventListener('click', closeModal);
        title.appendChild(name);
        title.appendChild(close);
        win.appendChild(title);
        win.appendChild(content);
        document.body.appendChild(overlay);
        document.body.appendChild(win);
      });
    }).catch(function () { location.href = url; });
  }
  document.addEventListener('keydown', function (event) { if (event.key === 'Escape') closeModal(); });
  function show(response, url, push, commentId) {
    return response.text().then(function (html) {
      if (push) history.pushState({ simNav: true }, '', url);
      var title = response.headers.get('X-Page-Title');
      root().innerHTML = html;
      if (title) document.title = decodeURIComponent(title);
      var hash = commentId ? 'com' + commentId : location.hash.slice(1);
      var target = hash && document.getElementById(hash);
      if (target) target.scrollIntoView(); else if (push) window.scrollTo(0, 0);
    });
  }
  function load(url, push) {
    return fetch(url, { headers: XHR, credentials: 'same-origin' }).then(function (response) {
      if (!response.ok && response.status !== 404) throw new Error('HTTP ' + response.status);
      return show(response, url, push, null);
    }).catch(function () { location.href = url; });
  }
  document.addEventListener('click', function (event) {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    var link = event.target.closest && event.target.closest('a[href]');
    if (!link || link.target || link.origin !== location.origin || !/^\\/(project|task)\\//.test(link.pathname)) return;
    if (link.pathname === location.pathname && link.search === location.search && link.hash) return;
    event.preventDefault();
    var isTask = /^\\/(project\\/\\d+\\/\\d+|task\\/\\d+)/.test(link.pathname);
    if (MODAL && isTask && link.closest('#tasks_images, #TB_window')) return openModal(link.pathname + link.search);
    closeModal();
    load(link.pathname + link.search + link.hash, true);
  });
  window.addEventListener('popstate', function () { load(location.pathname + location.search + location.hash, false); });
  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!form.matches || !form.matches('form[data-xhr]')) return;
    event.preventDefault();
    var body = new URLSearchParams(new FormData(form));
    var modal = form.closest('#TB_window');
    fetch(modal ? inModal(form.action) : form.action, { method: 'POST', headers: XHR, body: body, credentials: 'same-origin' }).then(function (response) {
      if (!response.ok) throw new Error('HTTP ' + response.status);
      if (modal) return response.text().then(function (html) { modal.querySelector('#TB_ajaxContent').innerHTML = html; });
      return show(response, location.pathname + location.search, false, response.headers.get('X-Comment-Id'));
    }).catch(function () { form.removeAttribute('data-xhr'); form.submit(); });
  });
})();
`;

/**
 * The rich comment editor (`editor=rich`), a contenteditable in `<p>`
 * paragraphs like CKEditor's or ProseMirror's: Enter makes a new paragraph,
 * and on submit its text (a line per paragraph) goes into the form's hidden
 * `text` field. Listeners on the document, so an editor swapped in by the
 * navigation script or shown in the modal works too, with or without it.
 */
export const RICH_EDITOR_SCRIPT = `
(function () {
  document.execCommand('defaultParagraphSeparator', false, 'p');
  var BLOCK = /^(P|DIV|LI|H[1-6]|BLOCKQUOTE|PRE)$/;
  function textOf(editor) {
    var lines = [];
    var line = null;
    editor.childNodes.forEach(function (node) {
      if (node.nodeType === 1 && BLOCK.test(node.nodeName)) {
        if (line !== null) lines.push(line);
        line = null;
        // A paragraph's last <br> only keeps an empty one open.
        lines.push(node.innerText.replace(/\\n$/, ''));
      } else line = (line || '') + (node.nodeType === 1 ? node.innerText : node.textContent);
    });
    if (line !== null) lines.push(line);
    return lines.join('\\n');
  }
  document.addEventListener('submit', function (event) {
    var form = event.target;
    var editor = form.querySelector && form.querySelector('.rich_editor[contenteditable]');
    var field = editor && form.querySelector('input[type=hidden][name=text]');
    if (field) field.value = textOf(editor);
  }, true);
})();
`;

/** 1×1 transparent GIF for avatar URLs (§6.1 /images/user/…). */
export const BLANK_GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
