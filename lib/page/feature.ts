/**
 * The contract every in-page feature is written against. A feature declares
 * where it runs and what it needs; the runner (runner.ts) does the rest: it
 * parses the page once per navigation, reads the feature's switch (live),
 * finds its anchors, places its UI at the anchor or in the dock, reports the
 * anchors to diagnostics, and aborts `signal` when the feature must go.
 *
 *   export default defineFeature({
 *     id: 'templates',
 *     setting: 'templates',
 *     on: {
 *       project: { anchor: 'taskList', append: 'before', mount: lazyMount(() => import('./picker-button'), (m, context) => m.mount(context)) },
 *     },
 *   });
 *
 * `mount` imports the feature's code itself, so a page that doesn't show the
 * feature never parses it; `lazyMount` does so once, so that mounting again
 * (a UI going between the dock and its anchor) happens within the same task.
 */
import type { Settings } from '../settings';
import type { Result } from '../messages';
import type { WorksectionPage } from '../worksection/paths';
import type { AnchorName } from './selectors';

/**
 * Where a feature can run: a project page, a task page, or the task modal
 * Worksection opens over a project's task list (found in the DOM, not the
 * address, which may stay on the project).
 */
export type FeaturePageKind = 'project' | 'task' | 'modal';
type TaskPage = Extract<WorksectionPage, { kind: 'task' }>;
/** The page a feature sees: a task page's for the modal too. */
export type FeaturePage<K extends FeaturePageKind = FeaturePageKind> = K extends 'modal' ? TaskPage : Extract<WorksectionPage, { kind: K }>;

export interface FeatureContext<K extends FeaturePageKind = FeaturePageKind> {
  /** Aborted when the feature leaves: another page, its switch turned off, the dock/anchor changed, the extension updated. */
  signal: AbortSignal;
  page: FeaturePage<K>;
  /** Where it runs: the page kind, or "modal". */
  kind: K;
  /** What to search for the feature's elements: the document, or the task modal's element. */
  root: ParentNode;
  /** The Worksection account's origin (the page's). */
  origin: string;
  /** True when the feature's anchor is missing and its UI sits in the floating dock (inside the modal, for the modal). */
  docked: boolean;
  /** The settings now: one read shared by the page's features until the background announces a change. */
  settings(): Promise<Result<Settings>>;
  /**
   * The element to render into, inside the feature's own shadow root. The
   * host enters the page on the first call (a feature with nothing to show
   * leaves no trace) and leaves it when `signal` aborts. Only for features
   * declared with an `anchor`.
   */
  container(): HTMLElement;
}

/** A task's context: on its own page or in the modal over a project page. */
export type TaskFeatureContext = FeatureContext<'task'> | FeatureContext<'modal'>;

export interface FeaturePlace<K extends FeaturePageKind> {
  /** Where the feature's own UI goes; without one, the feature decorates the page's elements itself. */
  anchor?: AnchorName;
  append?: 'before' | 'after';
  /**
   * Further anchors the feature reads (reported to diagnostics). A feature
   * finds them under `context.root` when it needs them: Worksection replaces
   * its elements, so none is handed over once at mount.
   */
  uses?: readonly AnchorName[];
  mount(context: FeatureContext<K>): void | Promise<void>;
}

export interface FeatureDefinition {
  /** Names the feature in diagnostics, warnings and its host element (`account-desk-<id>`). */
  id: string;
  /** Its switch in options; a feature without one is always on. */
  setting?: keyof Settings['features'];
  /** The page kinds it runs on, each with its placement and mount. */
  on: { [K in FeaturePageKind]?: FeaturePlace<K> };
}

export function defineFeature<const F extends FeatureDefinition>(feature: F): F {
  return feature;
}

/**
 * A mount that imports the feature's code on first use and, from then on,
 * mounts synchronously with the module it kept (`import()` of a module
 * already loaded still answers a task later).
 */
export function lazyMount<M, K extends FeaturePageKind>(
  load: () => Promise<M>,
  start: (module: M, context: FeatureContext<K>) => void | Promise<void>,
): (context: FeatureContext<K>) => void | Promise<void> {
  let loaded: M | undefined;
  return (context) =>
    loaded !== undefined
      ? start(loaded, context)
      : load().then((module) => {
          loaded = module;
          return start(module, context);
        });
}

/** Every anchor a feature declares for a page kind: its placement first, then the ones it uses. */
export function declaredAnchors(place: FeaturePlace<FeaturePageKind>): AnchorName[] {
  const names = place.anchor ? [place.anchor, ...(place.uses ?? [])] : [...(place.uses ?? [])];
  return [...new Set(names)];
}

/**
 * Dispatched (bubbling, composed) by a docked feature's UI that must be seen,
 * e.g. as it opens a dialog: a collapsed dock expands.
 */
export const DOCK_EXPAND_EVENT = 'account-desk-dock-expand';

/** The host element's tag for a feature's UI. */
export const hostTag = (feature: Pick<FeatureDefinition, 'id'>) => `account-desk-${feature.id}`;
