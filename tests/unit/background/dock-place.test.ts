import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { keepDockPlace, keptDockPlace } from '@/lib/background/dock-place';
import { englishMessage } from '../../support/i18n';

describe('the dock place a page keeps (page/dock)', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(englishMessage as never);
  });

  it('keeps one of the four corners and the collapsed flag, and reads it back', async () => {
    expect(await keptDockPlace()).toBeNull();
    await keepDockPlace({ corner: 'top-left', collapsed: true });
    expect(await keptDockPlace()).toEqual({ corner: 'top-left', collapsed: true });
  });

  it('refuses anything else from a page, with a sentence, and keeps what it had', async () => {
    await keepDockPlace({ corner: 'bottom-left', collapsed: false });
    for (const bad of [null, 'top-left', { corner: 'middle', collapsed: false }, { corner: 'top-left', collapsed: 'yes' }, { corner: 'top-left', collapsed: true, extra: 1 }]) {
      await expect(keepDockPlace(bad)).rejects.toThrow(/not one of the four corners/);
    }
    expect(await keptDockPlace()).toEqual({ corner: 'bottom-left', collapsed: false });
  });

  it('reads a damaged stored place as none', async () => {
    await fakeBrowser.storage.local.set({ dockPlace: { corner: 'nowhere', collapsed: false } });
    expect(await keptDockPlace()).toBeNull();
  });
});
