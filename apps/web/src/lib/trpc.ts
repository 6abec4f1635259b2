import type { AppRouter } from '@taskapp/api';
import { LIMITS } from '@taskapp/shared/constants';
import { createTRPCClient, httpBatchLink, httpLink, retryLink, splitLink } from '@trpc/client';
import { createTRPCContext } from '@trpc/tanstack-react-query';
import superjson from 'superjson';
import { API_URL, isPublicProcedure } from './api-url';
import { getAuthState } from './auth-store';
import { bearerHeader } from './authorized-fetch';
import { outboxLink } from './offline/outbox/outbox-link';
import { ensureFreshToken, refreshSession } from './session';
import { errorCode } from './trpc-errors';

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

export function createTrpcClient() {
  return createTRPCClient<AppRouter>({
    links: [
      // Task, project and label writes wait in the outbox (IndexedDB) and reach the server in order.
      outboxLink(() => import('./offline/outbox/outbox').then((outbox) => outbox.enqueue)),
      // A 401 means the access token expired or its session changed: refresh once, then try again.
      // The refresh starts here; the retried request's headers wait for it to finish.
      retryLink({
        retry: ({ op, error, attempts }) => {
          if (attempts > 1 || isPublicProcedure(op.path) || errorCode(error) !== 'UNAUTHORIZED') return false;
          if (getAuthState().status !== 'signed-in') return false;
          void refreshSession();
          return true;
        },
      }),
      // The server answers an export only on its own, never inside a batch.
      splitLink({
        condition: (op) => UNBATCHED.has(op.path),
        true: httpLink({ url: API_URL, transformer: superjson, headers: ({ op }) => authorization([op]) }),
        false: httpBatchLink({
          url: API_URL,
          transformer: superjson,
          // The server refuses bigger batches; the link splits them instead.
          maxItems: LIMITS.batchMax,
          headers: ({ opList }) => authorization(opList),
        }),
      }),
    ],
  });
}

const UNBATCHED = new Set(['account.exportData']);

async function authorization(opList: readonly { path: string }[]): Promise<Record<string, string>> {
  if (opList.some((op) => !isPublicProcedure(op.path))) await ensureFreshToken();
  return bearerHeader();
}
