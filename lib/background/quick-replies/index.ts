// Quick replies in the background: the feature's message handlers (registered in ../features.ts).
import { db } from '../../db';
import type { CallerPolicy, Handlers } from '../../messages';
import type { QuickReplyMessages } from '../../quick-replies/protocol';
import { replyKey } from '../../quick-replies';
import { replyContext } from './context';
import { quickReplyLibrary } from './library';
import { countUse, deletePersonalReply, exportPersonalReplies, importPersonalReplies, listPersonalReplies, savePersonalReply } from './personal';

export const quickReplyHandlers: Handlers<QuickReplyMessages> = {
  'quick-replies/library': () => quickReplyLibrary(),
  'quick-replies/context': ({ origin, taskId }) => replyContext(origin, taskId),
  'quick-replies/used': async ({ source, id }) => {
    await countUse(db(), replyKey(source, id));
    return null;
  },
  'quick-replies/personal/list': () => listPersonalReplies(db()),
  'quick-replies/personal/save': ({ reply, replacing }) => savePersonalReply(db(), reply, replacing),
  'quick-replies/personal/delete': async ({ id }) => {
    await deletePersonalReply(db(), id);
    return null;
  },
  'quick-replies/personal/import': ({ text }) => importPersonalReplies(db(), text),
  'quick-replies/personal/export': () => exportPersonalReplies(db()),
};

/** The list, its variables and its usage count come from the comment editor; editing personal replies is options'. */
export const quickReplyCallers: CallerPolicy<QuickReplyMessages> = {
  'quick-replies/library': 'worksection-tabs',
  'quick-replies/context': 'worksection-tabs',
  'quick-replies/used': 'worksection-tabs',
  'quick-replies/personal/list': 'extension-pages',
  'quick-replies/personal/save': 'extension-pages',
  'quick-replies/personal/delete': 'extension-pages',
  'quick-replies/personal/import': 'extension-pages',
  'quick-replies/personal/export': 'extension-pages',
};
