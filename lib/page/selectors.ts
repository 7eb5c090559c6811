/**
 * Everything Account Desk knows about Worksection's DOM, in one place.
 *
 * Each anchor lists alternatives, most specific first, each with the layout it
 * covers. Sources are in shared/worksection/api-reference.md §6.2; Worksection
 * documents no stable data-* attributes, so none of these is guaranteed, and a
 * missing anchor must only move our UI to the floating dock.
 */

export interface AnchorSpec {
  /** What the anchor is, in English for developers (test messages); Diagnostics names it in the user's language (anchor… messages). */
  label: string;
  alternatives: ReadonlyArray<{ selector: string; layout: string }>;
  /**
   * The last resort on layouts none of the selectors knows: a search by what
   * the element is like. Diagnostics name it a guess.
   */
  guess?: { describe: string; find(root: ParentNode): Element | null };
}

/** `com<ID>`, the ids comment anchors carry (api-reference §6.1). */
const COMMENT_ID = /^com\d+$/;

/** The element holding the comments, from the comment ids alone. */
function commentsByIds(root: ParentNode): Element | null {
  const comment = [...root.querySelectorAll('[id^="com"]')].find((element) => COMMENT_ID.test(element.id));
  return comment?.parentElement ?? null;
}

const isShown = (element: Element) => element.getClientRects().length > 0;

/** A visible text box near the comments (after them, where reply boxes sit), or the page's last one. */
function editorNearComments(root: ParentNode): Element | null {
  const comments = commentsByIds(root);
  const near = comments?.parentElement ?? root;
  const boxes = [...near.querySelectorAll('textarea, [contenteditable=""], [contenteditable="true"]')].filter(isShown);
  return boxes.at(-1) ?? null;
}

export const ANCHORS = {
  projectHeader: {
    label: 'Project header',
    alternatives: [
      // Print header on every project page: <span>{workspace}</span>{project name} (Toggl's integration, 2019).
      { selector: '#header_print', layout: 'classic web app' },
      // The client's name above the project before 2019 (Toggl's integration history).
      { selector: '#client_name', layout: 'web app before 2019' },
    ],
  },
  taskList: {
    label: 'Task list',
    alternatives: [
      // Project task list container (Toggl/TimeCamp integrations, 2019).
      { selector: '#tasks_images', layout: 'classic web app' },
    ],
  },
  taskRow: {
    label: 'Task rows',
    alternatives: [
      { selector: '#tasks_images .item', layout: 'classic web app' },
    ],
  },
  taskTitle: {
    label: 'Task title',
    alternatives: [
      // Task page, and the task inside the modal (Toggl's integration).
      { selector: '.task h1', layout: 'task page and modal' },
      // Task opened in a ThickBox-style modal over the project page (Toggl's integration).
      { selector: '#TB_title .name', layout: 'task modal' },
      // The first bold span of a plain task page (a 2026 scraper): the last resort.
      { selector: 'span.b', layout: 'plain task page (2026 scraper)' },
    ],
  },
  taskModal: {
    label: 'Task modal',
    alternatives: [
      // ThickBox window a task opens in over the project's task list; the address may stay on /project/P/
      // (Toggl's and TimeCamp's integrations, 2013-2019; scrapers 2019-2026).
      { selector: '#TB_window', layout: 'task modal (ThickBox)' },
    ],
  },
  modalTaskLink: {
    label: 'Task modal link',
    alternatives: [
      // The modal's title holds the task's own link: which task the modal shows.
      { selector: '#TB_title .name a', layout: 'task modal (ThickBox)' },
    ],
  },
  taskActions: {
    label: 'Task actions menu',
    alternatives: [
      // Where Toggl injects its timer button.
      { selector: '.buts_menu', layout: 'task page and modal' },
    ],
  },
  comments: {
    label: 'Comments',
    alternatives: [
      // Worksection's comment DOM is undocumented (api-reference §6.2): this is the
      // simulator's shape, kept until a saved real page says otherwise.
      { selector: '#comments', layout: 'task page (simulator-shaped)' },
    ],
    // Comment ids are "com{ID}" as in the #com{ID} anchors of comment links (api-reference §6.1).
    guess: { describe: 'the parent of the elements with id com<ID>', find: commentsByIds },
  },
  commentEditor: {
    label: 'Comment editor',
    alternatives: [
      // The new-comment form under a task's comments (simulator-shaped, like #comments);
      // "Insert checklist" writes into it while the user is typing a comment.
      { selector: 'form#comment_form textarea[name=text]', layout: 'task page (simulator-shaped)' },
      // The same form with a rich (contenteditable) editor instead, as Worksection's real one very
      // probably is (CKEditor/ProseMirror-style; the simulator's editor=rich).
      { selector: 'form#comment_form [contenteditable]:not([contenteditable="false"])', layout: 'task page, rich editor (simulator-shaped)' },
    ],
    guess: { describe: 'a visible text box near the comments', find: editorNearComments },
  },
} as const satisfies Record<string, AnchorSpec>;

export type AnchorName = keyof typeof ANCHORS;

/** The anchors each kind of page has on the layouts we know (the selector tests check them on saved pages). */
export const PAGE_ANCHORS = {
  project: ['taskList', 'projectHeader', 'taskRow'],
  task: ['taskTitle', 'taskActions', 'comments'],
} as const satisfies Record<string, readonly AnchorName[]>;

export interface AnchorMatch {
  name: AnchorName;
  element: Element | null;
  /** Which alternative matched, or how a guess was made. */
  selector?: string;
  /** Found by the anchor's guess, not by a known selector. */
  guess?: boolean;
}

/**
 * The anchor under `root`: the first alternative that matches, else its guess.
 * `{ guess: false }` skips the guess (a search over the page, with layout reads),
 * for checks that run often.
 */
export function findAnchor(root: ParentNode, name: AnchorName, options: { guess?: boolean } = {}): AnchorMatch {
  const spec: AnchorSpec = ANCHORS[name];
  for (const { selector } of spec.alternatives) {
    const element = root.querySelector(selector);
    if (element) return { name, element, selector };
  }
  if (options.guess === false) return { name, element: null };
  const guessed = spec.guess?.find(root);
  if (guessed && spec.guess) return { name, element: guessed, selector: spec.guess.describe, guess: true };
  return { name, element: null };
}

/** Task names in a project's task list: row elements with their task id and title link. */
export function taskRows(root: ParentNode): Array<{ row: Element; taskId: string | null; link: HTMLAnchorElement | null }> {
  const match = findAnchor(root, 'taskRow');
  if (!match.selector) return [];
  return [...root.querySelectorAll(match.selector)].map((row) => {
    // Two steps instead of '.name > a': Chromium matches that right to left
    // against every link in the row, which on a 5,000-row list cost ~150 ms.
    const link = row.querySelector('.name')?.querySelector<HTMLAnchorElement>(':scope > a') ?? null;
    const fromLink = link?.getAttribute('href')?.match(/\/(\d+)\/(?:#.*)?$/)?.[1] ?? null;
    return { row, taskId: row.getAttribute('data-id') ?? fromLink, link };
  });
}
