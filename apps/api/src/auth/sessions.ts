import { type EntityManager, type Session, SessionSchema, type User } from '@taskapp/db';
import type { Queries } from '@taskapp/db/queries';
import { LIMITS } from '@taskapp/shared';
import { randomToken, sha256Hex } from './tokens.js';

/** A session (signed-in device) lives 30 days from sign-in, however often its token is refreshed. */
export const SESSION_LIFETIME_MS = 30 * 24 * 60 * 60 * 1000;
export const USER_AGENT_MAX = 512;

/** A signed-in caller: the user and the session (device) the access token belongs to. */
export interface LiveSession {
  userId: string;
  sessionId: string;
}

export interface CreatedSession {
  session: Session;
  refreshToken: string;
}

/** A new session row for the user; only the SHA-256 of its refresh token is stored. */
export async function createSession(
  em: EntityManager,
  user: User,
  userAgent: string | null,
): Promise<CreatedSession> {
  const refreshToken = randomToken();
  const session = em.create(SessionSchema, {
    user,
    tokenHash: sha256Hex(refreshToken),
    expiresAt: new Date(Date.now() + SESSION_LIFETIME_MS),
    userAgent: userAgent?.slice(0, USER_AGENT_MAX) ?? null,
  });
  await em.flush();
  return { session, refreshToken };
}

/**
 * Holds the user to LIMITS.sessionsPerUser sessions once `newSessionId` exists: the least recently used
 * beyond it (and any expired) are signed out, never the new one, so signing in always works. One
 * statement on the app's pool, after the new session is stored; two racing sign-ins each keep their
 * own session and together end at the limit.
 */
export function capSessions(queries: Queries, userId: string, newSessionId: string): Promise<number> {
  return queries.sessions.deleteBeyondNewest(userId, newSessionId, LIMITS.sessionsPerUser);
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

/** Sign-out: the session whose refresh token this is ends. */
export function revokeSessionOfRefreshToken(em: EntityManager, refreshToken: string): Promise<number> {
  return em.nativeDelete(SessionSchema, { tokenHash: sha256Hex(refreshToken) });
}
