import { createHmac } from 'node:crypto';
import {
  type EntityManager,
  LockMode,
  RotatedRefreshTokenSchema,
  type Session,
  SessionSchema,
  type User,
} from '@taskapp/db';
import { USER_AGENT_MAX } from './sessions.js';
import { sha256Hex } from './tokens.js';

/** How long the token just rotated away from still gets its successor instead of revoking the session. */
export const REFRESH_GRACE_MS = 30_000;

export type Rotation =
  | { kind: 'rotated'; session: Session; user: User; refreshToken: string }
  | { kind: 'reused' }
  | { kind: 'invalid' };

/**
 * The token that replaces `token`: an HMAC of it under a key derived from AUTH_SECRET. Unguessable
 * without both, and the same every time, so a refresh whose answer was lost can be answered again
 * with the very token the session now holds, without storing it (docs/decisions/006-token-design.md).
 */
export function successorOf(token: string, secret: string): string {
  const key = createHmac('sha256', secret).update('taskapp refresh-token successor').digest();
  return createHmac('sha256', key).update(token).digest('base64url');
}

/**
 * Refresh-token rotation: swaps a refresh token for its successor; the session keeps its absolute
 * expiry. The token rotated away from less than REFRESH_GRACE_MS ago, while its successor is still
 * the session's token, is answered with that successor (two requests with one cookie, or a retry after
 * a lost answer). Any other token already rotated away means a copy exists somewhere, so the session
 * is revoked for everyone holding it.
 */
export function rotateRefreshToken(
  em: EntityManager,
  refreshToken: string,
  { userAgent, secret, now }: { userAgent: string | null; secret: string; now: Date },
): Promise<Rotation> {
  const tokenHash = sha256Hex(refreshToken);
  const next = successorOf(refreshToken, secret);
  return em.transactional(async (tx): Promise<Rotation> => {
    // The row lock makes two refreshes with one token take turns; the second sees it already rotated.
    const session = await tx.findOne(SessionSchema, { tokenHash }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!session) {
      const rotated = await tx.findOne(RotatedRefreshTokenSchema, { tokenHash }, { populate: ['session'] });
      if (!rotated) return { kind: 'invalid' };
      const current = rotated.session.getEntity();
      const withinGrace = now.getTime() - rotated.rotatedAt.getTime() < REFRESH_GRACE_MS;
      if (!withinGrace || current.tokenHash !== sha256Hex(next)) {
        await tx.nativeDelete(SessionSchema, { id: current.id });
        return { kind: 'reused' };
      }
      return answer(tx, current, next, now);
    }
    const rotation = await answer(tx, session, next, now);
    if (rotation.kind === 'rotated') {
      tx.create(RotatedRefreshTokenSchema, { tokenHash, session, rotatedAt: now });
      session.tokenHash = sha256Hex(next);
      if (userAgent) session.userAgent = userAgent.slice(0, USER_AGENT_MAX);
    }
    return rotation;
  });
}

/** The session's answer with this refresh token, unless it has expired or its user was deactivated. */
async function answer(
  tx: EntityManager,
  session: Session,
  refreshToken: string,
  now: Date,
): Promise<Rotation> {
  const user = await session.user.loadOrFail();
  if (session.expiresAt.getTime() <= now.getTime() || !user.isActive) {
    await tx.nativeDelete(SessionSchema, { id: session.id });
    return { kind: 'invalid' };
  }
  session.lastUsedAt = now;
  return { kind: 'rotated', session, user, refreshToken };
}
