/**
 * Account Desk on Worksection pages: every content-script feature starts here,
 * each with the shared context that cleans it up. Loaded by
 * worksection-bootstrap.ts after the page has loaded.
 */
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { startPageBar } from '@/components/page-bar/mount';
import { startReplyBadges } from '@/components/reply-badges';
import { startTemplates } from '@/components/templates';
import { startAccountTime } from '@/components/account-time';

export default defineUnlistedScript(() => {
  const ctx = new ContentScriptContext('worksection-ui');
  startPageBar(ctx);
  startReplyBadges(ctx);
  startTemplates(ctx);
  startAccountTime(ctx);
});
