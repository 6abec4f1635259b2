import {
  createDecipheriv,
  createECDH,
  createPublicKey,
  hkdfSync,
  randomBytes,
  randomUUID,
  verify,
} from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type PushPayload, pushPayloadSchema } from '@taskapp/shared';

// A local Web Push service (what fcm.googleapis.com is to Chrome) and the browsers subscribed to it: it
// records every message, checks the VAPID signature, decrypts the body as the browser would (RFC 8291 on
// RFC 8188 aes128gcm) and answers each endpoint with the status a test chose.

export interface ReceivedPush {
  /** The browser's endpoint the message was posted to. */
  endpoint: string;
  /** What the endpoint answered. */
  status: number;
  ttl: string | undefined;
  urgency: string | undefined;
  /** The VAPID key the message was signed with (the `k=` of its Authorization header). */
  vapidKey: string;
  /** The signed JWT's audience and subject, when its signature verified with `vapidKey`. */
  vapid: { aud: string; sub: string } | null;
  /** The decrypted message, as the service worker reads it. */
  payload: PushPayload;
}

export interface PushBrowser {
  endpoint: string;
  /** PushSubscription.toJSON().keys. */
  keys: { p256dh: string; auth: string };
  /** Messages this browser took (the endpoint answered 201). */
  readonly delivered: ReceivedPush[];
  /** From now on the endpoint answers this status (201 accepts; 404/410 say the subscription is gone). */
  answer(status: number): void;
}

export interface PushEndpoint {
  /** Every message posted, in arrival order, whatever was answered. */
  received: ReceivedPush[];
  /** A new browser profile with its own endpoint and keys. */
  newBrowser(): PushBrowser;
  close(): Promise<void>;
}

interface BrowserState {
  ecdh: ReturnType<typeof createECDH>;
  auth: Buffer;
  status: number;
}

export async function startPushEndpoint(): Promise<PushEndpoint> {
  const received: ReceivedPush[] = [];
  const browsers = new Map<string, BrowserState>();
  const server = createServer((request, response) => {
    readBody(request)
      .then((body) => {
        const state = browsers.get(request.url ?? '');
        if (!state || request.method !== 'POST') {
          response.writeHead(404).end();
          return;
        }
        const endpoint = `${origin}${request.url}`;
        const { vapidKey, vapid } = readVapid(request.headers.authorization ?? '');
        received.push({
          endpoint,
          status: state.status,
          ttl: request.headers.ttl as string | undefined,
          urgency: request.headers.urgency as string | undefined,
          vapidKey,
          vapid,
          payload: pushPayloadSchema.parse(JSON.parse(decrypt(body, state).toString('utf8'))),
        });
        response.writeHead(state.status).end();
      })
      .catch((error: Error) => {
        response.writeHead(400).end(error.message);
      });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    received,
    newBrowser() {
      const path = `/push/${randomUUID()}`;
      const ecdh = createECDH('prime256v1');
      ecdh.generateKeys();
      const state: BrowserState = { ecdh, auth: randomBytes(16), status: 201 };
      browsers.set(path, state);
      const endpoint = `${origin}${path}`;
      return {
        endpoint,
        keys: {
          p256dh: ecdh.getPublicKey().toString('base64url'),
          auth: state.auth.toString('base64url'),
        },
        get delivered() {
          return received.filter((push) => push.endpoint === endpoint && push.status === 201);
        },
        answer(status) {
          state.status = status;
        },
      };
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * RFC 8188 aes128gcm with RFC 8291's keys: the header carries the salt, the record size and the sender's
 * ephemeral public key; the content key and nonce come from ECDH with it and the subscription's auth secret.
 */
function decrypt(body: Buffer, browser: BrowserState): Buffer {
  const salt = body.subarray(0, 16);
  const idLength = body.readUInt8(20);
  const senderKey = body.subarray(21, 21 + idLength);
  const record = body.subarray(21 + idLength);
  const shared = browser.ecdh.computeSecret(senderKey);
  const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), browser.ecdh.getPublicKey(), senderKey]);
  const ikm = Buffer.from(hkdfSync('sha256', shared, browser.auth, keyInfo, 32));
  const key = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: aes128gcm\0'), 16));
  const nonce = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: nonce\0'), 12));
  const decipher = createDecipheriv('aes-128-gcm', key, nonce);
  decipher.setAuthTag(record.subarray(record.length - 16));
  const padded = Buffer.concat([decipher.update(record.subarray(0, record.length - 16)), decipher.final()]);
  // The last record ends with the delimiter 0x02 and then zero padding.
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end -= 1;
  if (padded[end] !== 2) throw new Error('the last record has no 0x02 delimiter');
  return padded.subarray(0, end);
}

/** `vapid t=<JWT>, k=<public key>`: the key, and the JWT's claims when its ES256 signature verifies with it. */
function readVapid(authorization: string): Pick<ReceivedPush, 'vapidKey' | 'vapid'> {
  const token = /t=([^,\s]+)/.exec(authorization)?.[1] ?? '';
  const vapidKey = /k=([^,\s]+)/.exec(authorization)?.[1] ?? '';
  const [header = '', claims = '', signature = ''] = token.split('.');
  const raw = Buffer.from(vapidKey, 'base64url');
  if (raw.length !== 65) return { vapidKey, vapid: null };
  const publicKey = createPublicKey({
    key: {
      kty: 'EC',
      crv: 'P-256',
      x: raw.subarray(1, 33).toString('base64url'),
      y: raw.subarray(33).toString('base64url'),
    },
    format: 'jwk',
  });
  const signed = verify(
    'sha256',
    Buffer.from(`${header}.${claims}`),
    { key: publicKey, dsaEncoding: 'ieee-p1363' },
    Buffer.from(signature, 'base64url'),
  );
  if (!signed) return { vapidKey, vapid: null };
  const { aud, sub } = JSON.parse(Buffer.from(claims, 'base64url').toString('utf8')) as {
    aud: string;
    sub: string;
  };
  return { vapidKey, vapid: { aud, sub } };
}
