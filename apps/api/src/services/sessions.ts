import {
  type EntityManager,
  LockMode,
  RotatedRefreshTokenSchema,
  type Session,
  SessionSchema,
  type Sql,
  type User,
} from '@taskapp/db';
import { REFRESH_TOKEN_TTL_MS } from './refresh-cookie.js';
import { randomToken, sha256Hex } from './secrets.js';

// Writing last_used_at on every request would turn each read into a write; minutes are precise enough.
const LAST_USED_RESOLUTION_MS = 5 * 60 * 1000;
const USER_AGENT_MAX = 512;

export interface IssuedSession {
  session: Session;
  refreshToken: string;
}

export async function createSession(
  em: EntityManager,
  user: User,
  userAgent: string | null,
): Promise<IssuedSession> {
  const refreshToken = randomToken();
  const session = em.create(SessionSchema, {
    user,
    tokenHash: sha256Hex(refreshToken),
    expiresAt: new Date(Date.now() + REFRESH_TOKEN_TTL_MS),
    userAgent: userAgent?.slice(0, USER_AGENT_MAX) ?? null,
  });
  await em.flush();
  return { session, refreshToken };
}

export type Rotation =
  | { kind: 'rotated'; session: Session; user: User; refreshToken: string }
  | { kind: 'reused' }
  | { kind: 'invalid' };

/**
 * Swaps a refresh token for a new one. The session keeps its absolute expiry. A token that was already
 * rotated away means a copy exists somewhere: the session is revoked for everyone holding it.
 */
export function rotateSession(
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

/**
 * The session behind an access token, if it still exists, has not expired and its user is active.
 * Checked on every protected call, so sign-out, revocation and deactivation take effect at once.
 */
export async function findLiveSession(
  sql: Sql,
  userId: string,
  sessionId: string,
): Promise<{ userId: string; sessionId: string } | null> {
  const [row] = await sql<{ last_used_at: Date }>(
    `SELECT s.last_used_at FROM sessions s JOIN users u ON u.id = s.user_id
     WHERE s.id = $1 AND s.user_id = $2 AND s.expires_at > now() AND u.is_active`,
    [sessionId, userId],
  );
  if (!row) return null;
  if (Date.now() - new Date(row.last_used_at).getTime() > LAST_USED_RESOLUTION_MS) {
    await sql('UPDATE sessions SET last_used_at = now() WHERE id = $1', [sessionId]);
  }
  return { userId, sessionId };
}

/** Deletes the session if it is the user's; the count says whether it was. */
export function revokeSession(em: EntityManager, userId: string, sessionId: string): Promise<number> {
  return em.nativeDelete(SessionSchema, { id: sessionId, user: userId });
}

export function revokeOtherSessions(
  em: EntityManager,
  userId: string,
  keepSessionId: string,
): Promise<number> {
  return em.nativeDelete(SessionSchema, { user: userId, id: { $ne: keepSessionId } });
}

export function revokeAllSessions(em: EntityManager, userId: string): Promise<number> {
  return em.nativeDelete(SessionSchema, { user: userId });
}

export function listSessions(em: EntityManager, userId: string): Promise<Session[]> {
  return em.find(SessionSchema, { user: userId }, { orderBy: { lastUsedAt: 'desc', id: 'asc' } });
}

/** Removes sessions past their absolute expiry (an index range scan on sessions_expires_at_idx). */
export function deleteExpiredSessions(em: EntityManager, now = new Date()): Promise<number> {
  return em.nativeDelete(SessionSchema, { expiresAt: { $lte: now } });
}
