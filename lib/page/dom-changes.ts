/**
 * One MutationObserver for everything Account Desk does on a page:
 * Worksection swaps parts of its pages without navigating, and the runner and
 * the features re-check their places. Mutations are gathered and handed to
 * every listener once per animation frame, or (`soon`) as soon as the
 * mutations are delivered, for cheap checks whose latency users see (a UI
 * put back at its anchor); Account Desk's own elements coming and going are
 * not news.
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
  soon: Set<DomChangeListener>;
  observer: MutationObserver;
}

const channels = new WeakMap<Document, Channel>();

/** Calls `listener` with each frame's page mutations (or, `soon`, each delivery's) until `signal` aborts. */
export function onDomChange(document: Document, signal: AbortSignal, listener: DomChangeListener, options: { soon?: boolean } = {}): void {
  if (signal.aborted) return;
  let channel = channels.get(document);
  if (!channel) {
    const listeners = new Set<DomChangeListener>();
    const soon = new Set<DomChangeListener>();
    let pending: MutationRecord[] = [];
    const view = document.defaultView ?? globalThis;
    const observer = new MutationObserver((records) => {
      const news = records.filter(touchesPage);
      if (news.length === 0) return;
      for (const each of [...soon]) each(news);
      if (listeners.size === 0) return;
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
    channel = { listeners, soon, observer };
    channels.set(document, channel);
  }
  const { listeners, soon, observer } = channel;
  const set = options.soon ? soon : listeners;
  set.add(listener);
  signal.addEventListener(
    'abort',
    () => {
      set.delete(listener);
      if (listeners.size + soon.size > 0) return;
      observer.disconnect();
      channels.delete(document);
    },
    { once: true },
  );
}
