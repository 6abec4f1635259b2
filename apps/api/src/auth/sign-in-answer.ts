import type { EntityManager, User } from '@taskapp/db';
import type { Context } from '../trpc/context.js';
import { userAgent } from '../trpc/request-meta.js';
import { signAccessToken } from './access-token.js';
import { refreshCookie } from './refresh-cookie.js';
import { createSession } from './sessions.js';
import { toUserDto } from './user-dto.js';

/** What sign-up, sign-in and refresh answer: the user and a fresh access token (the refresh token is in the cookie). */
export async function sessionAnswer(user: User, sessionId: string, secret: string) {
  const access = await signAccessToken({ userId: user.id, sessionId }, secret);
  return { user: toUserDto(user), ...access };
}

/** Signs the user in on this device: a new session, its refresh token in the HttpOnly cookie, an access token in the answer. */
export async function signIn(ctx: Pick<Context, 'http' | 'env'>, em: EntityManager, user: User) {
  const { session, refreshToken } = await createSession(em, user, userAgent(ctx.http));
  refreshCookie(ctx.http, ctx.env).set(refreshToken, session.expiresAt);
  return sessionAnswer(user, session.id, ctx.env.AUTH_SECRET);
}
