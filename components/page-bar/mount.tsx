import type { FeatureContext, FeaturePage, FeaturePageKind } from '@/lib/page/feature';
import { renderFeature } from '../page/render';
import { PageBar } from './PageBar';
import css from './style.css?inline';

export function mount<K extends FeaturePageKind>(context: FeatureContext<K>): void {
  renderFeature(context, css, <PageBar page={context.page as FeaturePage} origin={context.origin} docked={context.docked} />);
}
