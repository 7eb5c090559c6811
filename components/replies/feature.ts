/**
 * Reply badges: which client threads wait for a reply, and for how long, on
 * a project's task list (a badge on each waiting row) and on a task page
 * (beside the title). The rest of the feature: the popup queue
 * (ReplyQueue.tsx), its settings (OptionsSection.tsx) and reports
 * (ReplyTimesSection.tsx), with the background in lib/background/replies/.
 */
import { defineFeature } from '@/lib/page/feature';

export default defineFeature({
  id: 'replies',
  setting: 'replyBadges',
  on: {
    project: { uses: ['taskList', 'taskRow'], mount: (context) => import('./badges').then((m) => m.mountRowBadges(context)) },
    task: { uses: ['taskTitle'], mount: (context) => import('./badges').then((m) => m.mountTitleBadge(context)) },
  },
});
