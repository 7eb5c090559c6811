import { listen } from '@/lib/background/router';

export default defineBackground({
  main() {
    listen();
  },
});
