/**
 * Every feature's part in the background: its message handlers, the
 * listeners it registers at the worker's top level, and what it does when the
 * connection changes. The router and the background entrypoint register
 * these, never single messages; `Handlers` makes a missing handler a type error.
 */
import type { Handlers, MessageType } from '../messages';
import { accountTimeHandlers, listenAccountTime } from './account-time';
import { coreHandlers } from './core';
import { listenReplies, onRepliesConnectionChanged, replyHandlers } from './replies';
import { templateHandlers } from './templates';

export interface BackgroundFeature {
  id: string;
  handlers: Partial<Handlers>;
  listen?(): void;
  onConnectionChanged?(connected: boolean): Promise<void>;
}

const connectionChanged = async (connected: boolean) => {
  await Promise.all(BACKGROUND_FEATURES.map((feature) => feature.onConnectionChanged?.(connected)));
};

export const BACKGROUND_FEATURES: readonly BackgroundFeature[] = [
  { id: 'core', handlers: coreHandlers(connectionChanged) },
  { id: 'replies', handlers: replyHandlers, listen: listenReplies, onConnectionChanged: onRepliesConnectionChanged },
  { id: 'account-time', handlers: accountTimeHandlers, listen: listenAccountTime },
  { id: 'templates', handlers: templateHandlers },
];

/** Every message's handler, from the features; the type checks that none is missing or answered twice. */
export function allHandlers(): Handlers {
  const handlers = Object.assign(Object.create(null) as Record<string, unknown>, ...BACKGROUND_FEATURES.map((feature) => feature.handlers));
  return handlers as Handlers;
}

// Compile-time: the features' handler maps cover the whole protocol.
type Covered = keyof ReturnType<typeof coreHandlers> | keyof typeof replyHandlers | keyof typeof accountTimeHandlers | keyof typeof templateHandlers;
const everyMessageHandled: Exclude<MessageType, Covered> extends never ? true : Exclude<MessageType, Covered> = true;
void everyMessageHandled;
