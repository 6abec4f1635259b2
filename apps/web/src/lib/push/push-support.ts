import type { PushSubscribeInput } from '@taskapp/shared';

/** Whether this browser can receive Web Push at all (service worker, PushManager and notifications). */
export function pushSupported(scope: typeof globalThis = globalThis): boolean {
  return (
    'navigator' in scope &&
    'serviceWorker' in scope.navigator &&
    'PushManager' in scope &&
    'Notification' in scope
  );
}

/** The VAPID public key (base64url, as push.publicKey gives it) as the bytes pushManager.subscribe takes. */
export function applicationServerKey(base64Url: string): Uint8Array<ArrayBuffer> {
  const base64 = base64Url.replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, '');
  const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4);
  const binary = atob(padded);
  const bytes = new Uint8Array(new ArrayBuffer(binary.length));
  for (let at = 0; at < binary.length; at += 1) bytes[at] = binary.charCodeAt(at);
  return bytes;
}

/** push.subscribe's input from PushSubscription.toJSON(); null when the browser left out a key. */
export function subscribeInputOf(json: PushSubscriptionJSON, hideTitles: boolean): PushSubscribeInput | null {
  const { endpoint, keys } = json;
  if (!endpoint || !keys?.p256dh || !keys.auth) return null;
  return { endpoint, keys: { p256dh: keys.p256dh, auth: keys.auth }, hideTitles };
}

/** Words for what went wrong while turning push on, for a person rather than a developer. */
export function pushErrorText(error: unknown): string {
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'NotAllowedError') return 'The browser did not allow notifications for this site.';
  if (name === 'AbortError' || /push service|registration failed/i.test(message))
    return `The browser could not subscribe this device (${message}). Private windows, and browsers without a reachable push service, can’t receive push; reminders still come by email and in the bell.`;
  return message || 'Something went wrong.';
}
