/**
 * One MutationObserver for everything Account Desk does on a page:
 * Worksection swaps parts of its pages without navigating, and the runner and
 * the features re-check their places. Mutations are gathered and handed to
 * every listener once per animation frame; Account Desk's own elements coming
 * and going are not news.
 */

export type DomChangeListener = (records: readonly MutationRecord[]) => void;

/** Every element Account Desk adds to a page has a tag starting with this. */
export const OUR_TAG_PREFIX = 'account-desk-';

const touchesPage = (record: MutationRecord) =>
  [...record.addedNodes, ...record.removedNodes].some(
    (node) => node.nodeType === 1 && !(node as Element).localName.startsWith(OUR_TAG_PREFIX),
  );

interface Channel {
  listeners: Set<DomChangeListener>;
  observer: MutationObserver;
}

const channels = new WeakMap<Document, Channel>();

/** Calls `listener` with each frame's page mutations until `signal` aborts. */
export function onDomChange(document: Document, signal: AbortSignal, listener: DomChangeListener): void {
  if (signal.aborted) return;
  let channel = channels.get(document);
  if (!channel) {
    const listeners = new Set<DomChangeListener>();
    let pending: MutationRecord[] = [];
    const view = document.defaultView ?? globalThis;
    const observer = new MutationObserver((records) => {
      const news = records.filter(touchesPage);
      if (news.length === 0) return;
      const first = pending.length === 0;
      pending.push(...news);
      if (!first) return;
      view.requestAnimationFrame(() => {
        const batch = pending;
        pending = [];
        for (const each of [...listeners]) each(batch);
      });
    });
    observer.observe(document.body, { childList: true, subtree: true });
    channel = { listeners, observer };
    channels.set(document, channel);
  }
  const { listeners, observer } = channel;
  listeners.add(listener);
  signal.addEventListener(
    'abort',
    () => {
      listeners.delete(listener);
      if (listeners.size > 0) return;
      observer.disconnect();
      channels.delete(document);
    },
    { once: true },
  );
}
