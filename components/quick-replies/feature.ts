/**
 * Quick replies in Worksection's comment editor, on a task's page and in its
 * modal: a "Quick reply" button beside the editor, and `/` typed at the
 * start of a word, open a searchable list of saved replies; the one chosen
 * goes in at the caret with its variables filled. The button and the `/`
 * listener are a small chunk; the list is its own chunk, loaded when `/` is
 * typed or the button is reached. The rest of the feature: the editor in
 * options (QuickRepliesSection.tsx), the pure core in lib/quick-replies/ and
 * the background in lib/background/quick-replies/.
 */
import { defineFeature, lazyMount } from '@/lib/page/feature';

export default defineFeature({
  id: 'quick-replies',
  setting: 'quickReplies',
  on: {
    task: { anchor: 'commentEditor', append: 'after', mount: lazyMount(() => import('./mount'), (m, context) => m.mountQuickReplies(context)) },
    modal: { anchor: 'commentEditor', append: 'after', mount: lazyMount(() => import('./mount'), (m, context) => m.mountQuickReplies(context)) },
  },
});
