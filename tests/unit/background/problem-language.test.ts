// The background's problem sentences reach the pages in the user's language:
// each is built with t() from the extension's messages, never written out in
// English in code. Here getMessage answers a marked "translation" of every key,
// and what reaches a page (toProblem(error).message) must be that translation.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openDb } from '@/lib/db';
import { saveSettings } from '@/lib/background/settings-store';
import { importDatabase } from '@/lib/background/account-time/backup';
import { saveEntry } from '@/lib/background/account-time/manual';
import { savePersonal } from '@/lib/background/templates/personal';
import { clientFor } from '@/lib/background/templates/account';
import { toProblem } from '@/lib/background/problems';
import { describeOutcome, newApplication } from '@/lib/templates/journal';
import { parseTemplateFile } from '@/lib/templates';
import { parseAccountUrl } from '@/lib/worksection/account-url';
import { englishMessage } from '../../support/i18n';

/** "TRANSLATED[key](substitutions)": what a language other than English would show. */
const translated = (key: string, substitutions?: string | string[]) => `TRANSLATED[${key}](${[substitutions ?? []].flat().join('|')})`;

async function shown(action: () => Promise<unknown>): Promise<string> {
  try {
    await action();
  } catch (error) {
    return toProblem(error).message;
  }
  throw new Error('expected a refusal');
}

describe('problem sentences go through the extension\'s messages', () => {
  beforeEach(() => {
    fakeBrowser.i18n.getMessage = translated as typeof fakeBrowser.i18n.getMessage;
  });
  afterEach(() => {
    fakeBrowser.i18n.getMessage = englishMessage as typeof fakeBrowser.i18n.getMessage;
  });

  it('settings not saved', async () => {
    expect(await shown(() => saveSettings({ accountTime: { idleSeconds: -1 } }))).toMatch(/^TRANSLATED\[problemSettingsNotSaved\]\(accountTime\.idleSeconds: /);
  });

  it('nothing imported from a backup', async () => {
    const db = openDb(`language-${Math.random()}`);
    expect(await shown(() => importDatabase(db, { format: 'account-desk-backup', schemaVersion: 1, exportedAt: '', tables: { secrets: [] } }))).toMatch(
      // The detail too: the path stays, the words are the language's.
      /^TRANSLATED\[problemNothingImported\]\(.*tables\.secrets: TRANSLATED\[inputUnknownTable\]/,
    );
  });

  it('a manual entry not saved', async () => {
    const db = openDb(`language-${Math.random()}`);
    expect(await shown(() => saveEntry(db, { projectId: '7', date: 'yesterday', minutes: 5, kind: 'call', note: '' }, 1))).toMatch(/^TRANSLATED\[timeProblemEntryNotSaved\]/);
    expect(await shown(() => saveEntry(db, { id: 99, projectId: '7', date: '2025-03-12', minutes: 5, kind: 'call', note: '' }, 1))).toBe('TRANSLATED[timeProblemEntryGone](99)');
  });

  it('templates: not connected, a built-in id, and where an application stands', async () => {
    expect(await shown(() => clientFor('https://demo.worksection.com'))).toBe('TRANSLATED[tplProblemNotConnected]()');
    const db = openDb(`language-${Math.random()}`);
    const template = { id: 'builtin.x', name: 'X', roles: [], tasks: [{ title: 'A', role: null, startOffset: 0, duration: 1, priority: 1, subtasks: [], checklist: [] }] };
    expect(await shown(() => savePersonal(db, template))).toMatch(/^TRANSLATED\[tplProblem/);
    const application = newApplication({
      id: 'a', origin: 'https://demo.worksection.com', projectId: '7', template: { id: 't', name: 'Launch' }, startDate: '2025-03-12',
      planned: [], now: 1, timeZone: 'UTC',
    });
    expect(describeOutcome({ ...application, status: 'done' })).toBe('TRANSLATED[tplOutcomeDone_other](0|Launch)');
    expect(describeOutcome(application)).toBe('TRANSLATED[tplOutcomeInterrupted_other](0|0)');
  });

  it('an account address that is not one', () => {
    expect(parseAccountUrl('')).toMatchObject({ ok: false, message: 'TRANSLATED[accountUrlEmpty]()' });
    expect(parseAccountUrl('ftp://x.worksection.com')).toMatchObject({ ok: false, message: 'TRANSLATED[accountUrlScheme](ftp)' });
  });

  it('a template file that cannot be imported', () => {
    expect(() => parseTemplateFile('{"format": "something else"}')).toThrow(/^TRANSLATED\[tplFileWrongFormat\]\("something else"\)$/);
  });
});
