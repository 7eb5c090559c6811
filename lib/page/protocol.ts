// The page infrastructure's messages (part of lib/messages.ts `Protocol`):
// what the page bar shows about a page, and what each feature found on it.
import type { WorksectionPage } from '../worksection/paths';

export interface PageContext {
  projectName?: string;
  clientName?: string;
  taskName?: string;
  taskStatus?: 'active' | 'done';
}

export interface AnchorReport {
  /** Anchor key from lib/page/selectors.ts. */
  name: string;
  found: boolean;
  /** Which alternative matched (or how a guess was made), for maintainers reading diagnostics. */
  selector?: string;
  /** Found by a guess on a layout none of the known selectors fits. */
  guess?: boolean;
}

/** What one feature found on a page: where its UI went and which of its anchors were there. */
export interface FeatureVisit {
  id: string;
  /** Set for a feature running in the task modal over the page. */
  in?: 'modal';
  /** At its anchor, in the dock, decorating the page (no UI of its own), or switched off. */
  placement: 'anchor' | 'dock' | 'page' | 'off';
  anchors: AnchorReport[];
  /** Why it failed to mount, when it did. */
  problem?: string;
}

export interface PageVisit {
  id?: number;
  url: string;
  pageKind: WorksectionPage['kind'];
  /** "dock" when any feature's UI went to the dock. */
  placement: 'anchor' | 'dock';
  /** Every anchor any feature declared, found or missing. */
  anchors: AnchorReport[];
  features?: FeatureVisit[];
  /** The page's layout without its data (lib/page/skeleton.ts), kept when an anchor was missing. */
  layout?: string;
  visitedAt: number;
}

type None = Record<string, never>;

/** The dock's corners, in the order "Move" goes round them. */
export const DOCK_CORNERS = ['bottom-right', 'bottom-left', 'top-right', 'top-left'] as const;
export type DockCorner = (typeof DOCK_CORNERS)[number];
/** Where the user keeps the dock (lib/page/dock.ts), on every page. */
export interface DockPlace {
  corner: DockCorner;
  collapsed: boolean;
}

export interface PageMessages {
  'page/context': { request: { page: WorksectionPage; origin: string }; response: PageContext | null };
  /** The kept dock place (null: none yet); with `place`, keeps that one. */
  'page/dock': { request: { place?: DockPlace }; response: DockPlace | null };
  'diagnostics/report': { request: Omit<PageVisit, 'id'>; response: null };
  'diagnostics/list': { request: None; response: PageVisit[] };
}
