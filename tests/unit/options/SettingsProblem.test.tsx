// @vitest-environment happy-dom
// Unreadable stored settings: the defaults are used, but not silently.
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SettingsProblem } from '@/components/options/SettingsProblem';
import { getSettings } from '@/lib/background/settings-store';
import { parseSettings } from '@/lib/settings';
import { button, extensionPageTest, press } from './page-support';

describe('SettingsProblem', () => {
  const show = extensionPageTest();

  it('says nothing when the settings are fine (or were never saved)', async () => {
    const mounted = show(<SettingsProblem />);
    const asked = vi.mocked(fakeBrowser.runtime.sendMessage);
    await vi.waitFor(() => expect(asked).toHaveBeenCalled());
    expect(await asked.mock.results[0]!.value).toEqual({ ok: true, value: null });
    // (The answer has reached the component's state by the time a render pass runs.)
    await vi.waitFor(() => expect(mounted.container.textContent).toBe(''));
  });

  it('names the problem, keeps the stored text aside, and saves the defaults when asked', async () => {
    const broken = { version: 1, features: 'all of them' };
    await fakeBrowser.storage.local.set({ settings: broken });
    // The background keeps working on the defaults…
    expect((await getSettings()).features.replyBadges).toBe(true);
    // …and keeps the unreadable settings as they were.
    const { settingsUnreadable } = await fakeBrowser.storage.local.get('settingsUnreadable');
    expect(JSON.parse((settingsUnreadable as { text: string }).text)).toEqual(broken);

    const mounted = show(<SettingsProblem />);
    const { container } = mounted;
    await vi.waitFor(() => expect(container.querySelector('[role=alert]')?.textContent).toMatch(/^Your saved settings could not be read \(.+\), so Account Desk is using the defaults\./));
    expect(button(container, 'Download the unreadable settings')).toBeTruthy();
    press(button(container, 'Save the defaults instead'));
    await vi.waitFor(() => expect(container.querySelector('[role=status]')?.textContent).toBe('The defaults are saved; the unreadable settings are still kept aside.'));
    expect(container.querySelector('[role=alert]')).toBeNull();
    expect(parseSettings((await fakeBrowser.storage.local.get('settings')).settings).ok).toBe(true);
    expect((await fakeBrowser.storage.local.get('settingsUnreadable')).settingsUnreadable).toEqual(settingsUnreadable);
  });

  it('in the popup, sends the user to options', async () => {
    await fakeBrowser.storage.local.set({ settings: 'not settings' });
    const mounted = show(<SettingsProblem inPopup />);
    await vi.waitFor(() => button(mounted.container, 'Open settings to fix this'));
  });
});
