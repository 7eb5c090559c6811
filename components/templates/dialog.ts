import { useEffect } from 'preact/hooks';

// Modal dialog behaviour inside a shadow root: Tab cycles within the dialog
// (a <details> summary is a stop too: "New checklist" opens from the keyboard),
// Esc closes, and focus returns to whatever opened it.
const FOCUSABLE = 'button:not([disabled]), summary, [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * Whether `element` can take the focus now: laid out, and not inside a closed
 * <details> (Chrome lays out a closed details' content with
 * content-visibility: hidden, so it has an offsetParent but refuses focus).
 */
function shown(element: HTMLElement): boolean {
  const closed = element.closest('details:not([open])');
  if (closed && !(element.localName === 'summary' && element.parentElement === closed)) return false;
  return typeof element.checkVisibility === 'function' ? element.checkVisibility() : element.offsetParent !== null;
}

/** Keeps Tab / Shift+Tab inside `dialog`; Escape calls `close`. Returns the key handler to attach to the dialog. */
export function trapFocus(dialog: HTMLElement, close: () => void): (event: KeyboardEvent) => void {
  return (event) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close();
      return;
    }
    if (event.key !== 'Tab') return;
    const focusable = [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((element) => shown(element) || element === document.activeElement);
    if (focusable.length === 0) return;
    const root = dialog.getRootNode() as Document | ShadowRoot;
    const active = root.activeElement;
    const first = focusable[0]!;
    const last = focusable[focusable.length - 1]!;
    if (event.shiftKey && (active === first || !dialog.contains(active))) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && (active === last || !dialog.contains(active))) {
      event.preventDefault();
      first.focus();
    }
  };
}

/**
 * "YYYY-MM-DD" of today in `timeZone` (the start date the picker offers: the
 * account's today, the day Worksection's deadlines are counted in, which is
 * not the browser's around midnight when the two zones differ).
 */
export function todayIso(timeZone: string, now = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((candidate) => candidate.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/**
 * Esc closes the dialog also when focus has left it (e.g. its button became
 * disabled), and only the dialog: heard first (window, capture phase) and
 * kept from the page, so a Worksection modal under it stays open.
 */
export function useEscape(close: () => void): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      event.stopPropagation();
      close();
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, [close]);
}
