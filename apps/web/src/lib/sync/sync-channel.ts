import type { SyncChange } from '@taskapp/shared';
import type { SyncStatus } from './sync-status';

/**
 * What the tabs of one browser tell each other about the one stream of changes the leader tab holds.
 * Every message names its user, so a tab that has just switched accounts ignores the old one's.
 */
export type SyncMessage =
  | { type: 'change'; userId: string; cursor: string; change: SyncChange }
  | { type: 'resync'; userId: string; cursor: string | undefined }
  /** The leader's connection state, and where the stream is (so a follower that takes over resumes there). */
  | { type: 'status'; userId: string; status: SyncStatus; cursor: string | undefined }
  /** A new tab asks the leader for its status. */
  | { type: 'hello'; userId: string };

export interface SyncChannel {
  post(message: SyncMessage): void;
  listen(handler: (message: SyncMessage) => void): () => void;
}

/** The browser's channel between tabs; without BroadcastChannel each tab streams for itself. */
export function openSyncChannel(): SyncChannel & { close(): void } {
  if (typeof BroadcastChannel === 'undefined') return { post() {}, listen: () => () => {}, close() {} };
  // A channel never receives its own messages, so the leader does not apply its changes twice.
  const channel = new BroadcastChannel('taskapp-sync');
  return {
    post: (message) => channel.postMessage(message),
    listen(handler) {
      const listener = (event: MessageEvent<SyncMessage>) => handler(event.data);
      channel.addEventListener('message', listener);
      return () => channel.removeEventListener('message', listener);
    },
    close: () => channel.close(),
  };
}
