import type { AppRouter } from '@taskapp/api';
import { createTRPCOptionsProxy } from '@trpc/tanstack-react-query';
import { createQueryClient } from './query-client';
import { createTrpcClient } from './trpc';

// One cache and one tRPC client for the whole app: React reads them through providers (app.tsx), route
// loaders import them here to start requests before a page's code has arrived.
export const queryClient = createQueryClient();
export const trpcClient = createTrpcClient();
export const trpc = createTRPCOptionsProxy<AppRouter>({ client: trpcClient, queryClient });
