// @vitest-environment happy-dom
// The reports page against the real background router: wait episodes stored in
// Dexie (fake-indexeddb) become the "Reply times" tables; measure, period,
// empty, loading and error states; CSV export; refresh after a sync.
// fake-indexeddb first: Dexie looks for IndexedDB when it is imported.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ReportsPage } from '@/components/reports/ReportsPage';
import { db, type EpisodeRow, type ThreadRow } from '@/lib/db';
import type { Protocol, Result } from '@/lib/messages';
import type { Person } from '@/lib/replies/types';
import { defaultSettings } from '@/lib/settings';
import { byLabel, button, extensionPageContext, mount, press, type, type BackgroundOverrides } from '../options/page-support';

const NOW = Date.parse('2026-11-30T12:00:00Z');
const laura: Person = { id: '5690', name: 'Laura Bennett', email: 'laura.bennett@northwindcoffee.com' };
const petra: Person = { id: '5702', name: 'Petra Walsh', email: 'petra@atlas.example' };
const manager: Person = { id: '3995', name: 'Olena Manager', email: 'olena@sreda.example' };

function thread(taskId: string, projectId: string, projectName: string): ThreadRow {
  return { taskId, projectId, projectName, taskName: `Task ${taskId}`, page: `/project/${projectId}/${taskId}/`, status: 'active', clientThread: 1, waiting: 0 };
}

function episode(taskId: string, projectId: string, client: Person, startedAt: string, repliedAt: string, first: boolean): EpisodeRow {
  const start = Date.parse(startedAt);
  const end = Date.parse(repliedAt);
  return {
    id: `${taskId}:${startedAt}`,
    taskId,
    projectId,
    clientCommentId: `c${start}`,
    client,
    startedAt: start,
    repliedAt: end,
    replyCommentId: `r${end}`,
    replier: manager,
    first,
    // Stored for other readers; the report computes its own minutes.
    calendarMinutes: 0,
    businessMinutes: 0,
  };
}

/** The rows of a table as text: row header, then cells. */
function rowsOf(table: Element | null): string[][] {
  if (!table) throw new Error('no table');
  return [...table.querySelectorAll('tbody tr')].map((row) => [...row.children].map((cell) => cell.textContent ?? ''));
}

const table = (page: Element, grouping: 'project' | 'client') =>
  [...page.querySelectorAll('table')].find((candidate) => candidate.querySelector('caption')?.textContent?.startsWith(`Reply times per ${grouping},`)) ?? null;

describe('ReportsPage: reply times', () => {
  let unmount = () => {};

  beforeEach(async () => {
    fakeBrowser.reset();
    vi.useFakeTimers({ toFake: ['Date'], now: NOW });
    history.replaceState(null, '', '/reports.html');
    await fakeBrowser.storage.local.set({ settings: defaultSettings('UTC') });
    await db().threads.clear();
    await db().episodes.clear();
    await db().threads.bulkPut([thread('100', '6622', 'Website'), thread('200', '7001', 'SEO')]);
    await db().episodes.bulkPut([
      // Tuesday morning: 10 minutes, inside business hours.
      episode('100', '6622', laura, '2026-11-24T10:00:00Z', '2026-11-24T10:10:00Z', true),
      // Tuesday 17:50 to Wednesday 09:10: 920 calendar minutes, 20 business minutes.
      episode('100', '6622', laura, '2026-11-24T17:50:00Z', '2026-11-25T09:10:00Z', false),
      episode('200', '7001', petra, '2026-11-02T12:00:00Z', '2026-11-02T12:40:00Z', true),
      // Before the last 30 days.
      episode('200', '7001', petra, '2026-09-01T12:00:00Z', '2026-09-01T12:05:00Z', false),
    ]);
  });

  afterEach(() => {
    unmount();
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  async function open(overrides: BackgroundOverrides = {}): Promise<HTMLElement> {
    extensionPageContext(overrides);
    const mounted = mount(<ReportsPage />);
    unmount = mounted.unmount;
    return mounted.container;
  }

  const loaded = (page: HTMLElement) => vi.waitFor(() => expect(table(page, 'project')).not.toBeNull());

  it('shows the last 30 days per project and per client, in calendar minutes', async () => {
    const page = await open();
    await loaded(page);
    expect(document.title).toBe('Account Desk reports');
    expect(byLabel<HTMLSelectElement>(page, 'Period').value).toBe('last-30-days');
    expect(byLabel(page, 'Calendar minutes').checked).toBe(true);
    expect(page.querySelector('.report-summary')?.textContent).toMatch(/^Nov 1, 2026 – Nov 30, 2026 \(days in UTC\) · target: answered within 15m$/);
    expect(table(page, 'project')?.querySelector('caption')?.textContent).toBe('Reply times per project, Nov 1, 2026 – Nov 30, 2026, calendar minutes');
    expect([...table(page, 'project')!.querySelectorAll('thead th')].map((th) => [th.textContent, th.getAttribute('scope')])).toEqual([
      ['Project', 'col'],
      ['Waits', 'col'],
      ['Median', 'col'],
      ['90th percentile', 'col'],
      ['Within 15m', 'col'],
      ['First reply, median', 'col'],
      ['Next replies, median', 'col'],
    ]);
    expect(table(page, 'project')?.querySelector('tbody th')?.getAttribute('scope')).toBe('row');
    expect(rowsOf(table(page, 'project'))).toEqual([
      ['SEO', '1', '40m', '40m', '0%', '40m', '—'],
      ['Website', '2', '7h 45m', '15h 20m', '50%', '10m', '15h 20m'],
    ]);
    expect(rowsOf(table(page, 'client'))).toEqual([
      ['Laura Bennett', '2', '7h 45m', '15h 20m', '50%', '10m', '15h 20m'],
      ['Petra Walsh', '1', '40m', '40m', '0%', '40m', '—'],
    ]);
    // The sync status is its own answer, which may come after the tables.
    await vi.waitFor(() => expect(page.textContent).toContain('Account Desk is not connected to Worksection yet.'));
    const links = [...page.querySelectorAll('nav a')].map((link) => [link.textContent, link.getAttribute('href')]);
    expect(links).toContainEqual(['Reply settings', 'options.html#replies']);
  });

  it('counts business minutes when asked, and keeps the choice in the address', async () => {
    const page = await open();
    await loaded(page);
    press(byLabel(page, 'Business minutes'));
    await vi.waitFor(() => expect(table(page, 'project')?.querySelector('caption')?.textContent).toMatch(/business minutes$/));
    expect(rowsOf(table(page, 'project'))).toEqual([
      ['SEO', '1', '40m', '40m', '0%', '40m', '—'],
      ['Website', '2', '15m', '20m', '50%', '10m', '20m'],
    ]);
    expect(location.search).toBe('?period=last-30-days&measure=business');
  });

  it('custom dates: starts from the days shown, says when none were answered, and names an impossible range', async () => {
    const page = await open();
    await loaded(page);
    type(byLabel<HTMLSelectElement>(page, 'Period'), 'custom');
    expect(byLabel(page, 'From').value).toBe('2026-11-01');
    expect(byLabel(page, 'To').value).toBe('2026-11-30');

    type(byLabel(page, 'From'), '2026-08-01');
    await vi.waitFor(() => expect(rowsOf(table(page, 'project'))[0]).toEqual(['SEO', '2', '23m', '40m', '50%', '40m', '5m']));
    expect(location.search).toBe('?period=custom&from=2026-08-01&to=2026-11-30&measure=calendar');

    type(byLabel(page, 'From'), '2026-01-01');
    type(byLabel(page, 'To'), '2026-01-31');
    await vi.waitFor(() => expect(page.querySelector('[role=status].empty-state')?.textContent).toBe('No answered client threads in this period.'));
    expect(table(page, 'project')).toBeNull();
    expect([...page.querySelectorAll('button')].map((element) => element.textContent)).not.toContain('Export CSV');

    type(byLabel(page, 'To'), '2025-12-31');
    await vi.waitFor(() => expect(page.querySelector('[role=alert]')?.textContent).toBe('The last day (To) is before the first day (From).'));
    expect(page.querySelector<HTMLElement>('[aria-live]')?.hidden).toBe(true);
  });

  it('says it is loading until the answer comes, and shows a failure as the problem', async () => {
    let answer: ((reply: Result<Protocol['reports/reply-times']['response']>) => void) | undefined;
    const page = await open({ 'reports/reply-times': () => new Promise((resolve) => (answer = resolve)) });
    await vi.waitFor(() => expect(answer).toBeDefined());
    expect(page.querySelector('[role=status]')?.textContent).toBe('Loading reply times…');
    expect(page.querySelector('[aria-live]')?.getAttribute('aria-busy')).toBe('true');
    answer!({ ok: false, problem: { kind: 'internal', message: 'IndexedDB is closed' } });
    await vi.waitFor(() => expect(page.querySelector('[role=alert]')?.textContent).toBe('Could not load reply times: IndexedDB is closed'));
    expect(page.querySelector('[role=status]')).toBeNull();
    expect(table(page, 'project')).toBeNull();
  });

  it('exports each table as a CSV file named after the grouping and the days', async () => {
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => (blobs.push(blob as Blob), `blob:${blobs.length}`));
    const names: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    const page = await open();
    await loaded(page);
    press(button(page, 'Export CSV: Per project'));
    press(button(page, 'Export CSV: Per client'));
    expect(names).toEqual(['reply-times-by-project-2026-11-01-2026-11-30.csv', 'reply-times-by-client-2026-11-01-2026-11-30.csv']);
    expect((await blobs[0]!.text()).split('\r\n')).toEqual([
      '\uFEFFProject,Waits,Median (minutes),90th percentile (minutes),Within target (%),Target (minutes),"First reply, median (minutes)","Next replies, median (minutes)"',
      'SEO,1,40,40,0,15,40,',
      'Website,2,465,920,50,15,10,920',
      '',
    ]);
    expect((await blobs[1]!.text()).split('\r\n')[1]).toBe('Laura Bennett,2,465,920,50,15,10,920');
  });

  it('follows a sync that brought new replies, without a click', async () => {
    const page = await open();
    await loaded(page);
    await db().episodes.put(episode('200', '7001', petra, '2026-11-29T09:00:00Z', '2026-11-29T09:06:00Z', false));
    await fakeBrowser.runtime.onMessage.trigger({ type: 'push/replies-changed' }, {}, () => undefined);
    await vi.waitFor(() => expect(rowsOf(table(page, 'project'))[0]).toEqual(['SEO', '2', '23m', '40m', '50%', '40m', '6m']));
  });
});
