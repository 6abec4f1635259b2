/** Messages that keep every open tab of the app in step with the others. */
export type AuthMessage =
  | { type: 'signed-in'; userId: string }
  | { type: 'signed-out' }
  | { type: 'user-changed'; userId: string };

const CHANNEL_NAME = 'taskapp-auth';

// Older browsers lack BroadcastChannel; each tab then simply finds out on its next API call.
const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL_NAME);

export function postAuthMessage(message: AuthMessage): void {
  channel?.postMessage(message);
}

export function onAuthMessage(handler: (message: AuthMessage) => void): () => void {
  if (!channel) return () => {};
  const listener = (event: MessageEvent<AuthMessage>) => handler(event.data);
  channel.addEventListener('message', listener);
  return () => channel.removeEventListener('message', listener);
}
