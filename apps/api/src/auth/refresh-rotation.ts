import {
  type EntityManager,
  LockMode,
  RotatedRefreshTokenSchema,
  type Session,
  SessionSchema,
  type User,
} from '@taskapp/db';
import { USER_AGENT_MAX } from './sessions.js';
import { randomToken, sha256Hex } from './tokens.js';

export type Rotation =
  | { kind: 'rotated'; session: Session; user: User; refreshToken: string }
  | { kind: 'reused' }
  | { kind: 'invalid' };

/**
 * Refresh-token rotation: swaps a refresh token for a new one; the session keeps its absolute expiry.
 * A token that was already rotated away means a copy exists somewhere, so the session is revoked for
 * everyone holding it (docs/decisions/006-token-design.md).
 */
export function rotateRefreshToken(
  em: EntityManager,
  refreshToken: string,
  userAgent: string | null,
): Promise<Rotation> {
  const tokenHash = sha256Hex(refreshToken);
  return em.transactional(async (tx): Promise<Rotation> => {
    // The row lock makes two refreshes with one token take turns; the second sees it already rotated.
    const session = await tx.findOne(SessionSchema, { tokenHash }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!session) {
      const rotated = await tx.findOne(RotatedRefreshTokenSchema, { tokenHash });
      if (!rotated) return { kind: 'invalid' };
      await tx.nativeDelete(SessionSchema, { id: rotated.session.id });
      return { kind: 'reused' };
    }
    const user = await session.user.loadOrFail();
    if (session.expiresAt.getTime() <= Date.now() || !user.isActive) {
      await tx.nativeDelete(SessionSchema, { id: session.id });
      return { kind: 'invalid' };
    }
    const next = randomToken();
    tx.create(RotatedRefreshTokenSchema, { tokenHash, session });
    session.tokenHash = sha256Hex(next);
    session.lastUsedAt = new Date();
    if (userAgent) session.userAgent = userAgent.slice(0, USER_AGENT_MAX);
    return { kind: 'rotated', session, user, refreshToken: next };
  });
}
