/**
 * A reply sent from this browser clears its badge at once: when the user
 * sends the comment form of a task (its page or the task modal), the
 * background is told to re-read that thread now, instead of at the next poll.
 *
 * Worksection posts the form and then swaps the page's content (or, without
 * script, loads a new page). The background is told once the form has left
 * the page, that is once Worksection has the comment, or when the page
 * unloads, or after SEND_WAIT_MS at the latest; it reads again shortly after
 * if the reply had not arrived yet.
 */
import { ask } from '@/lib/messages';
import type { TaskFeatureContext } from '@/lib/page/feature';
import { findAnchor } from '@/lib/page/selectors';

const SEND_WAIT_MS = 4_000;

/** The comment text the form holds, or '' for a form that is not this task's comment form. */
function commentText(form: HTMLFormElement, root: ParentNode): string {
  const editor = findAnchor(root, 'commentEditor').element;
  if (!editor || !form.contains(editor)) return '';
  const value = editor instanceof HTMLTextAreaElement || editor instanceof HTMLInputElement ? editor.value : editor.textContent ?? '';
  return value.trim();
}

export function watchSentReplies({ signal, root, origin, page }: Pick<TaskFeatureContext, 'signal' | 'root' | 'origin' | 'page'>): void {
  const onSubmit = (event: Event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || commentText(form, root) === '') return;
    tellWhenSent(form, origin, page.taskId);
  };
  // Capture: the page's own handler stops the event to post it itself.
  document.addEventListener('submit', onSubmit, { capture: true, signal });
}

/**
 * Not tied to the feature's signal: the page swapping its content after the
 * post ends this feature's life on that content, and the news must still go.
 */
function tellWhenSent(form: HTMLFormElement, origin: string, taskId: string): void {
  let told = false;
  const tell = () => {
    if (told) return;
    told = true;
    observer.disconnect();
    window.clearTimeout(timer);
    window.removeEventListener('pagehide', tell);
    void ask('replies/sent', { origin, taskId }).then((reply) => {
      if (!reply.ok) console.warn(`Account Desk, reply badges: ${reply.problem.message} (${reply.problem.kind})`);
    });
  };
  const observer = new MutationObserver(() => {
    if (!form.isConnected) tell();
  });
  observer.observe(document, { childList: true, subtree: true });
  const timer = window.setTimeout(tell, SEND_WAIT_MS);
  window.addEventListener('pagehide', tell, { once: true });
}
