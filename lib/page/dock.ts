/**
 * The dock: where the features whose anchors a page lacks show, together. One
 * per place (the page, and an open task modal): a panel in a corner that
 * carries every docked feature's UI in declaration order, and a button that
 * collapses it. It keeps off the page's focused field and its comment editor
 * with that form's buttons: when the panel would cover them it takes the next
 * corner that is free. The corner the user moved it to and whether it is
 * collapsed are kept (`DockPlacePrefs`, in the background for every page).
 *
 * Plain DOM, no framework: a page with a dock may show nothing else of ours.
 * Features' hosts are the dock host's light-DOM children, shown through a
 * <slot>; a feature that opens a dialog asks the dock to expand with the
 * composed event DOCK_EXPAND_EVENT.
 */
import { activeLanguage, t } from '../i18n';
import { findAnchor } from './selectors';
import { OUR_TAG_PREFIX } from './dom-changes';
import { DOCK_CORNERS, type DockCorner, type DockPlace } from './protocol';
import { DOCK_EXPAND_EVENT } from './feature';

export const DOCK_TAG = `${OUR_TAG_PREFIX}dock`;

export const DEFAULT_DOCK_PLACE: DockPlace = { corner: 'bottom-right', collapsed: false };

export interface DockPlacePrefs {
  /** The kept place; null when none was kept. */
  load(): Promise<DockPlace | null>;
  save(place: DockPlace): void;
}

const CSS = `
:host{all:initial!important;}
.dock{position:fixed;z-index:2147483000;display:flex;flex-direction:column;gap:8px;
  width:max-content;max-width:min(440px,calc(100vw - 32px));
  font:13px/1.4 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1f2933;}
.dock[data-corner^=bottom]{bottom:16px;}
.dock[data-corner^=top]{top:16px;flex-direction:column-reverse;}
.dock[data-corner$=right]{right:16px;align-items:flex-end;}
.dock[data-corner$=left]{left:16px;align-items:flex-start;}
.panel{display:flex;flex-direction:column;gap:8px;box-sizing:border-box;max-width:100%;max-height:60vh;overflow:auto;
  padding:8px;background:#fff;border:1px solid #d3d9e0;border-radius:8px;box-shadow:0 4px 16px rgb(0 0 0 / .15);}
.panel[hidden]{display:none;}
.bar{display:flex;gap:8px;align-items:center;}
.dock[data-corner$=left] .bar{flex-direction:row-reverse;}
button{font:inherit;cursor:pointer;}
.toggle{width:40px;height:40px;border:none;border-radius:50%;background:#2f6fed;color:#fff;font-weight:700;
  box-shadow:0 2px 8px rgb(0 0 0 / .25);}
.move{padding:3px 10px;border:1px solid #c7d0db;border-radius:14px;background:#fff;color:#1f2933;box-shadow:0 2px 8px rgb(0 0 0 / .15);}
.move[hidden]{display:none;}
button:focus-visible{outline:2px solid #1a56db;outline-offset:2px;}
`;

interface DockParts {
  host: HTMLElement;
  frame: HTMLElement;
  panel: HTMLElement;
  toggle: HTMLButtonElement;
  move: HTMLButtonElement;
  place: DockPlace;
  /** The corner it stands in now: the user's, or the next free one. */
  shown: DockCorner;
  lifetime: AbortController;
}

const docks = new WeakMap<ParentNode, DockParts>();

/** Puts `host` into the dock of `root` (made on first use), after the docked hosts of lower `order`. */
export function putInDock(root: ParentNode, document: Document, host: HTMLElement, order: number, prefs?: DockPlacePrefs): void {
  const dock = docks.get(root)?.host.isConnected ? docks.get(root)! : createDock(root, document, prefs);
  host.setAttribute('data-dock-order', String(order));
  // Its words in the language now in use (a language switch mounts the features again, into the same dock).
  show(dock);
  const next = [...dock.host.children].find((other) => other !== host && Number(other.getAttribute('data-dock-order')) > order);
  if (next) next.before(host);
  else dock.host.append(host);
  schedulePlacement(dock);
}

function createDock(root: ParentNode, document: Document, prefs: DockPlacePrefs | undefined): DockParts {
  const host = document.createElement(DOCK_TAG);
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = CSS;
  const frame = document.createElement('div');
  frame.className = 'dock';
  const panel = document.createElement('div');
  panel.className = 'panel';
  panel.id = 'panel';
  panel.append(document.createElement('slot'));
  const bar = document.createElement('div');
  bar.className = 'bar';
  const move = document.createElement('button');
  move.type = 'button';
  move.className = 'move';
  const toggle = document.createElement('button');
  toggle.type = 'button';
  toggle.className = 'toggle';
  toggle.textContent = 'AD';
  toggle.setAttribute('aria-controls', 'panel');
  bar.append(move, toggle);
  frame.append(panel, bar);
  shadow.append(style, frame);

  const dock: DockParts = { host, frame, panel, toggle, move, place: { ...DEFAULT_DOCK_PLACE }, shown: DEFAULT_DOCK_PLACE.corner, lifetime: new AbortController() };
  const { signal } = dock.lifetime;
  docks.set(root, dock);
  show(dock);

  const change = (place: DockPlace) => {
    dock.place = place;
    show(dock);
    prefs?.save(place);
  };
  toggle.addEventListener('click', () => change({ ...dock.place, collapsed: !dock.place.collapsed }));
  toggle.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !dock.place.collapsed) change({ ...dock.place, collapsed: true });
  });
  // "Move" goes round the corners from the one the dock stands in now.
  move.addEventListener('click', () => change({ ...dock.place, corner: DOCK_CORNERS[(DOCK_CORNERS.indexOf(dock.shown) + 1) % DOCK_CORNERS.length]! }));
  host.addEventListener(DOCK_EXPAND_EVENT, () => {
    if (dock.place.collapsed) change({ ...dock.place, collapsed: false });
  });

  // Keep off what the user works in: on focus changes, scrolling, resizing and the panel's own changes.
  const view = document.defaultView ?? globalThis;
  const again = () => schedulePlacement(dock);
  document.addEventListener('focusin', again, { capture: true, signal });
  document.addEventListener('focusout', again, { capture: true, signal });
  view.addEventListener('resize', again, { signal });
  view.addEventListener('scroll', again, { capture: true, passive: true, signal });
  const resized = new ResizeObserver(again);
  resized.observe(panel);
  // Gone with its last feature.
  const emptied = new MutationObserver(() => {
    if (host.children.length > 0) return;
    host.remove();
    dock.lifetime.abort();
  });
  emptied.observe(host, { childList: true });
  signal.addEventListener('abort', () => {
    resized.disconnect();
    emptied.disconnect();
    if (docks.get(root) === dock) docks.delete(root);
  });

  (root === document ? document.body : (root as Element)).append(host);
  void prefs?.load().then((kept) => {
    if (kept && !signal.aborted) {
      dock.place = kept;
      show(dock);
    }
  });
  return dock;
}

function show(dock: DockParts): void {
  const { collapsed } = dock.place;
  dock.host.setAttribute('lang', activeLanguage());
  dock.move.textContent = t('dockMove');
  dock.move.setAttribute('aria-label', t('dockMoveLabel'));
  dock.move.title = t('dockMoveLabel');
  dock.panel.hidden = collapsed;
  dock.move.hidden = collapsed;
  dock.toggle.setAttribute('aria-expanded', String(!collapsed));
  dock.toggle.setAttribute('aria-label', collapsed ? t('barDockOpen') : t('barDockClose'));
  dock.toggle.title = collapsed ? t('barDockOpen') : t('barDockClose');
  schedulePlacement(dock);
}

const scheduled = new WeakSet<DockParts>();

function schedulePlacement(dock: DockParts): void {
  if (scheduled.has(dock)) return;
  scheduled.add(dock);
  const view = dock.host.ownerDocument.defaultView ?? globalThis;
  view.requestAnimationFrame(() => {
    scheduled.delete(dock);
    if (!dock.lifetime.signal.aborted) placeDock(dock);
  });
}

/** The user's corner, unless the dock would cover a guarded element there: then the first free corner after it. */
function placeDock(dock: DockParts): void {
  const guarded = guardedRects(dock.host);
  const start = DOCK_CORNERS.indexOf(dock.place.corner);
  const order = DOCK_CORNERS.map((_, index) => DOCK_CORNERS[(start + index) % DOCK_CORNERS.length]!);
  for (const corner of order) {
    dock.frame.setAttribute('data-corner', corner);
    const box = dock.frame.getBoundingClientRect();
    if (!guarded.some((rect) => overlaps(box, rect))) {
      dock.shown = corner;
      return;
    }
  }
  // Nowhere is free (a page filled by its editor): the user's corner.
  dock.frame.setAttribute('data-corner', dock.place.corner);
  dock.shown = dock.place.corner;
}

/** The page's focused field, and its comment editor with that form's buttons, as boxes on screen. */
function guardedRects(dockHost: HTMLElement): DOMRect[] {
  const document = dockHost.ownerDocument;
  const root: ParentNode = dockHost.parentElement && dockHost.parentElement !== document.body ? dockHost.parentElement : document;
  const elements: Element[] = [];
  const active = document.activeElement;
  if (active && active !== document.body && !active.localName.startsWith(OUR_TAG_PREFIX)) elements.push(active);
  const editor = findAnchor(root, 'commentEditor').element;
  if (editor) {
    elements.push(editor);
    const form = editor.closest('form') ?? editor.parentElement;
    if (form) elements.push(...form.querySelectorAll('button, input[type=submit], input[type=button]'));
  }
  return elements.map((element) => element.getBoundingClientRect()).filter((rect) => rect.width > 0 && rect.height > 0);
}

const overlaps = (a: DOMRect, b: DOMRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
