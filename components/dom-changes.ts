/**
 * One MutationObserver for every content-script feature: Worksection swaps
 * parts of its pages without navigating, and each feature re-checks its place.
 * Mutations are gathered and handed to every listener once per animation frame;
 * Account Desk's own elements coming and going are not news.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

export type DomChangeListener = (records: readonly MutationRecord[]) => void;

/** Every element Account Desk adds to a page has a tag starting with this. */
export const OUR_TAG_PREFIX = 'account-desk-';

const channels = new WeakMap<ContentScriptContext, Set<DomChangeListener>>();

const touchesPage = (record: MutationRecord) =>
  [...record.addedNodes, ...record.removedNodes].some(
    (node) => node.nodeType === Node.ELEMENT_NODE && !(node as Element).localName.startsWith(OUR_TAG_PREFIX),
  );

export function onDomChange(ctx: ContentScriptContext, listener: DomChangeListener): void {
  let listeners = channels.get(ctx);
  if (!listeners) {
    const all = new Set<DomChangeListener>();
    listeners = all;
    channels.set(ctx, all);
    let pending: MutationRecord[] = [];
    const observer = new MutationObserver((records) => {
      const news = records.filter(touchesPage);
      if (news.length === 0) return;
      const first = pending.length === 0;
      pending.push(...news);
      if (!first) return;
      ctx.requestAnimationFrame(() => {
        const batch = pending;
        pending = [];
        for (const each of all) each(batch);
      });
    });
    observer.observe(document.body, { childList: true, subtree: true });
    ctx.onInvalidated(() => {
      observer.disconnect();
      channels.delete(ctx);
    });
  }
  listeners.add(listener);
}
