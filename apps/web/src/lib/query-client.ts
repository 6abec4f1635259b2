import { QueryClient } from '@tanstack/react-query';
import { httpStatus } from './trpc-errors';

const MAX_RETRIES = 2;

/** 4xx answers (bad input, signed out, not found, rate limited) will not change by asking again. */
export function isClientError(error: unknown): boolean {
  const status = httpStatus(error);
  return status !== undefined && status >= 400 && status < 500;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        retry: (failureCount, error) => !isClientError(error) && failureCount < MAX_RETRIES,
      },
      // Writes run at once even offline: task, project and label writes then wait in the outbox (IndexedDB,
      // lib/offline/outbox/), where a reload cannot lose them; any other write says it needs the network.
      mutations: { retry: false, networkMode: 'always' },
    },
  });
}
