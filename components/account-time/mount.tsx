import type { FeatureContext } from '@/lib/page/feature';
import { renderFeature } from '../page/render';
import { ProjectWidget } from './ProjectWidget';
import css from './style.css?inline';

/** The project's account-time widget: today, this week, this month, the share and the trend. */
export function mountProjectWidget(context: FeatureContext<'project'>): void {
  renderFeature(context, css, <ProjectWidget projectId={context.page.projectId} origin={context.origin} docked={context.docked} />);
}
