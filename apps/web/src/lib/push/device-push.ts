import type { PushSubscribeInput } from '@taskapp/shared';
import { applicationServerKey, pushSupported, subscribeInputOf } from './push-support';
import { activeRegistration } from './service-worker';

export type DevicePushState =
  | { kind: 'unsupported' }
  | { kind: 'blocked' }
  | { kind: 'off' }
  | { kind: 'on'; endpoint: string };

/** What this device does now: subscribed, blocked by the browser, not able to, or simply off. */
export async function devicePushState(): Promise<DevicePushState> {
  if (!pushSupported()) return { kind: 'unsupported' };
  if (Notification.permission === 'denied') return { kind: 'blocked' };
  const registration = await activeRegistration();
  if (!registration) return { kind: 'unsupported' };
  const subscription = await registration.pushManager.getSubscription();
  return subscription && Notification.permission === 'granted'
    ? { kind: 'on', endpoint: subscription.endpoint }
    : { kind: 'off' };
}

/**
 * Asks for permission (only now, after the person asked for push), subscribes this browser with the
 * server's key and hands the subscription to the server. A subscription the server refuses is undone.
 */
export async function turnOnDevicePush({
  publicKey,
  hideTitles,
  send,
}: {
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
    await subscription.unsubscribe().catch(() => undefined);
    throw error;
  }
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
  return { kind: 'off' };
}
