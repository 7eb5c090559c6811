// @vitest-environment happy-dom
// The privacy page and PRIVACY.md must stay true to the code they describe:
// the database names, what is kept for how long, and the way back to options.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PrivacyPage } from '@/components/privacy/PrivacyPage';
import { CREDENTIALS_DB_NAME } from '@/lib/background/credentials';
import { KEPT_VISITS } from '@/lib/background/diagnostics';
import { DB_NAME } from '@/lib/db';
import { extensionPageTest } from '../options/page-support';

const privacyMd = readFileSync(join(process.cwd(), 'PRIVACY.md'), 'utf8');

describe('the privacy page', () => {
  const show = extensionPageTest();

  it('lists each kind of stored data with where it is kept and for how long', () => {
    const mounted = show(<PrivacyPage />);
    const headers = [...mounted.container.querySelectorAll('thead th')].map((cell) => cell.textContent);
    expect(headers).toEqual(['What', 'Where', 'How long']);
    const rows = [...mounted.container.querySelectorAll('tbody tr')];
    expect(rows).toHaveLength(6);
    for (const row of rows) {
      const cells = [...row.children].map((cell) => cell.textContent?.trim() ?? '');
      expect(cells).toHaveLength(3);
      // t() shows the key itself when a message is missing.
      for (const cell of cells) expect(cell).not.toMatch(/^privacy[A-Z]\w*$/);
      for (const cell of cells) expect(cell.length).toBeGreaterThan(10);
    }
  });

  it('names the database the data is in, and keeps the page count the code keeps', () => {
    const mounted = show(<PrivacyPage />);
    const text = mounted.container.textContent ?? '';
    expect(text).toContain(`database ${DB_NAME})`);
    expect(text).toContain(`The last ${KEPT_VISITS} pages`);
    expect(text).toContain('Only your Worksection account');
  });

  it('links back to options and reports', () => {
    const mounted = show(<PrivacyPage />);
    const links = [...mounted.container.querySelectorAll('nav a')].map((link) => link.getAttribute('href'));
    expect(links).toEqual(['options.html', 'reports.html']);
  });
});

describe('PRIVACY.md', () => {
  it('names both databases and the number of pages kept', () => {
    expect(privacyMd).toContain(`\`${DB_NAME}\``);
    expect(privacyMd).toContain(`\`${CREDENTIALS_DB_NAME}\``);
    expect(privacyMd).toContain(`the last ${KEPT_VISITS} pages`);
  });
});
