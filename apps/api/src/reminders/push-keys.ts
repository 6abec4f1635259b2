import { createECDH } from 'node:crypto';

/**
 * Whether a subscription's keys can encrypt a message: p256dh a point on P-256 (65 bytes, uncompressed)
 * and auth the browser's 16-byte secret. Keys that only look like base64url would be stored and then
 * fail every reminder sent to that browser.
 */
export function pushKeysProblem(keys: { p256dh: string; auth: string }): string | null {
  if (Buffer.from(keys.auth, 'base64url').length !== 16) return 'keys.auth must be 16 bytes';
  const point = Buffer.from(keys.p256dh, 'base64url');
  if (point.length !== 65 || point[0] !== 4) return 'keys.p256dh must be an uncompressed P-256 public key';
  try {
    // Refuses a point that is not on the curve.
    const ecdh = createECDH('prime256v1');
    ecdh.generateKeys();
    ecdh.computeSecret(point);
  } catch {
    return 'keys.p256dh is not a point on P-256';
  }
  return null;
}
