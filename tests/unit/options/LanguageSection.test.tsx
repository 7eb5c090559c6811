// @vitest-environment happy-dom
// The language control in options: it saves the choice at once (the settings
// push then redraws open pages), lists every language by its own name, and a
// language the organization locks is disabled and says why.
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { LanguageSection, languageName } from '@/components/options/LanguageSection';
import { PolicyProvider } from '@/components/options/policy';
import { getSettings } from '@/lib/background/settings-store';
import { byLabel, extensionPageTest } from './page-support';

describe('LanguageSection', () => {
  const show = extensionPageTest();

  function page() {
    const mounted = show(
      <PolicyProvider>
        <LanguageSection />
      </PolicyProvider>,
    );
    return mounted.container;
  }

  it('offers the browser’s language and the four languages by their own names, and saves a choice at once', async () => {
    const container = page();
    const select = byLabel(container, 'Language of Account Desk') as unknown as HTMLSelectElement;
    await vi.waitFor(() => expect(select.disabled).toBe(false));
    expect(select.value).toBe('auto');
    expect([...select.options].map((option) => [option.value, option.textContent])).toEqual([
      ['auto', `The browser's language (${languageName('en')})`],
      ['en', languageName('en')],
      ['ru', languageName('ru')],
      ['uk', languageName('uk')],
      ['kk', languageName('kk')],
    ]);
    expect(languageName('ru')).toBe('Русский');
    expect(languageName('uk')).toBe('Українська');

    select.value = 'uk';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await vi.waitFor(() => expect(container.querySelector('[role=status]')?.textContent?.trim()).toBe('Saved.'));
    expect((await getSettings()).language).toBe('uk');
  });

  it('is disabled, and says so, when the organization locks the language', async () => {
    await fakeBrowser.storage.managed.set({ language: 'kk', lockedSettings: ['language'] });
    const container = page();
    // The control is drawn again inside the locked fieldset: found anew each time.
    const select = () => byLabel(container, 'Language of Account Desk') as unknown as HTMLSelectElement;
    await vi.waitFor(() => expect(select().closest('fieldset.locked-setting[disabled]')).not.toBeNull());
    await vi.waitFor(() => expect(select().value).toBe('kk'));
    expect(container.querySelector('fieldset.locked-setting')?.textContent).toContain('Set by your organization');
  });
});
