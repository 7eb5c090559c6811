import { allHandlers, BACKGROUND_FEATURES } from '@/lib/background/features';
import { listen } from '@/lib/background/router';

export default defineBackground(() => {
  // Every listener is registered synchronously at the top level, so the event
  // that wakes a stopped worker reaches it. No state lives in this worker's
  // memory: Dexie and storage.local hold it all.
  listen(allHandlers());
  for (const feature of BACKGROUND_FEATURES) feature.listen?.();
});
