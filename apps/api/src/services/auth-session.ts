import type { EntityManager, User } from '@taskapp/db';
import { toUserDto } from '../routers/dto.js';
import type { Context } from '../trpc/context.js';
import { signAccessToken } from './access-token.js';
import { setRefreshCookie } from './refresh-cookie.js';
import { userAgent } from './request-meta.js';
import { createSession } from './sessions.js';

/** Starts a session for the user: refresh token in the HttpOnly cookie, access token in the answer. */
export async function startSession(ctx: Context, em: EntityManager, user: User) {
  const { session, refreshToken } = await createSession(em, user, userAgent(ctx));
  setRefreshCookie(ctx.http, refreshToken, session.expiresAt, ctx.env.NODE_ENV === 'production');
  const access = await signAccessToken({ userId: user.id, sessionId: session.id }, ctx.env.AUTH_SECRET);
  return { user: toUserDto(user), ...access };
}
