import { TRPCError } from '@trpc/server';
import type { Context } from '../trpc/context.js';

/** The caller's IP; Express honours X-Forwarded-For only as far as TRUST_PROXY allows. */
export function clientIp(ctx: Context): string {
  return ctx.http?.req.ip ?? ctx.http?.req.socket.remoteAddress ?? 'local';
}

export function userAgent(ctx: Context): string | null {
  return ctx.http?.req.headers['user-agent'] ?? null;
}

/**
 * Cookie-authenticated calls must come from our own pages: a cross-site page can make the browser send
 * the cookie, but not forge the Origin header.
 */
export function assertSameOrigin(ctx: Context): void {
  if (!ctx.http) return;
  const origin = ctx.http.req.headers.origin;
  if (origin !== ctx.env.APP_ORIGIN) {
    throw new TRPCError({
      code: 'FORBIDDEN',
      message: 'This request did not come from the app and was refused.',
    });
  }
}
