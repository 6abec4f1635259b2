import type { Env } from '../env.js';
import { pushEndpointPolicy } from './push-endpoint-policy.js';
import { createPushSender, type SendPush } from './push-sender.js';
import { resolveVapidKeys } from './vapid-keys.js';

/** Web Push as this server offers it: on or off, its public key, which endpoints it accepts, and sending. */
export interface PushService {
  enabled: boolean;
  /** The VAPID public key browsers subscribe with (base64url); null when push is off. */
  publicKey: string | null;
  allowsEndpoint(endpoint: string): boolean;
  send: SendPush;
}

export function createPushService(env: Env): PushService {
  const keys = resolveVapidKeys(env);
  if (!keys) {
    return {
      enabled: false,
      publicKey: null,
      allowsEndpoint: () => false,
      send: () => Promise.reject(new Error('push is off: VAPID keys are not set')),
    };
  }
  return {
    enabled: true,
    publicKey: keys.publicKey,
    allowsEndpoint: pushEndpointPolicy(env),
    send: createPushSender(keys),
  };
}
