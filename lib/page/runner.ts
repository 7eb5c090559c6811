/**
 * The runner: the one place that decides which in-page feature shows where.
 *
 * Once per navigation it parses the page; on every round (navigation, a
 * settings change, Worksection swapping part of the page) it finds the places
 * features can run in (the page, from its address, and a task modal open
 * over it, from the DOM), walks the features in declaration order and, for
 * each place a feature declares:
 * - mounts it when the page kind and its switch say so, with an AbortSignal
 *   that ends it when either stops saying so;
 * - places its UI at its anchor, or in the place's dock (dock.ts) when the anchor is missing,
 *   moves the UI when Worksection replaces the anchor, and re-mounts it only
 *   when it goes between the dock and an anchor;
 * - reports every feature's anchors, found and missing, to diagnostics.
 * A round is synchronous, so two re-mounts never interleave; a feature's own
 * async work is bounded by its signal.
 */
import type { AnchorReport, FeatureVisit, PageVisit } from './protocol';
import type { Settings } from '../settings';
import type { Result } from '../messages';
import { parseWorksectionPath } from '../worksection/paths';
import { declaredAnchors, hostTag, type FeatureContext, type FeatureDefinition, type FeaturePage, type FeaturePageKind, type FeaturePlace } from './feature';
import { onDomChange } from './dom-changes';
import { layoutSkeleton } from './skeleton';
import { findAnchor } from './selectors';
import { putInDock, type DockPlacePrefs } from './dock';
import { activeLanguage } from '../i18n';

export type FeatureSwitches = Settings['features'];

export interface RunnerEnvironment {
  document: Document;
  /** The page's address now (location.href). */
  href(): string;
  /** The settings now, one read shared by everything on the page until they change (FeatureContext.settings). */
  settings(): Promise<Result<Settings>>;
  /** The feature switches; null when unknown (every feature then counts as on). */
  switches(): Promise<FeatureSwitches | null>;
  /** Calls back when settings change; returns the unsubscribe function. */
  onSwitchesChanged(listener: () => void): () => void;
  /** Diagnostics: what each feature found on this page. */
  report(visit: Omit<PageVisit, 'id'>): void;
  /** False once the extension was updated or removed under this page. */
  alive(): boolean;
  warn(message: string): void;
  now(): number;
  /** Where the user keeps the dock; without it the dock starts in its default place every time. */
  dock?: DockPlacePrefs;
}

/** Where features run now: the page itself, and a task modal over it. */
interface Place {
  slot: 'page' | 'modal';
  kind: FeaturePageKind;
  page: FeaturePage;
  root: ParentNode;
  /** The page and ids ("task:12", "modal:12"). */
  key: string;
}

interface Mounted {
  feature: FeatureDefinition;
  order: number;
  slot: Place['slot'];
  /** The place it was mounted for. */
  key: string;
  root: ParentNode;
  controller: AbortController;
  place: FeaturePlace<FeaturePageKind>;
  docked: boolean;
  anchor: Element | null;
  host?: HTMLElement;
  failed?: string;
}

export interface Runner {
  /** Re-evaluates the page now (the runner also does so by itself). */
  round(): void;
  /** Unmounts everything and stops listening. */
  stop(): void;
}

const LOCATION_POLL_MS = 1000;

function pageKey(page: FeaturePage): string {
  return page.kind === 'project' ? `project:${page.projectId}` : `task:${page.taskId}`;
}

/** The task modal open over the page, when its title link names a task. */
function findModal(document: Document): Place | null {
  const modal = findAnchor(document, 'taskModal').element;
  const link = modal && findAnchor(modal, 'modalTaskLink').element;
  const target = link?.getAttribute('href');
  if (!modal || !target) return null;
  const url = new URL(target, document.baseURI);
  const page = parseWorksectionPath(url.pathname, url.hash);
  if (page.kind !== 'task') return null;
  return { slot: 'modal', kind: 'modal', page, root: modal, key: `modal:${page.taskId}` };
}

export function startRunner(features: readonly FeatureDefinition[], env: RunnerEnvironment): Runner {
  const { document } = env;
  const lifetime = new AbortController();
  /** By feature id and slot ("templates|modal"). */
  const mounted = new Map<string, Mounted>();
  const idOf = (feature: FeatureDefinition, slot: Place['slot']) => `${feature.id}|${slot}`;
  let switches: FeatureSwitches | null = null;
  // Nothing mounts before the switches are read, so a feature switched off never flashes in.
  let ready = false;
  let lastHref = '';
  let page: Place | null = null;
  /** What the last diagnostics report was made from (see reportIfChanged). */
  let reported = '';

  const readPage = () => {
    const href = env.href();
    if (href === lastHref) return;
    lastHref = href;
    const url = new URL(href);
    const parsed = parseWorksectionPath(url.pathname, url.hash);
    page = parsed.kind === 'project' || parsed.kind === 'task' ? { slot: 'page', kind: parsed.kind, page: parsed, root: document, key: pageKey(parsed) } : null;
  };

  const isOn = (feature: FeatureDefinition) => !feature.setting || switches === null || switches[feature.setting] !== false;

  const unmount = (entry: Mounted) => {
    mounted.delete(idOf(entry.feature, entry.slot));
    entry.controller.abort();
    entry.host?.remove();
  };

  /** Puts a host into the page: in the dock, or at its anchor in declaration order with its peers. */
  const attach = (entry: Mounted) => {
    const host = entry.host;
    if (!host) return;
    host.setAttribute('data-placement', entry.docked ? 'dock' : 'anchor');
    if (entry.docked || !entry.anchor) {
      // One dock per place: the page's floats over it, a modal's stays inside the modal.
      putInDock(entry.root, document, host, entry.order, env.dock);
      return;
    }
    const append = entry.place.append ?? 'after';
    const peers = [...mounted.values()].filter(
      (other) => other !== entry && other.host?.isConnected && !other.docked && other.anchor === entry.anchor && (other.place.append ?? 'after') === append,
    );
    if (append === 'before') {
      const next = peers.filter((other) => other.order > entry.order).sort((a, b) => a.order - b.order)[0];
      (next?.host ?? entry.anchor).before(host);
    } else {
      const previous = peers.filter((other) => other.order < entry.order).sort((a, b) => b.order - a.order)[0];
      (previous?.host ?? entry.anchor).after(host);
    }
  };

  const mount = (feature: FeatureDefinition, order: number, place: FeaturePlace<FeaturePageKind>, where: Place, anchor: Element | null) => {
    const controller = new AbortController();
    const entry: Mounted = {
      feature,
      order,
      slot: where.slot,
      key: where.key,
      root: where.root,
      controller,
      place,
      docked: Boolean(place.anchor) && !anchor,
      anchor,
    };
    mounted.set(idOf(feature, where.slot), entry);

    const context: FeatureContext = {
      signal: controller.signal,
      page: where.page,
      kind: where.kind,
      root: where.root,
      origin: new URL(lastHref).origin,
      docked: entry.docked,
      settings: env.settings,
      container() {
        if (!place.anchor) throw new Error(`Account Desk, ${feature.id}: a feature without an anchor has no container`);
        if (!entry.host) {
          const host = document.createElement(hostTag(feature));
          host.setAttribute('data-feature', feature.id);
          host.setAttribute('data-page', where.kind);
          // The page is in Worksection's language; ours may differ (screen readers, hyphenation, fonts).
          host.setAttribute('lang', activeLanguage());
          const shadow = host.attachShadow({ mode: 'open' });
          const inner = document.createElement('div');
          shadow.append(inner);
          entry.host = host;
        }
        if (!controller.signal.aborted && !entry.host.isConnected) attach(entry);
        return entry.host.shadowRoot!.lastElementChild as HTMLElement;
      },
    };
    const failed = (error: unknown) => {
      if (controller.signal.aborted) return;
      entry.failed = String((error as Error)?.message ?? error);
      env.warn(`Account Desk, ${feature.id}: ${entry.failed}`);
      reportIfChanged();
    };
    try {
      void Promise.resolve(place.mount(context as never)).catch(failed);
    } catch (error) {
      failed(error);
    }
  };

  const featureVisit = (feature: FeatureDefinition, place: FeaturePlace<FeaturePageKind>, where: Place): FeatureVisit => {
    const entry = mounted.get(idOf(feature, where.slot));
    const anchors: AnchorReport[] = declaredAnchors(place).map((name) => {
      const match = findAnchor(where.root, name);
      return { name, found: Boolean(match.element), selector: match.selector, ...(match.guess && { guess: true }) };
    });
    const placement: FeatureVisit['placement'] = !entry ? 'off' : !place.anchor ? 'page' : entry.docked ? 'dock' : 'anchor';
    return { id: feature.id, ...(where.slot === 'modal' && { in: 'modal' as const }), placement, anchors, ...(entry?.failed && { problem: entry.failed }) };
  };

  /**
   * Reports when the page, its places, where the features went or which of
   * their anchors the known selectors find have changed. Rounds run on every
   * page mutation, so this check is the cheap part: the guesses and the
   * layout skeleton are only made for a report that is sent.
   */
  const reportIfChanged = (places: readonly Place[] = currentPlaces()) => {
    if (!page) return;
    const current = page;
    const found = places.map((where) => {
      const names = new Set(features.flatMap((feature) => (feature.on[where.kind] ? declaredAnchors(feature.on[where.kind] as FeaturePlace<FeaturePageKind>) : [])));
      return `${where.key}:${[...names].map((name) => (findAnchor(where.root, name, { guess: false }).element ? '1' : '0')).join('')}`;
    });
    const placed = [...mounted.values()].map((entry) => `${idOf(entry.feature, entry.slot)}:${entry.docked}:${entry.failed ?? ''}`);
    const signature = [lastHref, ...found, ...placed].join('|');
    if (signature === reported) return;
    reported = signature;
    const visits = places.flatMap((where) =>
      features.flatMap((feature) => {
        const place = feature.on[where.kind] as FeaturePlace<FeaturePageKind> | undefined;
        return place ? [featureVisit(feature, place, where)] : [];
      }),
    );
    const anchors = new Map<string, AnchorReport>();
    for (const visit of visits) for (const anchor of visit.anchors) anchors.set(anchor.name, anchor);
    // A layout we don't fully know: keep its skeleton for the user to send us.
    const unknown = visits.some((visit) => visit.placement === 'dock' || visit.anchors.some((anchor) => !anchor.found || anchor.guess));
    env.report({
      url: lastHref,
      pageKind: current.page.kind,
      placement: visits.some((visit) => visit.placement === 'dock') ? 'dock' : 'anchor',
      anchors: [...anchors.values()],
      features: visits,
      ...(unknown && { layout: layoutSkeleton(document.body).html }),
      visitedAt: env.now(),
    });
  };

  /** The page (from its address) and a task modal open over it (from the DOM). */
  const currentPlaces = (): Place[] => {
    const modal = page ? findModal(document) : null;
    return [page, modal].filter((place): place is Place => place !== null);
  };

  const round = () => {
    if (lifetime.signal.aborted || !ready) return;
    if (!env.alive()) return stop();
    readPage();
    const places = currentPlaces();
    for (const slot of ['page', 'modal'] as const) {
      const where = places.find((place) => place.slot === slot);
      features.forEach((feature, order) => {
        const place = where ? (feature.on[where.kind] as FeaturePlace<FeaturePageKind> | undefined) : undefined;
        const wanted = where && place && isOn(feature) ? where.key : null;
        const entry = mounted.get(idOf(feature, slot));
        const anchor = where && place?.anchor ? findAnchor(where.root, place.anchor).element : null;
        if (entry && wanted !== null && entry.key === wanted && entry.place === place && entry.root === where!.root) {
          if (!place?.anchor) return;
          if (entry.docked !== !anchor) {
            // Between the dock and an anchor: the feature shows differently, so it starts again.
            unmount(entry);
            mount(feature, order, place, where!, anchor);
          } else if (anchor !== entry.anchor || (entry.host && !entry.host.isConnected)) {
            // Worksection replaced the anchor (or took our host with it): move the same UI, state and all.
            entry.anchor = anchor;
            attach(entry);
          }
          return;
        }
        if (entry) unmount(entry);
        if (wanted !== null) mount(feature, order, place!, where!, anchor);
      });
    }
    reportIfChanged(places);
  };

  const stop = () => {
    if (lifetime.signal.aborted) return;
    lifetime.abort();
    for (const entry of [...mounted.values()]) unmount(entry);
  };

  const readSwitches = async () => {
    const next = await env.switches();
    if (lifetime.signal.aborted) return;
    switches = next;
    ready = true;
    round();
  };

  const view = document.defaultView ?? globalThis;
  const onLocation = () => round();
  view.addEventListener('popstate', onLocation, { signal: lifetime.signal });
  view.addEventListener('hashchange', onLocation, { signal: lifetime.signal });
  // Pages that change the address with history.pushState fire no event this world can hear.
  const poll = view.setInterval(() => {
    if (env.href() !== lastHref || !env.alive()) round();
  }, LOCATION_POLL_MS);
  lifetime.signal.addEventListener('abort', () => view.clearInterval(poll), { once: true });
  const stopSwitches = env.onSwitchesChanged(() => void readSwitches());
  lifetime.signal.addEventListener('abort', stopSwitches, { once: true });
  // A round is a few lookups: it runs as soon as the page's changes are delivered, so a UI is back at its anchor within the same task.
  onDomChange(document, lifetime.signal, () => round(), { soon: true });

  void readSwitches();

  return { round, stop };
}
