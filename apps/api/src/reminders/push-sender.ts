import http from 'node:http';
import https from 'node:https';
import type { PushTarget } from '@taskapp/db/queries';
import type { PushPayload } from '@taskapp/shared';
import webpush from 'web-push';
import type { VapidKeys } from './vapid-keys.js';

/** A push service that does not answer in this long has failed this attempt. */
const PUSH_TIMEOUT_MS = 10_000;
/** How long a push service keeps a message for a device that is offline. */
const PUSH_TTL_SECONDS = 60 * 60;

/** A VAPID token is valid 12 hours (the spec allows 24); a new one is signed an hour before it ends. */
const VAPID_TOKEN_SECONDS = 12 * 60 * 60;
const VAPID_RENEW_BEFORE_SECONDS = 60 * 60;

/** delivered: the push service took it; gone: the subscription no longer exists (404, 410), forget it. */
export type PushOutcome = 'delivered' | 'gone';

export type SendPush = (target: PushTarget, payload: PushPayload) => Promise<PushOutcome>;

/**
 * Sends one encrypted, VAPID-signed Web Push message. web-push builds the request (encryption, signature,
 * headers); node:http(s) sends it, with a timeout, to whatever scheme the endpoint has (tests run an http
 * one; production endpoints are https, see push-endpoint-policy.ts). Any other failure throws.
 */
export function createPushSender(keys: VapidKeys): SendPush {
  const authorization = vapidAuthorization(keys);
  return async (target, payload) => {
    const request = webpush.generateRequestDetails(
      { endpoint: target.endpoint, keys: { p256dh: target.p256dh, auth: target.auth } },
      JSON.stringify(payload),
      {
        // No vapidDetails: web-push would sign a new token for every message.
        headers: { Authorization: authorization(target.endpoint) },
        TTL: PUSH_TTL_SECONDS,
        urgency: 'high',
      },
    );
    const status = await post(request.endpoint, request.headers as http.OutgoingHttpHeaders, request.body);
    if (status === 404 || status === 410) return 'gone';
    // A redirect is a failure too, as fetch's redirect: 'error' made it.
    if (status < 200 || status > 299) throw new Error(`the push service answered ${status}`);
    return 'delivered';
  };
}

/**
 * The VAPID Authorization header for a push service (one per origin), signed once and reused until close
 * to its expiry: signing it for every message (ES256, from a PEM rebuilt each time) cost more CPU than
 * encrypting the message, a third of a 100,000-reminder burst's.
 */
function vapidAuthorization(keys: VapidKeys): (endpoint: string) => string {
  const signed = new Map<string, { header: string; renewAt: number }>();
  return (endpoint) => {
    const audience = new URL(endpoint).origin;
    const now = Date.now();
    const cached = signed.get(audience);
    if (cached && cached.renewAt > now) return cached.header;
    const expiration = Math.floor(now / 1000) + VAPID_TOKEN_SECONDS;
    const { Authorization } = webpush.getVapidHeaders(
      audience,
      keys.subject,
      keys.publicKey,
      keys.privateKey,
      'aes128gcm',
      expiration,
    );
    signed.set(audience, {
      header: Authorization,
      renewAt: (expiration - VAPID_RENEW_BEFORE_SECONDS) * 1000,
    });
    return Authorization;
  };
}

/** Kept-alive connections per push service: a burst sends thousands of pushes to the same few hosts. */
const AGENTS = {
  'http:': new http.Agent({ keepAlive: true }),
  'https:': new https.Agent({ keepAlive: true }),
};

/**
 * POSTs the message and resolves with the status. node:http rather than fetch: fetch's Request, streams
 * and abort signals cost a fifth of a reminder burst's CPU, more than the encryption.
 */
function post(endpoint: string, headers: http.OutgoingHttpHeaders, body: Buffer | null): Promise<number> {
  return new Promise((resolve, reject) => {
    const url = new URL(endpoint);
    const agent = url.protocol === 'https:' || url.protocol === 'http:' ? AGENTS[url.protocol] : null;
    if (!agent) {
      reject(new Error(`push endpoints are http or https, not ${url.protocol}`));
      return;
    }
    const send = url.protocol === 'https:' ? https.request : http.request;
    const fail = (error: Error) => {
      clearTimeout(timer);
      reject(error);
    };
    const request = send(url, { method: 'POST', headers, agent }, (response) => {
      response.on('error', fail);
      response.on('end', () => {
        clearTimeout(timer);
        resolve(response.statusCode ?? 0);
      });
      response.on('close', () => {
        if (!response.complete) fail(new Error('the push service closed the connection mid-answer'));
      });
      response.resume(); // the body says nothing we use
    });
    const timer = setTimeout(
      () => request.destroy(new Error(`the push service did not answer within ${PUSH_TIMEOUT_MS / 1000} s`)),
      PUSH_TIMEOUT_MS,
    );
    request.on('error', fail);
    request.end(body ?? undefined);
  });
}
