/**
 * The client status report on Worksection project pages: a "Status report"
 * button above the task list (or in the dock when the list isn't found) opens
 * a dialog that drafts the report, posts it as a comment or copies it. The
 * button is a few lines; the dialog is its own chunk, imported when the button
 * is reached or pressed. The background half is lib/background/status-report/.
 */
import { defineFeature, lazyMount } from '@/lib/page/feature';

export default defineFeature({
  id: 'status-report',
  setting: 'statusReport',
  on: {
    project: { anchor: 'taskList', append: 'before', mount: lazyMount(() => import('./button'), (m, context) => m.mountReportButton(context)) },
  },
});
