import { createTRPCClient, httpLink } from '@trpc/client';
import superjson from 'superjson';
import type { AppRouter } from '../../src/trpc/router.js';
import { TEST_ORIGIN, type TestBrowser } from './test-server.js';

/** Like TestServer.browser(), for a server started some other way (another process, a second instance). */
export function browserAt(
  baseUrl: string,
  options: { userAgent?: string; forwardedFor?: string } = {},
): TestBrowser {
  const state: TestBrowser = { api: undefined as never, cookies: new Map(), accessToken: null };
  state.api = createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: `${baseUrl}/api/trpc`,
        transformer: superjson,
        headers: () => ({
          origin: TEST_ORIGIN,
          ...(options.userAgent ? { 'user-agent': options.userAgent } : {}),
          ...(options.forwardedFor ? { 'x-forwarded-for': options.forwardedFor } : {}),
          ...(state.accessToken ? { authorization: `Bearer ${state.accessToken}` } : {}),
          ...(state.cookies.size
            ? { cookie: [...state.cookies].map(([name, value]) => `${name}=${value}`).join('; ') }
            : {}),
        }),
        fetch: async (input, init) => {
          const response = await fetch(input, init);
          for (const header of response.headers.getSetCookie()) {
            const [pair = ''] = header.split(';');
            const [name = '', value = ''] = pair.split('=');
            if (value) state.cookies.set(name.trim(), value);
            else state.cookies.delete(name.trim());
          }
          return response;
        },
      }),
    ],
  });
  return state;
}
