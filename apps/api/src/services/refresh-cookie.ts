import { parseCookie, stringifySetCookie } from 'cookie';
import type { HttpExchange } from '../trpc/context.js';

export const REFRESH_COOKIE = 'taskapp_refresh';
export const REFRESH_TOKEN_TTL_MS = 30 * 24 * 60 * 60 * 1000;

export function readRefreshCookie(http: HttpExchange | null): string | null {
  const header = http?.req.headers.cookie;
  if (!header) return null;
  return parseCookie(header)[REFRESH_COOKIE] ?? null;
}

/** HttpOnly so scripts never see it; Path=/api so it only travels with API calls. */
export function setRefreshCookie(
  http: HttpExchange | null,
  token: string,
  expires: Date,
  secure: boolean,
): void {
  http?.res.appendHeader(
    'Set-Cookie',
    stringifySetCookie({
      name: REFRESH_COOKIE,
      value: token,
      httpOnly: true,
      sameSite: 'lax',
      secure,
      path: '/api',
      expires,
    }),
  );
}

export function clearRefreshCookie(http: HttpExchange | null, secure: boolean): void {
  http?.res.appendHeader(
    'Set-Cookie',
    stringifySetCookie({
      name: REFRESH_COOKIE,
      value: '',
      httpOnly: true,
      sameSite: 'lax',
      secure,
      path: '/api',
      expires: new Date(0),
    }),
  );
}
