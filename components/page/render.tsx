/**
 * How a feature's Preact UI enters its place on a Worksection page: into the
 * container the runner gives it (inside the feature's own shadow root, so the
 * host page's styles can't reach it), with its styles inlined, and out again
 * when the feature's signal aborts.
 */
import { render, type ComponentChild } from 'preact';
import type { FeatureContext } from '@/lib/page/feature';
import controls from './controls.css?inline';

// Host styles never leak in: the host element resets every inherited property.
const RESET = ':host{all:initial!important;}';

/** A feature's own sheet after the buttons, focus ring and dialog frame the features with dialogs share (controls.css). */
export function withControls(css: string): string {
  return `${controls}\n${css}`;
}

export function renderFeature(context: Pick<FeatureContext, 'signal' | 'container'>, css: string, view: ComponentChild): void {
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
