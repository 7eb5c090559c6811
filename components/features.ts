/**
 * Every feature Account Desk adds to Worksection pages, in the order their
 * UIs stand at a shared anchor. Each is one `feature.ts` that declares where
 * it runs (lib/page/feature.ts); the runner does the rest.
 */
import type { FeatureDefinition } from '@/lib/page/feature';
import pageBar from './page-bar/feature';
import replies from './replies/feature';
import templates from './templates/feature';
import accountTime from './account-time/feature';
import quickReplies from './quick-replies/feature';
import statusReport from './status-report/feature';

export const FEATURES: readonly FeatureDefinition[] = [pageBar, replies, templates, accountTime, statusReport, quickReplies];
