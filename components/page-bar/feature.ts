/**
 * The page bar: Account Desk's place on project and task pages (the project,
 * its client, the task), and the floating dock where the layout is unknown.
 */
import { defineFeature, lazyMount } from '@/lib/page/feature';

export default defineFeature({
  id: 'page-bar',
  on: {
    project: { anchor: 'taskList', append: 'before', uses: ['projectHeader', 'taskRow'], mount: lazyMount(() => import('./mount'), (m, context) => m.mount(context)) },
    task: { anchor: 'taskTitle', append: 'after', uses: ['taskActions', 'comments'], mount: lazyMount(() => import('./mount'), (m, context) => m.mount(context)) },
  },
});
