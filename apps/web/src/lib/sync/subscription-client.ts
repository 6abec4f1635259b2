import type { AppRouter } from '@taskapp/api';
import { createTRPCClient, httpSubscriptionLink } from '@trpc/client';
import { EventSourcePolyfill } from 'event-source-polyfill';
import superjson from 'superjson';
import { API_URL } from '../api-url';
import { getAccessToken } from '../auth-store';
import { ensureFreshToken } from '../session';

/**
 * The polyfill's own silence timer, set to its maximum (5 h) so it never fires first: tRPC already
 * reopens a stream that heard no ping for 25 s (the server's reconnectAfterInactivityMs), through
 * eventSourceOptions, so with a freshly refreshed token. The polyfill's timer would reconnect by itself
 * with the token of the moment (expired after a laptop's sleep) and log an error to the console.
 */
const HEARTBEAT_TIMEOUT_MS = 18_000_000;

/**
 * A tRPC client for subscriptions only. The browser's EventSource cannot send headers and the access token
 * must never be in a URL (URLs end up in logs), so streams go through a polyfill that sends the same
 * Authorization header as every other call.
 */
export function createSubscriptionClient() {
  return createTRPCClient<AppRouter>({
    links: [
      httpSubscriptionLink({
        url: API_URL,
        transformer: superjson,
        EventSource: EventSourcePolyfill,
        // Called for every connection tRPC opens: an expired token is refreshed first.
        eventSourceOptions: async () => {
          await ensureFreshToken();
          return { headers: currentAuthorization(), heartbeatTimeout: HEARTBEAT_TIMEOUT_MS };
        },
      }),
    ],
  });
}

/**
 * The polyfill also reconnects on its own, reusing the headers it was given; a getter makes each of those
 * reconnects send the token current at that moment instead of the one from when the stream opened.
 */
function currentAuthorization(): Record<string, string> {
  return Object.defineProperty({}, 'authorization', {
    enumerable: true,
    get: () => `Bearer ${getAccessToken() ?? ''}`,
  });
}
