import type { AppRouter } from '@taskapp/api';
import { createTRPCClient, httpSubscriptionLink } from '@trpc/client';
import { EventSourcePolyfill } from 'event-source-polyfill';
import superjson from 'superjson';
import { API_URL } from '../api-url';
import { getAccessToken } from '../auth-store';
import { ensureFreshToken } from '../session';

/** The server pings every 10 s; this much silence means the connection is gone. */
const HEARTBEAT_TIMEOUT_MS = 45_000;

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
