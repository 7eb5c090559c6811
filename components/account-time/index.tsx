/**
 * Account time on Worksection pages. On a client thread's task page it
 * captures engaged time (heartbeats to the background) and shows "time in
 * this thread" today; on a project page it shows the project's account time
 * widget. Mounted at the page's anchor, or in a floating dock without one;
 * follows in-page navigation and Worksection re-rendering its parts.
 */
import type { ComponentChild } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { ask } from '@/lib/messages';
import { findAnchor, type AnchorName } from '@/lib/page/selectors';
import { parseWorksectionPath } from '@/lib/worksection/paths';
import { onDomChange } from '../dom-changes';
import { mountInShadow } from '../shadow-mount';
import { startCapture, type CaptureState } from './capture';
import { ProjectWidget } from './ProjectWidget';
import { ThreadTime } from './ThreadTime';
import css from './style.css?inline';

/** Where each view goes: the project's task list (above it), the task's action menu (below it). */
const PLACES = {
  project: { anchor: 'taskList', append: 'before' },
  task: { anchor: 'taskActions', append: 'after' },
} as const satisfies Record<string, { anchor: AnchorName; append: 'before' | 'after' }>;

interface Shown {
  /** project:P or task:T (with the page URL it was decided for). */
  key: string;
  anchor: Element | null;
  ui?: ShadowRootContentScriptUi<void>;
  stopCapture?: (reason: 'leave') => void;
  /** Capture's latest state and who listens to it (a re-mounted view picks it up). */
  last?: CaptureState;
  listeners?: Set<(state: CaptureState) => void>;
  paused?: boolean;
}

function pageKey(): { key: string; kind: 'project' | 'task'; id: string } | null {
  const page = parseWorksectionPath(location.pathname, location.hash);
  if (page.kind === 'project') return { key: `project:${page.projectId}`, kind: 'project', id: page.projectId };
  if (page.kind === 'task') return { key: `task:${page.taskId}`, kind: 'task', id: page.taskId };
  return null;
}

export function mountTimeUi(ctx: ContentScriptContext, anchor: Element | null, append: 'before' | 'after', view: (docked: boolean) => ComponentChild) {
  return mountInShadow(ctx, { name: 'account-desk-time', css, anchor, append, view });
}

export function startAccountTime(ctx: ContentScriptContext): void {
  let shown: Shown | undefined;
  let generation = 0;

  const clear = () => {
    shown?.stopCapture?.('leave');
    shown?.ui?.remove();
    shown = undefined;
  };

  const place = async () => {
    const run = ++generation;
    const page = pageKey();
    if (!page || ctx.isInvalid) return clear();
    const { anchor: anchorName, append } = PLACES[page.kind];
    const anchor = findAnchor(document, anchorName).element;
    if (shown && shown.key === page.key) {
      if (shown.anchor === anchor && (!anchor || anchor.isConnected)) return;
      // Same page, the anchor changed (Worksection re-rendered): move the view, keep capturing.
      shown.ui?.remove();
      shown.ui = undefined;
    } else {
      clear();
      shown = { key: page.key, anchor };
    }
    const current = shown;
    current.anchor = anchor;

    if (page.kind === 'project') {
      current.ui = await mountTimeUi(ctx, anchor, append, (docked) => <ProjectWidget projectId={page.id} origin={location.origin} docked={docked} />);
      return;
    }

    const listeners = new Set<(state: CaptureState) => void>();
    if (!current.stopCapture) {
      const reply = await ask('time/thread', { origin: location.origin, taskId: page.id });
      if (run !== generation || shown !== current) return;
      // Not connected, the feature is off, or not a client thread: nothing counts, nothing shows.
      if (!reply.ok || !reply.value || !reply.value.clientThread) return;
      const thread = reply.value;
      current.paused = thread.paused;
      current.last = { counting: false, todayMs: thread.todayMs, measuredAt: Date.now() };
      current.stopCapture = startCapture(ctx, {
        origin: location.origin,
        taskId: thread.taskId,
        projectId: thread.projectId,
        idleSeconds: thread.idleSeconds,
        todayMs: thread.todayMs,
        onChange(state) {
          current.last = state;
          for (const listener of listeners) listener(state);
        },
      });
      current.listeners = listeners;
    }
    const subscribe = (listener: (state: CaptureState) => void) => {
      current.listeners?.add(listener);
      return () => current.listeners?.delete(listener);
    };
    const latest = () => current.last ?? { counting: false, todayMs: 0, measuredAt: Date.now() };
    current.ui = await mountTimeUi(ctx, anchor, append, (docked) => (
      <ThreadTime subscribe={subscribe} latest={latest} paused={current.paused === true} docked={docked} />
    ));
  };

  void place();
  ctx.addEventListener(window, 'wxt:locationchange', () => void place());
  onDomChange(ctx, () => {
    const page = pageKey();
    if (!shown || !page || shown.key !== page.key) return void place();
    const anchor = findAnchor(document, PLACES[page.kind].anchor).element;
    if (anchor !== shown.anchor || (anchor && !anchor.isConnected)) void place();
  });
  ctx.onInvalidated(clear);
}
