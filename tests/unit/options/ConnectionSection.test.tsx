// @vitest-environment happy-dom
// Connecting to a custom domain: the browser's permission prompt is open, and the page says so.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ConnectionSection } from '@/components/options/ConnectionSection';
import { button, byLabel, extensionPageContext, extensionPageTest, mount, press, type } from './page-support';

describe('ConnectionSection on a custom domain', () => {
  const show = extensionPageTest();

  it('says it waits for the permission while the prompt is open, then why it stopped', async () => {
    let answer: (granted: boolean) => void = () => {};
    vi.spyOn(fakeBrowser.permissions, 'request').mockImplementation(() => new Promise<boolean>((resolve) => (answer = resolve)));
    const mounted = show(<ConnectionSection />);
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

describe('ConnectionSection: Sign in with Worksection', () => {
  const REDIRECT = 'https://abcdefghijklmnop.chromiumapp.org/worksection';
  let unmount = () => {};
  beforeEach(() => {
    fakeBrowser.reset();
    vi.spyOn(fakeBrowser.identity, 'getRedirectURL').mockReturnValue(REDIRECT);
  });
  afterEach(() => {
    unmount();
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
  });

  it('shows the redirect URL with a Copy button, saves the app, and never shows the secret back', async () => {
    extensionPageContext();
    const writeText = vi.fn(async () => {});
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    const mounted = mount(<ConnectionSection />);
    unmount = mounted.unmount;
    const { container } = mounted;
    await vi.waitFor(() => expect(byLabel(container, 'Redirect URL to register in Worksection').value).toBe(REDIRECT));
    expect(container.querySelector('details')?.open).toBe(true);
    press(button(container, 'Copy'));
    await vi.waitFor(() => expect(container.querySelector('[role=status]')?.textContent).toBe('Redirect URL copied.'));
    expect(writeText).toHaveBeenCalledWith(REDIRECT);

    type(byLabel(container, 'Client id'), 'cid-1');
    type(byLabel(container, 'Client secret'), 'secret-1');
    press(button(container, 'Save app'));
    await vi.waitFor(() => expect(container.querySelector('[role=status]')?.textContent).toBe('App saved.'));
    expect(byLabel(container, 'Client secret').value).toBe('');
    expect(container.textContent).toContain('A secret is saved; leave this empty to keep it.');
    expect(container.textContent).not.toContain('secret-1');
  });

  it('says it waits for Worksection while the sign-in window is open, then why it stopped', async () => {
    let answer: (reply: unknown) => void = () => {};
    extensionPageContext({ 'connection/sign-in': () => new Promise((resolve) => (answer = resolve as never)) });
    const mounted = mount(<ConnectionSection />);
    unmount = mounted.unmount;
    const { container } = mounted;
    await vi.waitFor(() => expect(button(container, 'Sign in with Worksection').disabled).toBe(false));
    press(button(container, 'Sign in with Worksection'));
    await vi.waitFor(() =>
      expect(container.querySelector('[role=status]')?.textContent).toBe('Waiting for Worksection: sign in and allow access in the window that opened…'),
    );
    expect(button(container, 'Sign in with Worksection').disabled).toBe(true);
    expect(button(container, 'Connect').disabled).toBe(true);
    answer({ ok: false, problem: { kind: 'denied', message: 'You denied Account Desk access in Worksection, so nothing was connected.' } });
    await vi.waitFor(() => expect(container.querySelector('[role=alert]')?.textContent).toBe('You denied Account Desk access in Worksection, so nothing was connected.'));
    expect(button(container, 'Sign in with Worksection').disabled).toBe(false);
  });
});
