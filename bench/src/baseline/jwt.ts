import { createHmac, timingSafeEqual } from 'node:crypto';

export interface Claims {
  userId: string;
  sessionId: string;
}

const decode = (part: string) =>
  JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;

/** The same checks as the API's access tokens (HS256 pinned, issuer, expiry, sub + sid), with node:crypto. */
export function verifyHs256(token: string, secret: string, now = Date.now()): Claims | null {
  const [header = '', payload = '', signature = '', ...rest] = token.split('.');
  if (rest.length || !header || !payload || !signature) return null;
  const expected = createHmac('sha256', secret).update(`${header}.${payload}`).digest();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    if (decode(header).alg !== 'HS256') return null;
    const claims = decode(payload);
    if (claims.iss !== 'taskapp' || typeof claims.exp !== 'number' || claims.exp * 1000 <= now) return null;
    if (typeof claims.sub !== 'string' || typeof claims.sid !== 'string') return null;
    return { userId: claims.sub, sessionId: claims.sid };
  } catch {
    return null;
  }
}
