// Checklists: the saved ones and the templates', and inserting one into a task as a comment with todo[] items.
import { db } from '../../db';
import { templateChecklists, walkTemplate } from '../../templates';
import type { ChecklistChoice } from '../../templates/protocol';
import { connectionStatus } from '../connection';
import { accountDirectory } from '../directory';
import { chosenPerson } from '../acting-as';
import { clientFor, TemplatesProblem } from './account';
import { libraryEntries, uiLanguage } from './library';
import { t } from '../../i18n';

const SAVED_CHECKLISTS_MAX = 200;

/** Saved checklists, most recent first, then every checklist in the templates. */
export async function checklistChoices(): Promise<ChecklistChoice[]> {
  const saved = await db().savedChecklists.orderBy('usedAt').reverse().limit(SAVED_CHECKLISTS_MAX).toArray();
  const choices: ChecklistChoice[] = saved.map((row) => ({ id: `saved:${row.id}`, title: row.title, items: row.items, usedAt: row.usedAt }));
  const seen = new Set(saved.map((row) => `${row.title}\n${row.items.join('\n')}`));
  const language = uiLanguage();
  for (const { template } of await libraryEntries()) {
    if (template.language && template.language !== language) continue;
    for (const list of templateChecklists(template)) {
      const signature = `${list.title}\n${list.items.join('\n')}`;
      if (seen.has(signature)) continue;
      seen.add(signature);
      const key = walkTemplate(template).find((placed) => placed.node.title === list.title)?.key ?? '0';
      choices.push({ id: `template:${template.id}:${key}`, title: list.title, items: list.items });
    }
  }
  return choices;
}

/** Remembers a used (or newly written) checklist so it comes first next time. */
export async function rememberChecklist(title: string, items: readonly string[], now = Date.now()): Promise<void> {
  const id = `${title}\n${items.join('\n')}`;
  await db().savedChecklists.put({ id, title, items: [...items], usedAt: now });
}

function checkChecklist(title: string, items: readonly string[]): void {
  if (!title.trim() || title.length > 250) throw new TemplatesProblem('invalid', t('tplProblemChecklistName'));
  if (items.length === 0 || items.length > 50) throw new TemplatesProblem('invalid', t('tplProblemChecklistCount'));
  if (items.some((item) => !item.trim() || item.length > 500 || /[\r\n]/.test(item))) {
    throw new TemplatesProblem('invalid', t('tplProblemChecklistItem'));
  }
}

/** Posts the checklist as a comment with todo[] items on the task. */
export async function insertChecklist(origin: string, taskId: string, title: string, items: string[]): Promise<{ commentId: string; page: string }> {
  checkChecklist(title, items);
  const client = await clientFor(origin);
  let emailUserFrom: string | undefined;
  if ((await connectionStatus())?.authKind !== 'oauth' && !(await chosenPerson(origin))) {
    // With the admin key Worksection needs an author: the person chosen in "Who are you"
    // (the client adds them), else the account owner (as the page's own form posts).
    const { users } = await accountDirectory(origin);
    emailUserFrom = users.find((user) => user.role?.toLowerCase() === 'owner')?.email;
  }
  const comment = await client.postComment({ taskId, todo: items, ...(emailUserFrom ? { emailUserFrom } : {}) });
  await rememberChecklist(title, items);
  return { commentId: comment.id, page: comment.page };
}

