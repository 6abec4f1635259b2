import { forbidden } from '../domain-error.js';
import type { Context } from './context.js';

/**
 * Cookie-authenticated calls must come from our own pages: a cross-site page can make the browser send
 * the cookie, but not forge the Origin header. A no-op for calls made without HTTP (tests' callers).
 */
export function assertSameOrigin(ctx: Pick<Context, 'http' | 'env'>): void {
  if (!ctx.http) return;
  if (ctx.http.req.headers.origin !== ctx.env.APP_ORIGIN) {
    throw forbidden('This request did not come from the app and was refused.');
  }
}
