/**
 * How every Account Desk UI enters a Worksection page: a Preact tree in its
 * own shadow root (host styles can't reach it), at an anchor the page has, or
 * at the end of <body> — the dock — when the layout has none. The host gets
 * `data-placement="anchor" | "dock"` for tests and diagnostics.
 */
import { render, type ComponentChild } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';

export interface ShadowMount {
  /** The custom element's name, e.g. "account-desk-ui". */
  name: string;
  css: string;
  /** Where in the page; null mounts in the dock. */
  anchor: Element | null;
  append: 'before' | 'after';
  /** Extra attributes for the host element. */
  attributes?: Record<string, string>;
  view(docked: boolean): ComponentChild;
}

export async function mountInShadow(ctx: ContentScriptContext, mount: ShadowMount): Promise<ShadowRootContentScriptUi<void>> {
  const { anchor } = mount;
  const ui = await createShadowRootUi<void>(ctx, {
    name: mount.name,
    css: mount.css,
    position: 'inline',
    anchor: anchor ?? document.body,
    append: anchor ? mount.append : 'last',
    onMount(container, _shadow, host) {
      host.setAttribute('data-placement', anchor ? 'anchor' : 'dock');
      for (const [name, value] of Object.entries(mount.attributes ?? {})) host.setAttribute(name, value);
      render(mount.view(!anchor), container);
    },
    onRemove() {
      render(null, ui.uiContainer);
    },
  });
  ui.mount();
  return ui;
}
