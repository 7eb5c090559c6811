import type { TaskFeatureContext } from '@/lib/page/feature';
import { renderFeature } from '../page/render';
import { ThreadTime, type ThreadTimeSource } from './ThreadTime';
import css from './style.css?inline';

export function showThreadTime(context: TaskFeatureContext, source: ThreadTimeSource): void {
  renderFeature(context, css, <ThreadTime {...source} docked={context.docked} />);
}
