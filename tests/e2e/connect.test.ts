// Connecting an account through the options page, as a user does it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from '../simulator/index';
import { connectThroughOptions, startConnectedSession, type ConnectedSession, type ExtensionBrowser } from './harness';

describe('connecting through the options page', () => {
  let session: ConnectedSession;
  let sim: Simulator;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    session = await startConnectedSession({ connect: false });
    ({ sim, browser } = session);
  });

  afterAll(() => session?.close());

  it('connects to the demo account and says what it connected to', async () => {
    const outcome = await connectThroughOptions(browser, { accountUrl: sim.origin, apiKey: sim.apiKey });
    expect(outcome).toMatch(/^Connected to demo\.worksection\.com\b/);
  });

  it('says the API key is wrong when Worksection rejects it', async () => {
    const outcome = await connectThroughOptions(browser, { accountUrl: sim.origin, apiKey: 'not-the-demo-key-0123456789abcdef' });
    expect(outcome).not.toMatch(/^Connected to /);
    expect(outcome).toMatch(/API key/i);
  });

  it('says an account that cannot be reached cannot be reached, naming it', async () => {
    // harness.ts maps *.worksection.eu to a closed port.
    const outcome = await connectThroughOptions(browser, { accountUrl: 'https://demo.worksection.eu', apiKey: sim.apiKey });
    expect(outcome).not.toMatch(/^Connected to /);
    expect(outcome).toContain('demo.worksection.eu');
    expect(outcome).toMatch(/reach|connect/i);
  });

  it('says a malformed account URL is not a URL it can use', async () => {
    const outcome = await connectThroughOptions(browser, { accountUrl: 'https://demo..worksection.com/', apiKey: sim.apiKey });
    expect(outcome).not.toMatch(/^Connected to /);
    expect(outcome).toMatch(/URL|address/i);
  });

  it('stays connected to the demo account after the failed attempts', async () => {
    const options = await browser.extensionPage('options.html');
    try {
      const status = options.getByRole('status').filter({ hasText: /^Connected to / });
      await status.waitFor();
      expect(await status.innerText()).toMatch(/^Connected to demo\.worksection\.com\b/);
    } finally {
      await options.close();
    }
  });
});
