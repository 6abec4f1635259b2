import type { PushSubscribeInput } from '@taskapp/shared';
import { applicationServerKey, pushSupported, subscribeInputOf } from './push-support';
import { activeRegistration } from './service-worker';

/** Which account this browser's subscription was sent for: the browser keeps one subscription for all. */
const OWNER_KEY = 'taskapp.push.owner';

function readOwner(): string | null {
  try {
    return localStorage.getItem(OWNER_KEY);
  } catch {
    return null;
  }
}

function writeOwner(userId: string | null): void {
  try {
    if (userId) localStorage.setItem(OWNER_KEY, userId);
    else localStorage.removeItem(OWNER_KEY);
  } catch {
    // Without storage the subscription counts as this person's.
  }
}

export type DevicePushState =
  | { kind: 'unsupported' }
  | { kind: 'blocked' }
  | { kind: 'off' }
  | { kind: 'on'; endpoint: string };

/**
 * What this device does now for `userId`: subscribed, blocked by the browser, not able to, or simply off.
 * A subscription sent for another account of this browser counts as off: turning it on moves it over.
 */
export async function devicePushState(userId: string): Promise<DevicePushState> {
  if (!pushSupported()) return { kind: 'unsupported' };
  if (Notification.permission === 'denied') return { kind: 'blocked' };
  const registration = await activeRegistration();
  if (!registration) return { kind: 'unsupported' };
  const subscription = await registration.pushManager.getSubscription();
  const owner = readOwner();
  return subscription && Notification.permission === 'granted' && (owner === null || owner === userId)
    ? { kind: 'on', endpoint: subscription.endpoint }
    : { kind: 'off' };
}

/**
 * Asks for permission (only now, after the person asked for push), subscribes this browser with the
 * server's key and hands the subscription to the server. A subscription the server refuses is undone.
 */
export async function turnOnDevicePush({
  userId,
  publicKey,
  hideTitles,
  send,
}: {
  userId: string;
  publicKey: string;
  hideTitles: boolean;
  send: (input: PushSubscribeInput) => Promise<unknown>;
}): Promise<DevicePushState> {
  const permission = await Notification.requestPermission();
  if (permission === 'denied') return { kind: 'blocked' };
  if (permission !== 'granted') return { kind: 'off' };
  const registration = await activeRegistration();
  if (!registration) return { kind: 'unsupported' };
  const subscription =
    (await registration.pushManager.getSubscription()) ??
    (await registration.pushManager.subscribe({
      userVisibleOnly: true,
      applicationServerKey: applicationServerKey(publicKey),
    }));
  const input = subscribeInputOf(subscription.toJSON(), hideTitles);
  if (!input) {
    await subscription.unsubscribe();
    throw new Error('The browser gave a subscription without its keys.');
  }
  try {
    await send(input);
  } catch (error) {
    // Another account's subscription stays as it was; a new one is undone.
    if (readOwner() === null) await subscription.unsubscribe().catch(() => undefined);
    throw error;
  }
  writeOwner(userId);
  return { kind: 'on', endpoint: input.endpoint };
}

/** Sends the choice again for the current subscription (hide titles changed). */
export async function resendDevicePush(
  hideTitles: boolean,
  send: (input: PushSubscribeInput) => Promise<unknown>,
): Promise<void> {
  const registration = await activeRegistration();
  const subscription = await registration?.pushManager.getSubscription();
  const input = subscription ? subscribeInputOf(subscription.toJSON(), hideTitles) : null;
  if (input) await send(input);
}

/** Forgets this device on both sides: the server first, so no push is sent to an endpoint we dropped. */
export async function turnOffDevicePush(
  send: (input: { endpoint: string }) => Promise<unknown>,
): Promise<DevicePushState> {
  const registration = await activeRegistration();
  const subscription = await registration?.pushManager.getSubscription();
  if (subscription) {
    await send({ endpoint: subscription.endpoint });
    await subscription.unsubscribe();
  }
  writeOwner(null);
  return { kind: 'off' };
}

/** Signing out must not wait long on a push service or a slow network: the rest is best effort. */
const SIGN_OUT_PUSH_TIMEOUT_MS = 2_000;

/**
 * On sign-out: a subscription sent for this person is dropped on both sides, so a shared browser stops
 * showing their reminders. Never throws and gives up after a moment (offline, no push): signing out goes on.
 */
export async function forgetDevicePushOnSignOut(
  userId: string,
  send: (input: { endpoint: string }) => Promise<unknown>,
): Promise<void> {
  if (!pushSupported() || readOwner() !== userId) return;
  const forget = turnOffDevicePush(send).then(
    () => undefined,
    () => undefined,
  );
  await Promise.race([forget, new Promise<void>((resolve) => setTimeout(resolve, SIGN_OUT_PUSH_TIMEOUT_MS))]);
}
