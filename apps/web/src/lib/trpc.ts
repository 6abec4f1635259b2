import type { AppRouter } from '@taskapp/api';
import { createTRPCClient, httpBatchLink, retryLink, TRPCClientError } from '@trpc/client';
import { createTRPCContext } from '@trpc/tanstack-react-query';
import superjson from 'superjson';
import { API_URL, isPublicProcedure } from './api-url';
import { getAccessToken, getAuthState } from './auth-store';
import { ensureFreshToken, refreshSession } from './session';

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

// The server rejects batches of more than 20 calls; the link splits bigger ones.
const MAX_BATCH_ITEMS = 20;

function isUnauthorized(error: unknown): boolean {
  return (
    error instanceof TRPCClientError && (error.data as { code?: string } | undefined)?.code === 'UNAUTHORIZED'
  );
}

export function createTrpcClient() {
  return createTRPCClient<AppRouter>({
    links: [
      // A 401 means the access token expired or its session changed: refresh once, then try again.
      // The refresh starts here; the retried request's headers wait for it to finish.
      retryLink({
        retry: ({ op, error, attempts }) => {
          if (attempts > 1 || isPublicProcedure(op.path) || !isUnauthorized(error)) return false;
          if (getAuthState().status !== 'signed-in') return false;
          void refreshSession();
          return true;
        },
      }),
      httpBatchLink({
        url: API_URL,
        transformer: superjson,
        maxItems: MAX_BATCH_ITEMS,
        headers: async ({ opList }) => {
          if (opList.some((op) => !isPublicProcedure(op.path))) await ensureFreshToken();
          const token = getAccessToken();
          return token ? { authorization: `Bearer ${token}` } : {};
        },
      }),
    ],
  });
}
