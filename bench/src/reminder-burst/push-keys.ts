import { createDecipheriv, createECDH, hkdfSync, randomBytes } from 'node:crypto';

/** The keys a browser hands over when it subscribes, and its side of RFC 8291's encryption. */
export interface SubscriberKeys {
  /** The browser's P-256 public key, uncompressed, base64url: a subscription's `p256dh`. */
  p256dh: string;
  /** The 16-byte authentication secret, base64url: a subscription's `auth`. */
  auth: string;
  /** Reads one Web Push body (Content-Encoding: aes128gcm) as the browser would. */
  decrypt(body: Buffer): string;
}

const SALT_BYTES = 16;
const TAG_BYTES = 16;
const PADDING_DELIMITER = 0x02;

const info = (label: string, ...parts: Buffer[]) =>
  Buffer.concat([Buffer.from(label), Buffer.from([0]), ...parts]);

/**
 * One browser key pair shared by every bench subscription (each still gets its own endpoint). The bench
 * decrypts what arrives so it can count pushes per reminder, not only per endpoint.
 */
export function createSubscriberKeys(): SubscriberKeys {
  const ecdh = createECDH('prime256v1');
  const publicKey = ecdh.generateKeys();
  const authSecret = randomBytes(16);
  return {
    p256dh: publicKey.toString('base64url'),
    auth: authSecret.toString('base64url'),
    decrypt(body) {
      // Header: salt (16) | record size (4) | key id length (1) | key id (the server's one-off public key).
      const salt = body.subarray(0, SALT_BYTES);
      const idLength = body.readUInt8(SALT_BYTES + 4);
      const headerEnd = SALT_BYTES + 5 + idLength;
      const serverKey = body.subarray(SALT_BYTES + 5, headerEnd);
      const shared = ecdh.computeSecret(serverKey);
      const ikm = Buffer.from(
        hkdfSync('sha256', shared, authSecret, info('WebPush: info', publicKey, serverKey), 32),
      );
      const key = Buffer.from(hkdfSync('sha256', ikm, salt, info('Content-Encoding: aes128gcm'), 16));
      const nonce = Buffer.from(hkdfSync('sha256', ikm, salt, info('Content-Encoding: nonce'), 12));
      const record = body.subarray(headerEnd);
      const decipher = createDecipheriv('aes-128-gcm', key, nonce);
      decipher.setAuthTag(record.subarray(record.length - TAG_BYTES));
      const padded = Buffer.concat([
        decipher.update(record.subarray(0, record.length - TAG_BYTES)),
        decipher.final(),
      ]);
      // A single (last) record: the text, then 0x02 and any zero padding.
      return padded.subarray(0, padded.lastIndexOf(PADDING_DELIMITER)).toString('utf8');
    },
  };
}
