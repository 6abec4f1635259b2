import type { PushTarget } from '@taskapp/db/queries';
import type { PushPayload } from '@taskapp/shared';
import webpush from 'web-push';
import type { VapidKeys } from './vapid-keys.js';

/** A push service that does not answer in this long has failed this attempt. */
const PUSH_TIMEOUT_MS = 10_000;
/** How long a push service keeps a message for a device that is offline. */
const PUSH_TTL_SECONDS = 60 * 60;

/** delivered: the push service took it; gone: the subscription no longer exists (404, 410), forget it. */
export type PushOutcome = 'delivered' | 'gone';

export type SendPush = (target: PushTarget, payload: PushPayload) => Promise<PushOutcome>;

/**
 * Sends one encrypted, VAPID-signed Web Push message. web-push builds the request (encryption, signature,
 * headers); fetch sends it, with a timeout, to whatever scheme the endpoint has (tests run an http one;
 * production endpoints are https, see push-endpoint-policy.ts). Any other failure throws.
 */
export function createPushSender(keys: VapidKeys): SendPush {
  return async (target, payload) => {
    const request = webpush.generateRequestDetails(
      { endpoint: target.endpoint, keys: { p256dh: target.p256dh, auth: target.auth } },
      JSON.stringify(payload),
      {
        vapidDetails: { subject: keys.subject, publicKey: keys.publicKey, privateKey: keys.privateKey },
        TTL: PUSH_TTL_SECONDS,
        urgency: 'high',
      },
    );
    const response = await fetch(request.endpoint, {
      method: request.method,
      headers: request.headers as Record<string, string>,
      body: request.body ? new Uint8Array(request.body) : undefined,
      signal: AbortSignal.timeout(PUSH_TIMEOUT_MS),
      redirect: 'error',
    });
    await response.body?.cancel();
    if (response.status === 404 || response.status === 410) return 'gone';
    if (!response.ok) throw new Error(`the push service answered ${response.status}`);
    return 'delivered';
  };
}
