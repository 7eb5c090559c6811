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
  /** Which alternative matched, for maintainers reading diagnostics. */
  selector?: string;
}

/** What one feature found on a page: where its UI went and which of its anchors were there. */
export interface FeatureVisit {
  id: string;
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
  visitedAt: number;
}

type None = Record<string, never>;

export interface PageMessages {
  'page/context': { request: { page: WorksectionPage; origin: string }; response: PageContext | null };
  'diagnostics/report': { request: Omit<PageVisit, 'id'>; response: null };
  'diagnostics/list': { request: None; response: PageVisit[] };
}
