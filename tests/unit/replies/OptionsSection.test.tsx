// @vitest-environment happy-dom
// The reply settings form against the real background router and settings
// store (on WXT's fake browser storage): what it shows, saves and refuses.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { OptionsPage } from '@/components/options/OptionsPage';
import { RepliesSection } from '@/components/replies/OptionsSection';
import { settingsFileText } from '@/components/options/settings-file';
import { defaultSettings, type Settings } from '@/lib/settings';
import { button, byLabel, extensionPageContext, extensionPageTest, mount, press, type } from '../options/page-support';

const stored = async (): Promise<Settings | undefined> => (await fakeBrowser.storage.local.get('settings')).settings as Settings | undefined;

describe('RepliesSection', () => {
  const show = extensionPageTest();

  async function open(): Promise<HTMLElement> {
    const mounted = show(<RepliesSection />);
    await vi.waitFor(() => button(mounted.container, 'Save'));
    return mounted.container;
  }

  it('shows the stored settings in labelled fields', async () => {
    await fakeBrowser.storage.local.set({
      settings: { ...defaultSettings('Europe/Kyiv'), clients: { emails: [], domains: ['acme.com', 'beta.io'], projectIds: [] } },
    });
    const page = await open();
    expect(byLabel(page, 'Late after (minutes)').value).toBe('15');
    expect(byLabel(page, 'Time zone').value).toBe('Europe/Kyiv');
    expect(byLabel<HTMLTextAreaElement>(page, 'Client email domains').value).toBe('acme.com\nbeta.io');
    expect(byLabel(page, 'Show reply badges').getAttribute('role')).toBe('switch');
    expect(byLabel(page, 'Show reply badges').checked).toBe(true);
    expect(byLabel(page, 'Saturday').checked).toBe(false);
    expect(byLabel(page, 'Friday').checked).toBe(true);
    // Every control has a name: a <label> for it, or one around it.
    for (const control of page.querySelectorAll<HTMLElement>('input:not([type=file]), textarea, select')) {
      const named = control.closest('label') ?? page.querySelector(`label[for="${control.id}"]`);
      expect(named, `${control.outerHTML} has no label`).not.toBeNull();
    }
    expect(page.closest('main')?.querySelector('section#replies')).not.toBeNull();
  });

  it('saves through the background and says so', async () => {
    const page = await open();
    type(byLabel(page, 'Late after (minutes)'), '20');
    type(byLabel<HTMLTextAreaElement>(page, 'Client email domains'), 'Acme.com\nnorthwind.example');
    type(byLabel(page, 'Working day ends'), '00:00');
    press(byLabel(page, 'Saturday'));
    press(byLabel(page, 'Notify when a client’s wait turns escalated'));
    press(button(page, 'Save'));
    await vi.waitFor(() => expect(page.querySelector('[role=status]')?.textContent).toBe('Saved.'));
    expect(await stored()).toMatchObject({
      replyThresholds: { soon: 10, late: 20, escalated: 30 },
      clients: { domains: ['acme.com', 'northwind.example'] },
      businessHours: { workDays: [1, 2, 3, 4, 5, 6], end: '24:00' },
      notifications: { late: true, escalated: false },
    });
    // The form shows what was stored, normalised.
    expect(byLabel<HTMLTextAreaElement>(page, 'Client email domains').value).toBe('acme.com\nnorthwind.example');
    // Editing again takes the stale "Saved." away.
    type(byLabel(page, 'Soon from (minutes)'), '9');
    await vi.waitFor(() => expect(page.querySelector('[role=status]')).toBeNull());
  });

  it('refuses invalid values with each problem named by its field, and stores nothing', async () => {
    const before = { ...defaultSettings('UTC'), pollMinutes: 2 };
    await fakeBrowser.storage.local.set({ settings: before });
    const page = await open();
    type(byLabel(page, 'Late after (minutes)'), '5');
    type(byLabel(page, 'Working day starts'), '19:00');
    type(byLabel(page, 'Check Worksection every (minutes)'), '0.1');
    type(byLabel<HTMLTextAreaElement>(page, 'Client emails'), 'laura@northwind');
    press(button(page, 'Save'));
    const alert = await vi.waitFor(() => {
      const found = page.querySelector('[role=alert]');
      if (!found) throw new Error('no alert yet');
      return found;
    });
    expect([...alert.querySelectorAll('li')].map((item) => item.textContent)).toEqual([
      // In the form's order.
      'Late after (minutes): must be more than soon (10)',
      'Working day ends: must be after start (19:00)',
      'Client emails: "laura@northwind" is not an email address',
      'Check Worksection every (minutes): expected minutes from 0.5 to 60, got 0.1',
    ]);
    expect(alert.querySelector('p')?.textContent).toBe('Settings not saved, nothing changed:');
    expect(byLabel(page, 'Late after (minutes)').getAttribute('aria-invalid')).toBe('true');
    expect(byLabel(page, 'Soon from (minutes)').getAttribute('aria-invalid')).toBeNull();
    // Keyboard users land on the first field to fix.
    await vi.waitFor(() => expect(document.activeElement).toBe(byLabel(page, 'Late after (minutes)')));
    expect(await stored()).toEqual(before);
  });

  it('imports a valid file and refuses a malformed one, changing nothing', async () => {
    const page = await open();
    const input = page.querySelector<HTMLInputElement>('input[type=file]')!;
    const choose = (file: File) => {
      Object.defineProperty(input, 'files', { value: [file], configurable: true });
      input.dispatchEvent(new Event('change', { bubbles: true }));
    };

    choose(new File(['{"version": 1, "features": '], 'broken.json', { type: 'application/json' }));
    await vi.waitFor(() => expect(page.querySelector('[role=alert]')?.textContent).toContain('broken.json was not imported, nothing changed:'));
    expect(page.querySelector('[role=alert] li')?.textContent).toMatch(/^not valid JSON/);
    expect(await stored()).toBeUndefined();

    const imported = { ...defaultSettings('America/New_York'), replyThresholds: { soon: 5, late: 10, escalated: 20 } };
    choose(new File([settingsFileText(imported)], 'team.json', { type: 'application/json' }));
    await vi.waitFor(() => expect(page.querySelector('[role=status]')?.textContent).toBe('Imported and saved the settings from team.json.'));
    expect(await stored()).toEqual(imported);
    expect(byLabel(page, 'Late after (minutes)').value).toBe('10');
    expect(byLabel(page, 'Time zone').value).toBe('America/New_York');
  });

  it('exports the stored settings as a dated JSON file', async () => {
    const settings = { ...defaultSettings('UTC'), pollMinutes: 3 };
    await fakeBrowser.storage.local.set({ settings });
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => (blobs.push(blob as Blob), 'blob:settings'));
    const clicked: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    const page = await open();
    press(button(page, 'Export settings'));
    await vi.waitFor(() => expect(clicked).toHaveLength(1));
    expect(clicked[0]!.download).toMatch(/^account-desk-settings-\d{4}-\d{2}-\d{2}\.json$/);
    expect(JSON.parse(await blobs[0]!.text())).toEqual(settings);
  });
});

describe('OptionsPage', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    extensionPageContext();
  });
  afterEach(() => vi.restoreAllMocks());

  it('links to the reports page and has every section, each addressable from links (options.html#id)', async () => {
    const { container, unmount } = mount(<OptionsPage />);
    try {
      const link = [...container.querySelectorAll('a')].find((anchor) => anchor.textContent === 'Reports');
      expect(link?.getAttribute('href')).toBe('reports.html');
      expect([...container.querySelectorAll('section')].map((section) => section.id)).toEqual([
        'connection',
        'language',
        'replies',
        'account-time',
        'your-data',
        'templates',
        'status-report',
        'quick-replies',
        'diagnostics',
      ]);
      await vi.waitFor(() => button(container, 'Save'));
    } finally {
      unmount();
    }
  });
});
