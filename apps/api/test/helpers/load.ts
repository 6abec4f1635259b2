import { createTRPCClient, httpLink, TRPCClientError } from '@trpc/client';
import superjson from 'superjson';
import type { AppRouter } from '../../src/trpc/router.js';
import { TEST_ORIGIN } from './browser.js';

/** A tRPC client that writes down the HTTP status of every response it gets. */
export interface RecordingClient {
  api: ReturnType<typeof createTRPCClient<AppRouter>>;
  statuses: number[];
  accessToken: string | null;
}

export function recordingClient(baseUrl: string, forwardedFor?: string): RecordingClient {
  const state: RecordingClient = { api: undefined as never, statuses: [], accessToken: null };
  state.api = createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: `${baseUrl}/api/trpc`,
        transformer: superjson,
        headers: () => ({
          origin: TEST_ORIGIN,
          ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}),
          ...(state.accessToken ? { authorization: `Bearer ${state.accessToken}` } : {}),
        }),
        fetch: async (input, init) => {
          const response = await fetch(input, init);
          state.statuses.push(response.status);
          return response;
        },
      }),
    ],
  });
  return state;
}

/** Runs `work` for every item with at most `concurrency` calls in flight; resolves when all are done. */
export async function forEachConcurrently<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      await work(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}

export interface TimedCall<T> {
  startedAt: number;
  endedAt: number;
  ok: boolean;
  value?: T;
  /** tRPC code, HTTP status or the network error's name. */
  failure?: string;
}

/** Runs a call and records when it started and ended and how it went; never throws. */
export async function timed<T>(call: () => Promise<T>): Promise<TimedCall<T>> {
  const startedAt = Date.now();
  try {
    const value = await call();
    return { startedAt, endedAt: Date.now(), ok: true, value };
  } catch (error) {
    return { startedAt, endedAt: Date.now(), ok: false, failure: describeFailure(error) };
  }
}

function describeFailure(error: unknown): string {
  if (error instanceof TRPCClientError) {
    const code = (error.data as { code?: string } | undefined)?.code;
    const cause = error.cause as { name?: string } | undefined;
    return code ?? cause?.name ?? error.message;
  }
  return (error as Error).name ?? String(error);
}

/** Keeps calling `probe` while `during` runs and returns how long each probe took. */
export async function probeWhile(during: Promise<unknown>, probe: () => Promise<void>): Promise<number[]> {
  let done = false;
  const finished = during.finally(() => {
    done = true;
  });
  const durations: number[] = [];
  const probing = (async () => {
    while (!done) {
      const started = Date.now();
      await probe();
      durations.push(Date.now() - started);
    }
  })();
  await Promise.all([finished, probing]);
  return durations;
}
