// Shared by the options and reports page tests: the extension's English
// messages behind browser.i18n.getMessage (WXT's fake browser leaves it
// unimplemented), the real background router behind runtime.sendMessage, and
// Preact rendering into happy-dom.
import 'fake-indexeddb/auto';
import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { route } from '@/lib/background/router';
import { allCallers, allHandlers } from '@/lib/background/features';
import type { Envelope, MessageType, Protocol, Result } from '@/lib/messages';
import { englishMessage } from '../../support/i18n';

export { englishMessage };

/** Overrides for some message types; every other message goes to the real background router. */
export type BackgroundOverrides = { [K in MessageType]?: (request: Protocol[K]['request']) => Promise<Result<Protocol[K]['response']>> };

/**
 * A page context wired like the real one: i18n from messages.json, messages
 * answered by lib/background/router.ts on the fake browser's storage and
 * fake-indexeddb. Returns the spy, to see what the page asked.
 */
export function extensionPageContext(overrides: BackgroundOverrides = {}) {
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(englishMessage as never);
  return vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: Envelope) => {
    const override = overrides[message.type] as ((request: unknown) => Promise<unknown>) | undefined;
    return override ? override(message.request) : route(allHandlers(), allCallers(), message, { caller: 'extension-page' });
  }) as never);
}

/** Renders into a fresh container in the document; returns it and an unmount. */
export function mount(node: ComponentChild): { container: HTMLElement; unmount: () => void } {
  const container = document.createElement('main');
  document.body.append(container);
  render(node, container);
  return {
    container,
    unmount: () => {
      render(null, container);
      container.remove();
    },
  };
}

/**
 * The hooks an extension-page test file (or describe block) needs: before
 * each test, a reset fake browser wired like the real page
 * (extensionPageContext); after it, what the test showed is unmounted and the
 * mocks are restored. Returns `show`, which mounts like `mount`.
 */
export function extensionPageTest(): (node: ComponentChild) => { container: HTMLElement; unmount: () => void } {
  const shown: Array<() => void> = [];
  beforeEach(() => {
    fakeBrowser.reset();
    extensionPageContext();
  });
  afterEach(() => {
    for (const unmount of shown.splice(0)) unmount();
    vi.restoreAllMocks();
  });
  return (node) => {
    const mounted = mount(node);
    shown.push(mounted.unmount);
    return mounted;
  };
}

/**
 * Sets a form control's value as typing would and fires input and change;
 * the page re-renders before this returns, as it would before a user's next
 * action.
 */
export function type(control: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, value: string): void {
  act(() => {
    control.value = value;
    control.dispatchEvent(new Event('input', { bubbles: true }));
    control.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

/** Clicks (a button, a checkbox, a radio) and lets the page re-render. */
export function press(element: HTMLElement): void {
  act(() => element.click());
}

/** The control a <label> names (by its exact text), within `root`. */
export function byLabel<T extends HTMLElement = HTMLInputElement>(root: ParentNode, text: string): T {
  const label = [...root.querySelectorAll('label')].find((candidate) => candidate.textContent?.trim() === text);
  if (!label) throw new Error(`no label "${text}"`);
  const control = label.htmlFor ? root.querySelector<T>(`#${CSS.escape(label.htmlFor)}`) : label.querySelector<T>('input, select, textarea');
  if (!control) throw new Error(`label "${text}" names no control`);
  return control;
}

export function button(root: ParentNode, name: string): HTMLButtonElement {
  const found = [...root.querySelectorAll('button')].find((candidate) => (candidate.getAttribute('aria-label') ?? candidate.textContent?.trim()) === name);
  if (!found) throw new Error(`no button "${name}"`);
  return found;
}
