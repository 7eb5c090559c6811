/**
 * Account time on Worksection pages: the project's account-time widget above
 * its task list; on a client thread's task page, capture of engaged time
 * (heartbeats to the background) and "time in this thread" today. The rest of
 * the feature: options, reports and the popup's pause (this folder), and the
 * background in lib/background/account-time/.
 */
import { defineFeature, lazyMount } from '@/lib/page/feature';

export default defineFeature({
  id: 'account-time',
  setting: 'accountTime',
  on: {
    project: { anchor: 'taskList', append: 'before', mount: lazyMount(() => import('./mount'), (m, context) => m.mountProjectWidget(context)) },
    task: { anchor: 'taskActions', append: 'after', mount: lazyMount(() => import('./thread'), (m, context) => m.mountThreadTime(context)) },
    modal: { anchor: 'taskActions', append: 'after', mount: lazyMount(() => import('./thread'), (m, context) => m.mountThreadTime(context)) },
  },
});
