import { SIGNED_IN_COOKIE } from '@taskapp/shared';
import { parseCookie, stringifySetCookie } from 'cookie';
import { type Env, isHttpsOrigin } from '../env.js';
import type { HttpExchange } from '../trpc/http-exchange.js';

export const REFRESH_COOKIE = 'taskapp_refresh';

/**
 * The refresh token's cookie on one HTTP exchange: HttpOnly so scripts never see it, Path=/api so it
 * only travels with API calls, Secure when the app is served over https (APP_ORIGIN); the signed-in
 * marker goes with it. Calls made without HTTP (tests) read and write nothing.
 */
export function refreshCookie(http: HttpExchange | null, env: Pick<Env, 'APP_ORIGIN'>) {
  const write = (value: string, expires: Date) => {
    // A plain-http deployment would never get a Secure cookie back (security finding 17).
    const common = { sameSite: 'lax', secure: isHttpsOrigin(env), expires } as const;
    http?.res.appendHeader('Set-Cookie', [
      stringifySetCookie({ name: REFRESH_COOKIE, value, httpOnly: true, path: '/api', ...common }),
      stringifySetCookie({ name: SIGNED_IN_COOKIE, value: value ? '1' : '', path: '/', ...common }),
    ]);
  };
  return {
    read(): string | null {
      const header = http?.req.headers.cookie;
      return header ? (parseCookie(header)[REFRESH_COOKIE] ?? null) : null;
    },
    set(token: string, expires: Date): void {
      write(token, expires);
    },
    clear(): void {
      write('', new Date(0));
    },
  };
}
