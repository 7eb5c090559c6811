import { describe, expect, it } from 'vitest';
import { accountTimeCsv, accountTimeReport } from '@/lib/account-time/report';

const nested = (entries: Record<string, Record<string, number>>) =>
  new Map(Object.entries(entries).map(([project, months]) => [project, new Map(Object.entries(months))]));

describe('account time report', () => {
  const input = {
    account: nested({ '7': { '2025-02': 60, '2025-03': 120 }, '8': { '2025-03': 30 } }),
    logged: nested({ '7': { '2025-02': 600, '2025-03': 600 } }),
    written: nested({}),
    names: new Map([['7', 'Owl brand launch'], ['8', '=HYPERLINK("x")']]),
    months: ['2025-02', '2025-03'],
    thresholds: { green: 10, amber: 15 },
    hourlyRate: 50,
    writeBack: false,
  };

  it('has one row per project and month with account time: share, level and cost; no logged hours is said, not divided', () => {
    const rows = accountTimeReport(input);
    expect(rows.map((row) => [row.projectName, row.month, row.accountMinutes, row.share?.kind === 'share' ? [row.share.percent, row.share.level] : row.share?.kind, row.cost])).toEqual([
      ['=HYPERLINK("x")', '2025-03', 30, 'no-project-hours', 25],
      ['Owl brand launch', '2025-03', 120, [20, 'red'], 100],
      ['Owl brand launch', '2025-02', 60, [10, 'green'], 50],
    ]);
  });

  it('exports CSV with hours, shares and levels, safe from formulas', () => {
    expect(accountTimeCsv(accountTimeReport(input))).toBe(
      [
        'Project,Project id,Month,Account hours,Project hours,Share %,Level,Cost,Other account',
        `"'=HYPERLINK(""x"")",8,2025-03,0.5,0,,no project hours,25,`,
        'Owl brand launch,7,2025-03,2,10,20,red,100,',
        'Owl brand launch,7,2025-02,1,10,10,green,50,',
        '',
      ].join('\r\n'),
    );
  });

  it('names the other account of a row recorded for one', () => {
    const [row] = accountTimeReport(input);
    expect(accountTimeCsv([{ ...row!, otherAccount: 'second.worksection.com' }]).split('\r\n')[1]).toMatch(/,second\.worksection\.com$/);
  });
});
