// The reports page's "Reply times" for the seeded demo account: tables per
// project and per client, measure and period switches, and CSV exports that
// hold what the tables show.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { Simulator } from '../simulator/index';
import { startConnectedSession, type ConnectedSession, type ExtensionBrowser } from './harness';

/** Minutes from the tables' "2h 5m" / "3d 4h" / "23m" (the inverse of formatWait). */
function minutesOf(text: string): number {
  const match = /^(?:(\d+)d)? ?(?:(\d+)h)? ?(?:(\d+)m)?$/.exec(text.trim());
  if (!match || text.trim() === '') throw new Error(`"${text}" is not a wait`);
  return Number(match[1] ?? 0) * 1440 + Number(match[2] ?? 0) * 60 + Number(match[3] ?? 0);
}

/** RFC 4180 fields of a CSV text (quoted fields, doubled quotes, CRLF records). */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') (field += '"'), index++;
      else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') record.push(field), (field = '');
    else if (char === '\r' && text[index + 1] === '\n') {
      record.push(field), records.push(record), (record = []), (field = ''), index++;
    } else field += char;
  }
  if (field !== '' || record.length > 0) throw new Error('the CSV does not end with CRLF');
  return records;
}

interface TableView {
  headers: string[];
  rows: Array<{ label: string; cells: string[] }>;
}

async function readTable(table: Locator): Promise<TableView> {
  const headers = await table.locator('thead th').allInnerTexts();
  const rows = await table.locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => ({
      label: tr.querySelector('th')?.textContent ?? '',
      cells: [...tr.querySelectorAll('td')].map((td) => td.textContent ?? ''),
    })),
  );
  return { headers, rows };
}

describe('reports: reply times', () => {
  let session: ConnectedSession;
  let sim: Simulator;
  let browser: ExtensionBrowser;
  let reports: Page;

  beforeAll(async () => {
    // Connecting starts the first sync; the report is complete once it finished.
    session = await startConnectedSession({ firstSync: true });
    ({ sim, browser } = session);
    expect(session.outcome).toMatch(/^Connected to /);
    reports = await browser.extensionPage('reports.html');
  });

  afterAll(() => session?.close());

  const section = () => reports.getByRole('region', { name: 'Reply times' });
  const byProject = () => section().getByRole('table', { name: /^Reply times per project, / });
  const byClient = () => section().getByRole('table', { name: /^Reply times per client, / });
  const summary = () => section().locator('.report-summary');
  const totalWaits = (view: TableView) => view.rows.reduce((sum, row) => sum + Number(row.cells[0]), 0);

  it('is linked from options and shows rows per project and per client for the demo account', async () => {
    const options = await browser.extensionPage('options.html');
    await options.getByRole('link', { name: 'Reports' }).click();
    await options.waitForURL(/\/reports\.html/);
    expect(await options.title()).toBe('Account Desk reports');
    await options.close();

    await byProject().waitFor();
    expect(await section().getByRole('combobox', { name: 'Period' }).inputValue()).toBe('last-30-days');
    expect(await section().getByRole('radio', { name: 'Calendar minutes' }).isChecked()).toBe(true);

    const data = sim.control.data();
    const projects = await readTable(byProject());
    const clients = await readTable(byClient());
    expect(projects.headers).toEqual(['Project', 'Waits', 'Median', '90th percentile', 'Within 15m', 'First reply, median', 'Next replies, median']);
    expect(projects.rows.length).toBeGreaterThan(0);
    expect(clients.rows.length).toBeGreaterThan(0);
    const projectNames = new Set(data.projects.map((project) => project.name));
    for (const row of projects.rows) expect(projectNames).toContain(row.label);
    const clientNames = new Set(data.users.filter((user) => user.client).map((user) => user.name));
    for (const row of clients.rows) expect(clientNames).toContain(row.label);
    // Every wait belongs to one project and one client: both tables count the same waits.
    expect(totalWaits(projects)).toBe(totalWaits(clients));
    for (const row of [...projects.rows, ...clients.rows]) {
      const [, median, p90, within] = row.cells;
      expect(minutesOf(median!)).toBeLessThanOrEqual(minutesOf(p90!));
      expect(within).toMatch(/^\d{1,3}%$/);
    }
  });

  it('counts business minutes when asked, never more than calendar minutes', async () => {
    await byProject().waitFor();
    const calendar = await readTable(byProject());
    await section().getByRole('radio', { name: 'Business minutes' }).check();
    await section().getByRole('table', { name: /business minutes$/ }).first().waitFor();
    expect(reports.url()).toContain('measure=business');
    const business = await readTable(byProject());
    expect(business.rows.map((row) => [row.label, row.cells[0]])).toEqual(calendar.rows.map((row) => [row.label, row.cells[0]]));
    business.rows.forEach((row, index) => {
      const calendarRow = calendar.rows[index]!;
      expect(minutesOf(row.cells[1]!)).toBeLessThanOrEqual(minutesOf(calendarRow.cells[1]!));
      expect(minutesOf(row.cells[2]!)).toBeLessThanOrEqual(minutesOf(calendarRow.cells[2]!));
    });
    // The choice survives a reload (it is in the address).
    await reports.reload();
    await byProject().waitFor();
    expect(await section().getByRole('radio', { name: 'Business minutes' }).isChecked()).toBe(true);
    await section().getByRole('radio', { name: 'Calendar minutes' }).check();
    await section().getByRole('table', { name: /calendar minutes$/ }).first().waitFor();
  });

  it('changes the period: shorter periods hold fewer waits, custom dates any range, an empty one says so', async () => {
    await byProject().waitFor();
    const thirtyDays = totalWaits(await readTable(byProject()));
    const period = section().getByRole('combobox', { name: 'Period' });

    // The widest custom range over the seeded 60 days holds at least the last 30 days' waits.
    await period.selectOption({ label: 'Custom dates' });
    const from = section().getByLabel('From', { exact: true });
    const to = section().getByLabel('To', { exact: true });
    const today = await to.inputValue();
    expect(today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const sixtyOneDaysAgo = new Date(Date.parse(`${today}T00:00:00Z`) - 61 * 86_400_000).toISOString().slice(0, 10);
    await from.fill(sixtyOneDaysAgo);
    await expect.poll(() => reports.url()).toContain(`from=${sixtyOneDaysAgo}`);
    await byProject().waitFor();
    await expect.poll(async () => totalWaits(await readTable(byProject()))).toBeGreaterThanOrEqual(thirtyDays);

    // To before From: the problem, and no stale table under the wrong dates.
    await to.fill(sixtyOneDaysAgo.replace(/^(\d{4})/, (year) => String(Number(year) - 1)));
    await section().getByRole('alert').filter({ hasText: 'The last day (To) is before the first day (From).' }).waitFor();
    expect(await byProject().isVisible()).toBe(false);

    await from.fill('2015-01-01');
    await to.fill('2015-01-31');
    await section().getByRole('status').filter({ hasText: 'No answered client threads in this period.' }).waitFor();
    expect(await summary().innerText()).toMatch(/2015/);
    expect(await byProject().count()).toBe(0);

    await period.selectOption({ label: 'Last 7 days' });
    await expect.poll(() => reports.url()).toContain('period=last-7-days');
    const sevenDays = section().getByRole('table', { name: /per project/ }).or(section().getByText('No answered client threads in this period.'));
    await sevenDays.first().waitFor();
    const weekWaits = (await byProject().count()) === 0 ? 0 : totalWaits(await readTable(byProject()));
    expect(weekWaits).toBeLessThanOrEqual(thirtyDays);

    for (const [label, kind] of [
      ['This week', 'this-week'],
      ['This month', 'this-month'],
    ]) {
      await period.selectOption({ label });
      await expect.poll(() => reports.url()).toContain(`period=${kind}`);
      expect(await summary().innerText()).toMatch(/ – .*\(days in /);
    }
    await period.selectOption({ label: 'Last 30 days' });
    await expect.poll(async () => (await byProject().count()) > 0 && totalWaits(await readTable(byProject()))).toBe(thirtyDays);
  });

  it('exports each table as CSV with the table’s columns and rows', async () => {
    await byProject().waitFor();
    for (const [grouping, table] of [
      ['project', byProject()],
      ['client', byClient()],
    ] as const) {
      const shown = await readTable(table);
      const download = reports.waitForEvent('download');
      await section().getByRole('button', { name: `Export CSV: Per ${grouping}` }).click();
      const file = await download;
      expect(file.suggestedFilename()).toMatch(new RegExp(`^reply-times-by-${grouping}-\\d{4}-\\d{2}-\\d{2}-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
      const text = fs.readFileSync(await file.path(), 'utf8');
      expect(text.startsWith('\uFEFF')).toBe(true);
      const [header, ...rows] = parseCsv(text.slice(1));
      expect(header).toEqual([
        grouping === 'project' ? 'Project' : 'Client',
        'Waits',
        'Median (minutes)',
        '90th percentile (minutes)',
        'Within target (%)',
        'Target (minutes)',
        'First reply, median (minutes)',
        'Next replies, median (minutes)',
      ]);
      expect(rows.length).toBe(shown.rows.length);
      rows.forEach((row, index) => {
        const tableRow = shown.rows[index]!;
        expect(row[0]).toBe(tableRow.label);
        expect(row[1]).toBe(tableRow.cells[0]);
        // Minutes in the CSV, "1h 10m" in the table: the same wait.
        expect(minutesOf(tableRow.cells[1]!)).toBe(Math.round(Number(row[2])));
        // Percentages: one decimal in the CSV, whole (and never a rounded-up 100 %) in the table.
        expect(Math.abs(Number(row[4]) - Number.parseInt(tableRow.cells[3]!, 10))).toBeLessThanOrEqual(1);
        expect(row[5]).toBe('15');
      });
    }
  });
});
