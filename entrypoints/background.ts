import { lockStorage } from '@/lib/background/credentials';
import { allCallers, allHandlers, BACKGROUND_FEATURES } from '@/lib/background/features';
import { listen } from '@/lib/background/router';

export default defineBackground(() => {
  // Every listener is registered synchronously at the top level, so the event
  // that wakes a stopped worker reaches it. No state lives in this worker's
  // memory: Dexie and storage.local hold it all.
  // First of all: storage.local for extension pages only (Chrome; see credentials.ts for Firefox).
  lockStorage();
  listen(allHandlers(), allCallers());
  for (const feature of BACKGROUND_FEATURES) feature.listen?.();
});
