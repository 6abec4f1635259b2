import { SIGNED_IN_COOKIE } from '@taskapp/shared';
import { parseCookie, stringifySetCookie } from 'cookie';
import { type Env, isHttpsOrigin } from '../env.js';
import type { HttpExchange } from '../trpc/http-exchange.js';
import { PAGE_COOKIE, type PageOwner, pageCredential } from './page-credential.js';

export const REFRESH_COOKIE = 'taskapp_refresh';

/**
 * The refresh token's cookie on one HTTP exchange: HttpOnly so scripts never see it, Path=/api so it
 * only travels with API calls, Secure when the app is served over https (APP_ORIGIN); the signed-in
 * marker and the page credential (page-credential.ts) go with it. Calls made without HTTP (tests) read
 * and write nothing.
 */
export function refreshCookie(http: HttpExchange | null, env: Pick<Env, 'APP_ORIGIN' | 'AUTH_SECRET'>) {
  const write = (value: string, expires: Date, owner: PageOwner | null) => {
    // A plain-http deployment would never get a Secure cookie back (security finding 17).
    const common = { sameSite: 'lax', secure: isHttpsOrigin(env), expires } as const;
    const page = owner ? pageCredential(owner, env.AUTH_SECRET) : '';
    http?.res.appendHeader('Set-Cookie', [
      stringifySetCookie({ name: REFRESH_COOKIE, value, httpOnly: true, path: '/api', ...common }),
      stringifySetCookie({ name: SIGNED_IN_COOKIE, value: value ? '1' : '', path: '/', ...common }),
      stringifySetCookie({ name: PAGE_COOKIE, value: page, httpOnly: true, path: '/', ...common }),
    ]);
  };
  return {
    read(): string | null {
      const header = http?.req.headers.cookie;
      return header ? (parseCookie(header)[REFRESH_COOKIE] ?? null) : null;
    },
    /** The session's new refresh token, and who holds it (named in the page credential). */
    set(token: string, expires: Date, owner: PageOwner): void {
      write(token, expires, owner);
    },
    clear(): void {
      write('', new Date(0), null);
    },
  };
}
