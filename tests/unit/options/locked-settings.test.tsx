// @vitest-environment happy-dom
// Options with the organization's policy: a locked setting's controls are
// disabled and say "Set by your organization" (also as their accessible
// description); everything else stays editable; without a policy nothing in
// the page changes.
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AccountTimeOptionsSection } from '@/components/account-time/OptionsSection';
import { PolicyPanel, PolicyProvider } from '@/components/options/policy';
import { RepliesSection } from '@/components/replies/OptionsSection';
import { byLabel, extensionPageTest } from './page-support';

/** The texts a control's aria-describedby points at. */
const description = (control: HTMLElement) =>
  (control.getAttribute('aria-describedby') ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent?.trim())
    .join(' | ');

/** Disabled as the browser sees it: itself or a disabled fieldset around it. */
const disabled = (control: HTMLInputElement) => control.disabled || control.closest('fieldset[disabled]') !== null;

describe('locked settings in options', () => {
  const show = extensionPageTest();

  function page() {
    const mounted = show(
      <PolicyProvider>
        <RepliesSection />
        <AccountTimeOptionsSection />
        <PolicyPanel />
      </PolicyProvider>,
    );
    return mounted.container;
  }

  it('disables a locked threshold and a locked write-back, explaining why, and leaves the rest editable', async () => {
    await fakeBrowser.storage.managed.set({
      replyThresholds: { soon: 10, late: 20, escalated: 30 },
      clients: { domains: ['client.example'] },
      lockedSettings: ['replyThresholds.late', 'accountTime.writeBack'],
    });
    const container = page();
    await vi.waitFor(() => expect(container.querySelectorAll('fieldset.locked-setting')).toHaveLength(2));

    const late = byLabel(container, 'Late after (minutes)');
    expect(late.value).toBe('20');
    expect(disabled(late)).toBe(true);
    expect(description(late)).toContain('Set by your organization');
    // Its own hint stays described too.
    expect(description(late)).toContain('Calendar minutes a client has waited.');

    const writeBack = byLabel(container, 'Write account time back to Worksection as time costs');
    expect(disabled(writeBack)).toBe(true);
    expect(description(writeBack)).toBe('Set by your organization');

    const soon = byLabel(container, 'Soon from (minutes)');
    expect(disabled(soon)).toBe(false);
    expect(description(soon)).not.toContain('Set by your organization');
    const domains = byLabel<HTMLTextAreaElement>(container, 'Client email domains');
    expect(domains.value).toBe('client.example');
    expect(domains.disabled || domains.closest('fieldset[disabled]') !== null).toBe(false);

    const locked = container.querySelector('fieldset.locked-setting')!;
    expect(document.getElementById(locked.getAttribute('aria-labelledby')!)?.textContent).toBe('Set by your organization');
    expect(container.textContent).toContain('Locked: replyThresholds.late, accountTime.writeBack');
  });

  it('without a policy locks nothing and says there is none', async () => {
    const container = page();
    await vi.waitFor(() => expect(container.textContent).toContain('No managed policy: every setting is yours to change.'));
    await vi.waitFor(() => expect(byLabel(container, 'Late after (minutes)').value).toBe('15'));
    expect(container.querySelector('fieldset.locked-setting')).toBeNull();
    expect(container.textContent).not.toContain('Set by your organization');
  });
});
