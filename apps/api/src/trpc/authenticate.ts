import { findLiveSession, type LiveSession, verifyAccessToken } from '../auth/index.js';
import type { Context } from './context.js';

const BEARER = /^Bearer ([\w-]+\.[\w-]+\.[\w-]+)$/;

/** The caller behind `Authorization: Bearer <jwt>`, or null when there is none or it no longer holds. */
export async function authenticate(
  ctx: Pick<Context, 'http' | 'env' | 'queries'>,
): Promise<LiveSession | null> {
  const header = ctx.http?.req.headers.authorization;
  const token = header ? BEARER.exec(header)?.[1] : undefined;
  if (!token) return null;
  const claims = await verifyAccessToken(token, ctx.env.AUTH_SECRET);
  if (!claims) return null;
  return findLiveSession(ctx.queries, claims.userId, claims.sessionId);
}
