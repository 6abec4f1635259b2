import type { AuthSession, Context } from '../trpc/context.js';
import { verifyAccessToken } from './access-token.js';
import { findLiveSession } from './sessions.js';

const BEARER = /^Bearer ([\w-]+\.[\w-]+\.[\w-]+)$/;

/** The caller behind `Authorization: Bearer <jwt>`, or null when there is none or it no longer holds. */
export async function authenticate(ctx: Context): Promise<AuthSession | null> {
  const header = ctx.http?.req.headers.authorization;
  const token = header ? BEARER.exec(header)?.[1] : undefined;
  if (!token) return null;
  const claims = await verifyAccessToken(token, ctx.env.AUTH_SECRET);
  if (!claims) return null;
  return findLiveSession(ctx.sql, claims.userId, claims.sessionId);
}
