// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { layoutSkeleton } from '@/lib/page/skeleton';

describe('the layout skeleton', () => {
  it('keeps tags, ids, classes and data-* names, and drops every text and other value', () => {
    document.body.innerHTML = `
      <div id="header_print" data-owner="Olena"><span>Sreda Digital</span>Website for Acme</div>
      <a href="/project/8506/330316/" title="Olena Petrenko" class="name user_4217 level1">Call the client &lt;b&gt;</a>
      <input type="text" value="secret draft" placeholder="Reply…"><div contenteditable="true">typed text</div>
      <script>var token = "abc";</script><style>.x{}</style>
      <account-desk-page-bar>ours</account-desk-page-bar>`;
    const { html } = layoutSkeleton(document.body);
    expect(html).toBe(
      [
        '<body>',
        '  <div id="header_print" data-owner>',
        '    <span></span>',
        '  </div>',
        '  <a class="name user_0000 level1"></a>',
        '  <input type="text">',
        '  <div contenteditable></div>',
        '  <script></script>',
        '  <style></style>',
        '</body>',
        '',
      ].join('\n'),
    );
    for (const secret of ['Olena', 'Sreda', 'Acme', 'Call the client', '8506', 'secret draft', 'Reply', 'typed text', 'token', 'ours']) {
      expect(html).not.toContain(secret);
    }
  });

  it('keeps the first three of a run of alike siblings and counts the rest', () => {
    const rows = Array.from({ length: 1000 }, (_, index) => `<div class="item level0" data-id="${index}"><div class="name"><a>Task ${index}</a></div></div>`).join('');
    document.body.innerHTML = `<div id="tasks_images"><div class="tasks_header"></div>${rows}</div>`;
    const { html, elements } = layoutSkeleton(document.body);
    expect(html.match(/class="item level0"/g)).toHaveLength(3);
    expect(html).toContain('<!-- 997 more like the one above -->');
    expect(elements).toBeLessThan(20);
  });

  it('is HTML that parses back to the same anchors', () => {
    document.body.innerHTML = '<div id="TB_window"><div id="TB_title"><div class="name"><a href="/project/1/2/">T</a></div></div><div class="task" data-id="2"><h1><a>T</a></h1><div class="buts_menu"></div></div></div>';
    const parsed = new DOMParser().parseFromString(layoutSkeleton(document.body).html, 'text/html');
    expect(parsed.querySelector('#TB_window .task[data-id] h1 > a')).not.toBeNull();
    expect(parsed.querySelector('.buts_menu')).not.toBeNull();
  });
});
