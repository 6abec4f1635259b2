import type { EntityManager, User } from '@taskapp/db';
import type { Context } from '../trpc/context.js';
import { userAgent } from '../trpc/request-meta.js';
import { signAccessToken } from './access-token.js';
import { refreshCookie } from './refresh-cookie.js';
import { capSessions, createSession } from './sessions.js';
import { toUserDto } from './user-dto.js';

/** What sign-up, sign-in and refresh answer: the user and a fresh access token (the refresh token is in the cookie). */
export async function sessionAnswer(user: User, sessionId: string, secret: string) {
  const access = await signAccessToken({ userId: user.id, sessionId }, secret);
  return { user: toUserDto(user), ...access };
}

/**
 * Signs the user in on this device: a new session, its refresh token in the HttpOnly cookie, an access
 * token in the answer. Beyond LIMITS.sessionsPerUser the least recently used other sessions end.
 */
export async function signIn(
  ctx: Pick<Context, 'http' | 'env' | 'queries' | 'sessions'>,
  em: EntityManager,
  user: User,
) {
  const { session, refreshToken } = await createSession(em, user, userAgent(ctx.http));
  // Inside sign-up's transaction the account is not committed yet, so this finds nothing (it has one session).
  if ((await capSessions(ctx.queries, user.id, session.id)) > 0) ctx.sessions.forget(user.id);
  refreshCookie(ctx.http, ctx.env).set(refreshToken, session.expiresAt, {
    userId: user.id,
    sessionId: session.id,
  });
  return sessionAnswer(user, session.id, ctx.env.AUTH_SECRET);
}
