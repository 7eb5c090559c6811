/**
 * The page bar: Account Desk's place on Worksection project and task pages.
 * It finds the page from the URL, mounts at the page's anchor or, when the
 * layout has none, in a floating dock, follows in-page navigation, and reports
 * which anchors it found for the diagnostics view.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { ask } from '@/lib/messages';
import { findAnchor, PAGE_ANCHORS } from '@/lib/page/selectors';
import { parseWorksectionPath, type WorksectionPage } from '@/lib/worksection/paths';
import { onDomChange } from '../dom-changes';
import { mountInShadow } from '../shadow-mount';
import { PageBar } from './PageBar';
import css from './style.css?inline';

type BarPage = Extract<WorksectionPage, { kind: 'project' | 'task' }>;

interface Placement {
  page: BarPage;
  anchor: Element | null;
  url: string;
}

export function startPageBar(ctx: ContentScriptContext): void {
  let current: { placement: Placement; ui: ShadowRootContentScriptUi<void> } | undefined;
  let reportedUrl: string | undefined;
  let placing = false;
  let again = false;

  const desired = (): Placement | null => {
    const page = parseWorksectionPath(location.pathname, location.hash);
    if (page.kind !== 'project' && page.kind !== 'task') return null;
    const primary = PAGE_ANCHORS[page.kind][0];
    return { page, anchor: findAnchor(document, primary).element, url: location.href };
  };

  const samePlace = (a: Placement, b: Placement) =>
    a.url === b.url && a.anchor === b.anchor && (!a.anchor || a.anchor.isConnected);

  const placeOnce = async () => {
    const next = desired();
    if (current && next && samePlace(current.placement, next)) return;
    current?.ui.remove();
    current = undefined;
    if (!next) return;
    const ui = await mountBar(ctx, next);
    current = { placement: next, ui };
    if (reportedUrl !== next.url) {
      reportedUrl = next.url;
      void reportAnchors(next);
    }
  };

  // One placement at a time; a change noticed meanwhile runs another round.
  const place = async () => {
    if (placing) {
      again = true;
      return;
    }
    placing = true;
    try {
      do {
        again = false;
        if (!ctx.isInvalid) await placeOnce();
      } while (again);
    } finally {
      placing = false;
    }
  };

  void place();
  ctx.addEventListener(window, 'wxt:locationchange', () => void place());
  // Worksection swaps parts of the page without navigating: re-place when our
  // anchor is replaced or appears.
  onDomChange(ctx, () => {
    const next = desired();
    const stale = !current || !next || !samePlace(current.placement, next);
    if (stale) void place();
  });
}

function mountBar(ctx: ContentScriptContext, { page, anchor }: Placement) {
  return mountInShadow(ctx, {
    name: 'account-desk-ui',
    css,
    anchor,
    append: page.kind === 'project' ? 'before' : 'after',
    view: (docked) => <PageBar page={page} origin={location.origin} docked={docked} />,
  });
}

function reportAnchors({ page, anchor, url }: Placement) {
  return ask('diagnostics/report', {
    url,
    pageKind: page.kind,
    placement: anchor ? 'anchor' : 'dock',
    anchors: PAGE_ANCHORS[page.kind].map((name) => {
      const match = findAnchor(document, name);
      return { name, found: Boolean(match.element), selector: match.selector };
    }),
    visitedAt: Date.now(),
  });
}
