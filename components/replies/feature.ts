/**
 * Reply badges: which client threads wait for a reply, and for how long, on
 * a project's task list (a badge on each waiting row) and on a task page or
 * in the task modal (beside the title; in the dock when the title is not
 * found, so the dock carries the thread's state too). The rest of the feature: the popup queue
 * (ReplyQueue.tsx), its settings (OptionsSection.tsx) and reports
 * (ReplyTimesSection.tsx), with the background in lib/background/replies/.
 */
import { defineFeature, lazyMount } from '@/lib/page/feature';

export default defineFeature({
  id: 'replies',
  setting: 'replyBadges',
  on: {
    project: { uses: ['taskList', 'taskRow'], mount: lazyMount(() => import('./badges'), (m, context) => m.mountRowBadges(context)) },
    task: { anchor: 'taskTitle', append: 'after', uses: ['commentEditor'], mount: lazyMount(() => import('./badges'), (m, context) => m.mountTitleBadge(context)) },
    modal: { anchor: 'taskTitle', append: 'after', uses: ['commentEditor'], mount: lazyMount(() => import('./badges'), (m, context) => m.mountTitleBadge(context)) },
  },
});
