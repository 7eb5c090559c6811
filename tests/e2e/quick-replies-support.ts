// What the quick-reply e2e files share: the personal reply they save, how
// the English UI writes a day, and the quick-reply UI on a task page as a
// user finds it (the comment editor, the feature's host, its list, the
// thread's badge).
import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';

export const WAIT_MS = 30_000;

/** A personal reply with every variable a task page knows. */
export const STATUS_REPLY = { id: 'my.status', title: 'Status for the client', body: 'Hi {client_first_name}, “{task}” ({project}) is due {due_date}. — {my_name}' };

/** A day as the English UI writes it (lib/format.ts formatDay). */
export const englishDay = (isoDay: string) => new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${isoDay}T00:00:00Z`));

export const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The quick-reply UI of the page `page()` gives (read at each call: tests open new pages). */
export function quickReplyUi(page: () => Page) {
  const ui = () => page().locator('account-desk-quick-replies');
  const activeIn = async (host: Locator, box: Locator) => {
    const id = await host.getByRole('combobox').getAttribute('aria-activedescendant');
    return id ? box.locator(`#${id}`).innerText() : null;
  };
  return {
    editor: () => page().getByLabel('Comment', { exact: true }),
    ui,
    list: () => ui().getByRole('listbox', { name: 'Saved replies' }),
    badge: () => page().locator('.task h1').getByRole('img', { name: /^Client waiting/ }),
    /** The text of the option the list's search box points at (aria-activedescendant), or null. */
    activeOption: (box: Locator) => activeIn(ui(), box),
    /**
     * Types "/st" at the caret, as a user does, and inserts the status reply with Enter once the list (of the
     * feature host `host`: the page's, or the task modal's) has it active; the list is gone after.
     */
    async insertStatusBySlash(host: Locator = ui()) {
      await page().keyboard.type('/st');
      const list = host.getByRole('listbox', { name: 'Saved replies' });
      await list.waitFor();
      await expect.poll(() => host.getByRole('combobox').inputValue()).toBe('st');
      await expect.poll(() => activeIn(host, list)).toMatch(new RegExp(`^${escapeRegExp(STATUS_REPLY.title)}`));
      await page().keyboard.press('Enter');
      await list.waitFor({ state: 'detached' });
    },
    /** Opens `url` and waits for the feature to be mounted (its `/` listener is there with its button). */
    async open(url: string) {
      await page().goto(url);
      await ui().getByRole('button', { name: 'Quick reply', exact: true }).waitFor();
    },
  };
}
