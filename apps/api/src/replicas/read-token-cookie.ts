import type { ServerResponse } from 'node:http';
import { parseCookie, stringifySetCookie } from 'cookie';
import { type Env, isHttpsOrigin } from '../env.js';
import type { HttpExchange } from '../trpc/http-exchange.js';

/** Read-your-writes across instances (decision 017): the primary's WAL position after the browser's last write. */
export const READ_AFTER_COOKIE = 'taskapp_read_after';

/** A WAL position as the cookie holds it: hexadecimal, at most 16 digits. */
const parse = (value: string | undefined): bigint =>
  value && /^[0-9a-f]{1,16}$/.test(value) ? BigInt(`0x${value}`) : 0n;

/**
 * The cookie that carries a write's position to whichever instance serves the next read: the browser
 * sends it with every API call (Path=/api), so no client code is involved. It lives `maxAgeSeconds`,
 * after which the lag bound alone guarantees that every replica in use has the write. Not a secret:
 * a forged value only moves its sender's own reads between the primary and a replica.
 */
export function readTokenCookie(env: Pick<Env, 'APP_ORIGIN'>, maxAgeSeconds: number) {
  const prefix = `${READ_AFTER_COOKIE}=`;
  return {
    /** The position the caller's last write needs (0 when none). */
    read(http: HttpExchange | null): bigint {
      const header = http?.req.headers.cookie;
      if (!header?.includes(prefix)) return 0n;
      return parse(parseCookie(header)[READ_AFTER_COOKIE]);
    },
    /** Sets the cookie on this answer; of several writes in one batch, the furthest position wins. */
    write(http: HttpExchange | null, lsn: bigint): void {
      const res = http?.res;
      if (!res || res.headersSent) return;
      const others: string[] = [];
      let furthest = lsn;
      for (const cookie of setCookies(res)) {
        if (!cookie.startsWith(prefix)) others.push(cookie);
        else {
          const earlier = parse(cookie.slice(prefix.length).split(';')[0]);
          if (earlier > furthest) furthest = earlier;
        }
      }
      const ours = stringifySetCookie({
        name: READ_AFTER_COOKIE,
        value: furthest.toString(16),
        httpOnly: true,
        path: '/api',
        sameSite: 'lax',
        secure: isHttpsOrigin(env),
        maxAge: maxAgeSeconds,
      });
      res.setHeader('Set-Cookie', [...others, ours]);
    },
  };
}

export type ReadTokenCookie = ReturnType<typeof readTokenCookie>;

function setCookies(res: ServerResponse): string[] {
  const header = res.getHeader('set-cookie');
  if (header === undefined) return [];
  return Array.isArray(header) ? header : [String(header)];
}
