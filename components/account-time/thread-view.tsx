import type { FeatureContext } from '@/lib/page/feature';
import { renderFeature } from '../page/render';
import { ThreadTime, type ThreadTimeSource } from './ThreadTime';
import css from './style.css?inline';

export function showThreadTime(context: FeatureContext<'task'>, source: ThreadTimeSource): void {
  renderFeature(context, css, <ThreadTime {...source} docked={context.docked} />);
}
