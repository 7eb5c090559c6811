// The welcome page opens on a fresh install only: never on an update or a browser update.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { listenWelcome } from '@/lib/background/welcome';

describe('the welcome page on install', () => {
  beforeEach(() => fakeBrowser.reset());

  it('opens welcome.html in a new tab when installed, and nothing on update or browser update', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    listenWelcome();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', previousVersion: '0.0.9' });
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'chrome_update' });
    expect(create).not.toHaveBeenCalled();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' });
    expect(create).toHaveBeenCalledTimes(1);
    expect(create.mock.calls[0]![0].url).toMatch(/\/welcome\.html$/);
  });
});
