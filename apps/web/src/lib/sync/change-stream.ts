import { refreshSession } from '../session';
import { errorCode } from '../trpc-errors';
import { createSubscriptionClient } from './subscription-client';
import type { OpenStream } from './sync-hub';

/** Pauses before connecting again after a failure; the last one repeats. */
const RETRY_DELAYS_MS = [1_000, 2_000, 5_000, 10_000, 30_000];

/** The server refused the stream's token: a refused stream answers 401 before any event. */
function isUnauthorized(error: unknown): boolean {
  if (errorCode(error) === 'UNAUTHORIZED') return true;
  const cause = error instanceof Error ? (error.cause as { status?: unknown } | undefined) : undefined;
  return cause?.status === 401;
}

/**
 * `sync.events` from after `from`, kept open until closed: tRPC and the polyfill reconnect a dropped
 * connection themselves (resuming from the last event id); when the stream fails or ends for good, it is
 * opened again here after a pause, the session refreshed first if the server refused the token or ended
 * the stream (a session that ended elsewhere then signs this browser out, which closes the stream).
 */
export const openChangeStream: OpenStream = (from, listener) => {
  const client = createSubscriptionClient();
  let cursor = from;
  let failures = 0;
  let closed = false;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let unsubscribe = () => {};

  const connect = () => {
    const subscription = client.sync.events.subscribe(cursor ? { lastEventId: cursor } : undefined, {
      onConnectionStateChange(state) {
        if (closed) return;
        if (state.state === 'pending') {
          failures = 0;
          listener.status('live');
        } else if (state.state === 'connecting' && state.error) {
          listener.status('reconnecting');
        }
      },
      onData({ id, data }) {
        if (closed) return;
        cursor = id;
        if ('resync' in data) listener.resync(id);
        else listener.change(id, data);
      },
      onError(error) {
        if (!closed) connectAgain(isUnauthorized(error));
      },
      onComplete() {
        if (!closed) connectAgain(true);
      },
    });
    unsubscribe = () => subscription.unsubscribe();
  };

  const connectAgain = (refreshFirst: boolean) => {
    unsubscribe();
    listener.status('reconnecting');
    const delay = RETRY_DELAYS_MS[Math.min(failures, RETRY_DELAYS_MS.length - 1)];
    failures += 1;
    // The pause comes first: a stream that ended because this tab is signing out is closed by then,
    // and asks for no refresh that can only be refused.
    retryTimer = setTimeout(async () => {
      if (refreshFirst && (await refreshSession()) === 'signed-out') return;
      if (!closed) connect();
    }, delay);
  };

  connect();
  return () => {
    closed = true;
    clearTimeout(retryTimer);
    unsubscribe();
  };
};
