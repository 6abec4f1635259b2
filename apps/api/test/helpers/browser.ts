import { createTRPCClient, httpLink } from '@trpc/client';
import superjson from 'superjson';
import type { AppRouter } from '../../src/trpc/router.js';

export const TEST_ORIGIN = 'http://localhost:5173';

export interface BrowserOptions {
  /** The Origin header to send; null sends none. Default: the app's origin. */
  origin?: string | null;
  userAgent?: string;
  forwardedFor?: string;
}

export interface TestBrowser {
  api: ReturnType<typeof createTRPCClient<AppRouter>>;
  cookies: Map<string, string>;
  accessToken: string | null;
}

/** A browser-like tRPC client for the server at baseUrl: keeps cookies, sends Origin, can carry an access token. */
export function browserAt(baseUrl: string, options: BrowserOptions = {}): TestBrowser {
  const state: TestBrowser = { api: undefined as never, cookies: new Map(), accessToken: null };
  state.api = createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: `${baseUrl}/api/trpc`,
        transformer: superjson,
        headers: () => ({
          ...(options.origin !== null ? { origin: options.origin ?? TEST_ORIGIN } : {}),
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
            const [pair = '', ...attributes] = header.split(';');
            const [name = '', value = ''] = pair.split('=');
            const expired = attributes.some((a) => /expires=Thu, 01 Jan 1970/i.test(a));
            if (expired || !value) state.cookies.delete(name.trim());
            else state.cookies.set(name.trim(), value);
          }
          return response;
        },
      }),
    ],
  });
  return state;
}
