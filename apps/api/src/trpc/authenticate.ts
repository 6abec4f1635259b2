import { type LiveSession, verifyAccessToken } from '../auth/index.js';
import type { Context } from './context.js';

const BEARER = /^Bearer ([\w-]+\.[\w-]+\.[\w-]+)$/;

/**
 * One check per HTTP request: the calls of a batch share its Authorization header, so twenty calls
 * cost one session lookup, not twenty (a batch is checked as a whole when it arrives).
 */
const checked = new WeakMap<object, Promise<LiveSession | null>>();

/** The caller behind `Authorization: Bearer <jwt>`, or null when there is none or it no longer holds. */
export function authenticate(ctx: Pick<Context, 'http' | 'env' | 'sessions'>): Promise<LiveSession | null> {
  const req = ctx.http?.req;
  if (!req) return check(ctx);
  let session = checked.get(req);
  if (!session) {
    session = check(ctx);
    checked.set(req, session);
  }
  return session;
}

async function check(ctx: Pick<Context, 'http' | 'env' | 'sessions'>): Promise<LiveSession | null> {
  const header = ctx.http?.req.headers.authorization;
  const token = header ? BEARER.exec(header)?.[1] : undefined;
  if (!token) return null;
  const claims = await verifyAccessToken(token, ctx.env.AUTH_SECRET);
  if (!claims) return null;
  return ctx.sessions.findLive(claims.userId, claims.sessionId);
}
