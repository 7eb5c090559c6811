/**
 * How a feature's Preact UI enters its place on a Worksection page: into the
 * container the runner gives it (inside the feature's own shadow root, so the
 * host page's styles can't reach it), with its styles inlined, and out again
 * when the feature's signal aborts.
 */
import { render, type ComponentChild } from 'preact';
import type { FeatureContext, FeaturePageKind } from '@/lib/page/feature';

// Host styles never leak in: the host element resets every inherited property.
const RESET = ':host{all:initial!important;}';

export function renderFeature<K extends FeaturePageKind>(context: FeatureContext<K>, css: string, view: ComponentChild): void {
  if (context.signal.aborted) return;
  const container = context.container();
  const root = container.parentNode as ShadowRoot;
  if (!root.querySelector('style')) {
    const style = container.ownerDocument.createElement('style');
    style.textContent = `${RESET}\n${css}`;
    root.prepend(style);
  }
  render(view, container);
  context.signal.addEventListener('abort', () => render(null, container), { once: true });
}
