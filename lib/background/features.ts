/**
 * Every feature's part in the background: its message handlers, the
 * listeners it registers at the worker's top level, and what it does when the
 * connection changes. The router and the background entrypoint register
 * these, never single messages; `Handlers` makes a missing handler a type error.
 */
import type { CallerPolicy, Handlers, MessageType } from '../messages';
import { actingAsCallers, actingAsHandlers, onActingAsConnectionChanged } from './acting-as';
import { accountTimeCallers, accountTimeHandlers, listenAccountTime } from './account-time';
import { coreCallers, coreHandlers } from './core';
import { listenLanguage } from './language';
import { listenPolicy, policyCallers, policyHandlers } from './policy';
import { listenReplies, onRepliesConnectionChanged, replyCallers, replyHandlers } from './replies';
import { statusReportCallers, statusReportHandlers } from './status-report';
import { templateCallers, templateHandlers } from './templates';
import { quickReplyCallers, quickReplyHandlers } from './quick-replies';
import { listenWelcome } from './welcome';
import { wireCallers, wireHandlers } from './wire';

export interface BackgroundFeature {
  id: string;
  handlers: Partial<Handlers>;
  /** Who may send each of its messages (the router refuses anyone else). */
  callers: Partial<CallerPolicy>;
  listen?(): void;
  onConnectionChanged?(connected: boolean): Promise<void>;
}

const connectionChanged = async (connected: boolean) => {
  await Promise.all(BACKGROUND_FEATURES.map((feature) => feature.onConnectionChanged?.(connected)));
};

export const BACKGROUND_FEATURES: readonly BackgroundFeature[] = [
  { id: 'core', handlers: coreHandlers(connectionChanged), callers: coreCallers },
  { id: 'replies', handlers: replyHandlers, callers: replyCallers, listen: listenReplies, onConnectionChanged: onRepliesConnectionChanged },
  { id: 'account-time', handlers: accountTimeHandlers, callers: accountTimeCallers, listen: listenAccountTime },
  { id: 'templates', handlers: templateHandlers, callers: templateCallers },
  { id: 'status-report', handlers: statusReportHandlers, callers: statusReportCallers },
  // Saved replies for Worksection's comment editor: the list, a task's variables, usage counts, the options editor.
  { id: 'quick-replies', handlers: quickReplyHandlers, callers: quickReplyCallers },
  // What Diagnostics shows about the API: the wire scheme, unknown event kinds, a sign-in to renew.
  { id: 'wire', handlers: wireHandlers, callers: wireCallers },
  // The organization's managed policy: what options shows of it, and its changes.
  { id: 'policy', handlers: policyHandlers, callers: policyCallers, listen: listenPolicy },
  // Who the admin key writes as ("Who are you in Worksection?"), forgotten with the connection.
  { id: 'acting-as', handlers: actingAsHandlers, callers: actingAsCallers, onConnectionChanged: onActingAsConnectionChanged },
  // The welcome page on a fresh install.
  { id: 'welcome', handlers: {}, callers: {}, listen: listenWelcome },
  // The chosen language, read again after a settings or policy change (no messages of its own).
  { id: 'language', handlers: {}, callers: {}, listen: listenLanguage },
];

/** Every message's handler, from the features; the type checks that none is missing or answered twice. */
export function allHandlers(): Handlers {
  const handlers = Object.assign(Object.create(null) as Record<string, unknown>, ...BACKGROUND_FEATURES.map((feature) => feature.handlers));
  return handlers as Handlers;
}

/** Every message's callers, from the features; the type checks that none is missing. */
export function allCallers(): CallerPolicy {
  const callers = Object.assign(Object.create(null) as Record<string, unknown>, ...BACKGROUND_FEATURES.map((feature) => feature.callers));
  return callers as CallerPolicy;
}

// Compile-time: the features' handler maps cover the whole protocol.
type Covered = keyof ReturnType<typeof coreHandlers> | keyof typeof replyHandlers | keyof typeof accountTimeHandlers | keyof typeof templateHandlers | keyof typeof statusReportHandlers | keyof typeof quickReplyHandlers | keyof typeof wireHandlers | keyof typeof policyHandlers | keyof typeof actingAsHandlers;
const everyMessageHandled: Exclude<MessageType, Covered> extends never ? true : Exclude<MessageType, Covered> = true;
void everyMessageHandled;

// Compile-time: so do their caller policies (a new message must say who may send it).
type Declared = keyof typeof coreCallers | keyof typeof replyCallers | keyof typeof accountTimeCallers | keyof typeof templateCallers | keyof typeof statusReportCallers | keyof typeof quickReplyCallers | keyof typeof wireCallers | keyof typeof policyCallers | keyof typeof actingAsCallers;
const everyMessageDeclared: Exclude<MessageType, Declared> extends never ? true : Exclude<MessageType, Declared> = true;
void everyMessageDeclared;
