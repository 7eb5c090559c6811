// @vitest-environment happy-dom
// The status report as text in any of the four languages, independent of the
// UI's; recognising a report (anyone's, in any language) by its first line;
// and the exports: Markdown with every syntax character escaped, HTML with
// hostile task names escaped and only http(s) links.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileMessages, type Catalog, type MessagesFile } from '../../../lib/i18n-catalog';
import { LANGUAGES, type Language } from '../../../lib/locale';
import type { ReportSections } from '../../../lib/status-report/sections';
import { composeReport, isStatusReport, lastReport, reportBody, reportTitle, toHtml, toMarkdown } from '../../../lib/status-report/text';
import { reportMarkers, reportWords } from '../../../lib/status-report/words';

const catalog = (language: Language): Catalog =>
  compileMessages(JSON.parse(readFileSync(join(process.cwd(), `public/_locales/${language}/messages.json`), 'utf8')) as MessagesFile);
const words = (language: Language) => reportWords({ ...catalog('en'), ...catalog(language) }, language);
const MARKERS = reportMarkers(LANGUAGES.map(catalog));

const HOSTILE = '<img src=x onerror=alert(1)> *Launch* [x](javascript:alert(1)) & "quotes" \'too\'\n# not a heading';

const SECTIONS: ReportSections = {
  done: [{ id: '1', name: HOSTILE, url: 'https://demo.worksection.com/project/7/1/', closedAt: Date.parse('2025-03-10T12:00:00Z') }],
  inProgress: [{ id: '2', name: 'Copy for the landing page', url: 'https://demo.worksection.com/project/7/2/', assignee: 'Anna Team', due: '2025-04-01' }],
  planned: [],
  overdue: [{ id: '3', name: 'Banner set', url: 'https://demo.worksection.com/project/7/3/', assignee: 'Boris Team', due: '2025-03-07' }],
  waiting: [{ id: '4', name: 'Approve the logo', url: 'https://demo.worksection.com/project/7/4/', assignee: 'Laura Client', reason: 'client-assigned' }],
  hours: {
    loggedMinutes: 155,
    rows: [{ task: { id: '2', name: 'Copy for the landing page', url: 'https://demo.worksection.com/project/7/2/' }, periodMinutes: 135, totalMinutes: 315, estimateMinutes: 600 }],
    accountShare: { kind: 'share', ratio: 0.08, percent: 8, level: 'green', accountMinutes: 12, projectMinutes: 150 },
  },
};

const body = (language: Language) => reportBody(words(language), { sections: SECTIONS, today: '2025-03-12', timeZone: 'UTC' });

describe('status report text', () => {
  it('is written in the report’s language, whichever it is', () => {
    expect(reportTitle(words('en'), 'Brand', '2025-03-05', '2025-03-12')).toBe('Status report: Brand, 05/03/2025 – 12/03/2025');
    expect(reportTitle(words('ru'), 'Бренд', '2025-03-05', '2025-03-12')).toBe('Отчёт по проекту: Бренд, 05.03.2025 – 12.03.2025');
    expect(reportTitle(words('uk'), 'Бренд', '2025-03-05', '2025-03-12')).toMatch(/^Звіт щодо проєкту: Бренд, 05\.03\.2025 – 12\.03\.2025$/);
    expect(reportTitle(words('kk'), 'Бренд', '2025-03-05', '2025-03-12')).toMatch(/^Жоба бойынша есеп: Бренд, 05\.03\.2025 – 12\.03\.2025$/);
    expect(body('en')).toContain('Overdue (1)\n• Banner set — Boris Team, due 07/03/2025, 5 days overdue, https://demo.worksection.com/project/7/3/');
    expect(body('ru')).toContain('• Banner set — Boris Team, срок 07.03.2025, просрочено на 5 дней, https://demo.worksection.com/project/7/3/');
    expect(body('uk')).toContain('прострочено на 5 днів');
    expect(body('kk')).toContain('5 күнге кешікті');
    expect(body('en')).toContain('Planned for the next two weeks (0)\n— nothing');
    expect(body('en')).toContain('Waiting on you (1)\n• Approve the logo — assigned to you (Laura Client), https://demo.worksection.com/project/7/4/');
    expect(body('en')).toContain('Hours\nLogged in this period: 2 h 35 min\n• Copy for the landing page — 2 h 15 min, 5 h 15 min of 10 h planned in total\nAccount management: 8 % of project hours (12 min)');
    // Every language has every word: no key shows through.
    for (const language of LANGUAGES) expect(body(language)).not.toMatch(/\bsr[A-Z]\w+/);
  });

  it('keeps a task name on one line, so a name can’t forge a heading', () => {
    expect(body('en')).toContain('• <img src=x onerror=alert(1)> *Launch* [x](javascript:alert(1)) & "quotes" \'too\' # not a heading — closed 10/03/2025');
  });

  it('recognises a report by its first line in any language, and the latest one wins (ids break ties within a minute)', () => {
    const uk = composeReport({ title: reportTitle(words('uk'), 'Бренд', '2025-03-05', '2025-03-12'), healthLine: 'Стан проєкту: за планом', headline: '', body: body('uk') });
    expect(isStatusReport(uk, MARKERS)).toBe(true);
    expect(isStatusReport('  Отчет по проекту: Бренд', MARKERS)).toBe(true); // "е" for "ё", as people type it
    expect(isStatusReport('status report: lower case too', MARKERS)).toBe(true);
    expect(isStatusReport('About the status report: see below', MARKERS)).toBe(false);
    expect(isStatusReport('Status reports are due on Friday', MARKERS)).toBe(false);
    expect(isStatusReport('Thanks!\nStatus report: quoted further down', MARKERS)).toBe(false);
    const found = lastReport(
      [
        { id: '900', taskId: '1', at: 3_000, text: 'Status report: older' },
        { id: '905', taskId: '2', at: 9_000, text: 'Жоба бойынша есеп: teammate, in Kazakh' },
        { id: '903', taskId: '3', at: 9_000, text: 'Status report: same minute, smaller id' },
        { id: '990', taskId: '4', at: 20_000, text: 'Not a report, but the newest comment' },
      ],
      MARKERS,
    );
    expect(found).toEqual({ commentId: '905', taskId: '2', at: 9_000 });
    expect(lastReport([{ id: '1', taskId: '1', at: 1, text: 'hello' }], MARKERS)).toBeNull();
  });

  it('composes title, health, headline and the edited body; a headline can’t add lines', () => {
    expect(composeReport({ title: 'Status report: Brand, 05/03/2025 – 12/03/2025', healthLine: 'Project health: at risk', headline: 'Copy is late\nreally', body: 'Done (0)\r\n— nothing\n' })).toBe(
      'Status report: Brand, 05/03/2025 – 12/03/2025\nProject health: at risk\nCopy is late really\n\nDone (0)\n— nothing\n',
    );
    expect(composeReport({ title: 'T', healthLine: 'H', headline: '  ', body: 'B' })).toBe('T\nH\n\nB\n');
  });

  const report = () => composeReport({ title: reportTitle(words('en'), 'Brand <b>', '2025-03-05', '2025-03-12'), healthLine: 'Project health: on track', headline: 'All <good> & fine', body: body('en') });

  it('exports HTML with everything from Worksection escaped and only http(s) links', () => {
    const html = toHtml(report());
    expect(html).toContain('<h1>Status report: Brand &lt;b&gt;, 05/03/2025 – 12/03/2025</h1>');
    expect(html).toContain('<p>All &lt;good&gt; &amp; fine</p>');
    expect(html).toContain(
      '<li>&lt;img src=x onerror=alert(1)&gt; *Launch* [x](javascript:alert(1)) &amp; &quot;quotes&quot; &#39;too&#39; # not a heading — closed 10/03/2025, <a href="https://demo.worksection.com/project/7/1/">https://demo.worksection.com/project/7/1/</a></li>',
    );
    expect(html).toContain('<h2>Overdue (1)</h2>\n<ul><li>Banner set');
    expect(html).not.toMatch(/<img|<b>|href="javascript/i);
    // Parsed, the HTML has exactly the elements we made.
    const parsed = new DOMParser().parseFromString(html, 'text/html');
    expect(new Set([...parsed.body.querySelectorAll('*')].map((element) => element.localName))).toEqual(new Set(['h1', 'p', 'h2', 'ul', 'li', 'a']));
    expect([...parsed.querySelectorAll('a')].every((link) => link.getAttribute('href')!.startsWith('https://demo.worksection.com/'))).toBe(true);
    expect(parsed.querySelector('li')!.textContent).toContain('<img src=x onerror=alert(1)>');
  });

  it('exports Markdown with syntax characters escaped and links as autolinks', () => {
    const markdown = toMarkdown(report());
    expect(markdown.startsWith('# Status report: Brand \\<b\\>, 05/03/2025 – 12/03/2025\n\nProject health: on track  \nAll \\<good\\> \\& fine  \n')).toBe(true);
    expect(markdown).toContain(
      '- \\<img src=x onerror=alert\\(1\\)\\> \\*Launch\\* \\[x\\]\\(javascript:alert\\(1\\)\\) \\& "quotes" \'too\' \\# not a heading — closed 10/03/2025, <https://demo.worksection.com/project/7/1/>',
    );
    expect(markdown).toContain('## Overdue \\(1\\)\n\n- Banner set — Boris Team, due 07/03/2025, 5 days overdue, <https://demo.worksection.com/project/7/3/>');
  });
});
