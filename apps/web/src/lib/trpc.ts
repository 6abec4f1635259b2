import type { AppRouter } from '@taskapp/api';
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import { createTRPCContext } from '@trpc/tanstack-react-query';
import superjson from 'superjson';

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

/** Same-origin in production (the API serves the SPA) and through Vite's proxy in development. */
export const API_URL = '/api/trpc';

// The server rejects batches of more than 20 calls; the link splits bigger ones.
const MAX_BATCH_ITEMS = 20;

export function createTrpcClient() {
  return createTRPCClient<AppRouter>({
    links: [httpBatchLink({ url: API_URL, transformer: superjson, maxItems: MAX_BATCH_ITEMS })],
  });
}
