import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';

/**
 * TOTP secrets are stored encrypted (AES-256-GCM) with a key derived from AUTH_SECRET (HKDF), so a copy of
 * the database or a backup alone cannot produce codes. Each box names its key by a short fingerprint:
 * after AUTH_SECRET changes, boxes made with AUTH_SECRET_PREVIOUS still open and are sealed again with the
 * new key the next time they are used (docs/operations.md, "Rotating AUTH_SECRET").
 */
const INFO = 'taskapp two-factor secrets v1';
const VERSION = 'v1';

interface Key {
  id: string;
  bytes: Buffer;
}

function keyFrom(serverSecret: string): Key {
  const bytes = Buffer.from(hkdfSync('sha256', serverSecret, 'taskapp', INFO, 32));
  const id = createHash('sha256').update(bytes).digest('base64url').slice(0, 8);
  return { id, bytes };
}

export interface SecretBox {
  seal(plain: Uint8Array): string;
  /** The secret, and whether it was sealed with an older key (then seal it again). */
  open(sealed: string): { plain: Uint8Array; stale: boolean };
}

export function createSecretBox(current: string, previous?: string): SecretBox {
  const keys = [keyFrom(current), ...(previous ? [keyFrom(previous)] : [])];
  const [active] = keys as [Key, ...Key[]];
  return {
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', active.bytes, iv);
      const body = Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
      return [VERSION, active.id, iv.toString('base64url'), body.toString('base64url')].join('.');
    },
    open(sealed) {
      const [version, keyId, iv, body] = sealed.split('.');
      const key = keys.find((candidate) => candidate.id === keyId);
      if (version !== VERSION || !key || !iv || !body)
        throw new Error(
          'a two-factor secret was sealed with a key this server does not have (AUTH_SECRET changed?)',
        );
      const data = Buffer.from(body, 'base64url');
      const decipher = createDecipheriv('aes-256-gcm', key.bytes, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(data.subarray(data.length - 16));
      const plain = Buffer.concat([decipher.update(data.subarray(0, data.length - 16)), decipher.final()]);
      return { plain: new Uint8Array(plain), stale: key !== active };
    },
  };
}
