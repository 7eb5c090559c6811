// @vitest-environment happy-dom
// Connecting to a custom domain: the browser's permission prompt is open, and the page says so.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ConnectionSection } from '@/components/options/ConnectionSection';
import { button, byLabel, extensionPageContext, mount, press, type } from './page-support';

describe('ConnectionSection on a custom domain', () => {
  let unmount = () => {};
  beforeEach(() => {
    fakeBrowser.reset();
    extensionPageContext();
  });
  afterEach(() => {
    unmount();
    vi.restoreAllMocks();
  });

  it('says it waits for the permission while the prompt is open, then why it stopped', async () => {
    let answer: (granted: boolean) => void = () => {};
    vi.spyOn(fakeBrowser.permissions, 'request').mockImplementation(() => new Promise<boolean>((resolve) => (answer = resolve)));
    const mounted = mount(<ConnectionSection />);
    unmount = mounted.unmount;
    const { container } = mounted;
    await vi.waitFor(() => expect(button(container, 'Connect').disabled).toBe(false));
    type(byLabel(container, 'Account URL'), 'https://pm.agency.example');
    type(byLabel(container, 'API key'), 'k'.repeat(32));
    press(button(container, 'Connect'));
    await vi.waitFor(() =>
      expect(container.querySelector('[role=status]')?.textContent).toBe("Waiting for your permission to reach pm.agency.example: answer the browser's prompt."),
    );
    expect(button(container, 'Connect').disabled).toBe(true);
    answer(false);
    await vi.waitFor(() => expect(container.querySelector('[role=alert]')?.textContent).toBe('Account Desk needs your permission to reach pm.agency.example.'));
  });
});
