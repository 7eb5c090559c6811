/**
 * Templates on Worksection pages: a "Templates" button (and Alt+Shift+T)
 * above a project's task list opens the picker; "Insert checklist" and "Save
 * as template" after a task's actions, on its page or in its modal. The picker and the checklist menu are
 * imported when opened. The rest of the feature: the editor in options
 * (TemplatesSection.tsx) and the background in lib/background/templates/.
 */
import { defineFeature, lazyMount } from '@/lib/page/feature';

export default defineFeature({
  id: 'templates',
  setting: 'templates',
  on: {
    project: { anchor: 'taskList', append: 'before', mount: lazyMount(() => import('./buttons'), (m, context) => m.mountProjectButtons(context)) },
    task: { anchor: 'taskActions', append: 'after', uses: ['commentEditor'], mount: lazyMount(() => import('./buttons'), (m, context) => m.mountTaskButtons(context)) },
    modal: { anchor: 'taskActions', append: 'after', uses: ['commentEditor'], mount: lazyMount(() => import('./buttons'), (m, context) => m.mountTaskButtons(context)) },
  },
});
