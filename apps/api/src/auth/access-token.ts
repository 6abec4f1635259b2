import { webcrypto } from 'node:crypto';
import { errors, jwtVerify, SignJWT } from 'jose';

export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
const ALGORITHM = 'HS256';
const ISSUER = 'taskapp';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface AccessClaims {
  userId: string;
  sessionId: string;
}

// Imported once per secret: jose would otherwise import the raw secret into WebCrypto on every call,
// which was a measurable share of each request's CPU (bench/README.md).
const keys = new Map<string, Promise<webcrypto.CryptoKey>>();
function keyFor(secret: string): Promise<webcrypto.CryptoKey> {
  let key = keys.get(secret);
  if (!key) {
    key = webcrypto.subtle.importKey(
      'raw',
      new TextEncoder().encode(secret),
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['sign', 'verify'],
    );
    keys.set(secret, key);
  }
  return key;
}

export async function signAccessToken(
  claims: AccessClaims,
  secret: string,
  now = new Date(),
): Promise<{ accessToken: string; accessTokenExpiresAt: Date }> {
  const issuedAt = Math.floor(now.getTime() / 1000);
  const expiresAt = issuedAt + ACCESS_TOKEN_TTL_SECONDS;
  const accessToken = await new SignJWT({ sid: claims.sessionId })
    .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
    .setSubject(claims.userId)
    .setIssuer(ISSUER)
    .setIssuedAt(issuedAt)
    .setExpirationTime(expiresAt)
    .sign(await keyFor(secret));
  return { accessToken, accessTokenExpiresAt: new Date(expiresAt * 1000) };
}

// Verified tokens, remembered until they expire: a client sends the same token with every call for 15
// minutes, and checking its HMAC each time was a measurable share of a request's CPU (bench/README.md).
// Only the signature check is skipped; the session behind the token is still looked up on every call,
// so sign-out and revocation apply at once. Keyed by secret and token; bounded, oldest entries go first.
const VERIFIED_CACHE_SIZE = 10_000;
const verified = new Map<string, { claims: AccessClaims; expiresAtMs: number }>();

function remember(key: string, claims: AccessClaims, expiresAtSeconds: number | undefined): void {
  if (expiresAtSeconds === undefined) return;
  if (verified.size >= VERIFIED_CACHE_SIZE) {
    const oldest = verified.keys().next().value;
    if (oldest !== undefined) verified.delete(oldest);
  }
  verified.set(key, { claims, expiresAtMs: expiresAtSeconds * 1000 });
}

/** The claims of a valid token, or null. The algorithm is pinned: `alg: none` or RS256 tricks fail. */
export async function verifyAccessToken(token: string, secret: string): Promise<AccessClaims | null> {
  const cacheKey = `${secret}\u0000${token}`;
  const known = verified.get(cacheKey);
  if (known) {
    if (Date.now() < known.expiresAtMs) return known.claims;
    verified.delete(cacheKey);
    return null;
  }
  try {
    const { payload } = await jwtVerify(token, await keyFor(secret), {
      algorithms: [ALGORITHM],
      issuer: ISSUER,
      // Defence in depth for a leaked secret: no eternal tokens, and ids the database can look up.
      requiredClaims: ['exp', 'iat', 'sub', 'sid'],
      maxTokenAge: ACCESS_TOKEN_TTL_SECONDS,
      // Another instance's clock may run a little ahead: its fresh token must not look issued in the future.
      clockTolerance: 5,
    });
    if (typeof payload.sub !== 'string' || !UUID.test(payload.sub)) return null;
    if (typeof payload.sid !== 'string' || !UUID.test(payload.sid)) return null;
    const claims = { userId: payload.sub, sessionId: payload.sid };
    // Remembered no longer than maxTokenAge would accept it, whatever its exp says.
    remember(cacheKey, claims, Math.min(payload.exp ?? 0, (payload.iat ?? 0) + ACCESS_TOKEN_TTL_SECONDS));
    return claims;
  } catch (error) {
    if (error instanceof errors.JOSEError) return null;
    throw error;
  }
}
