import type { AppRouter } from '@taskapp/api';
import { createTRPCClient, TRPCClientError, type TRPCLink } from '@trpc/client';
import { observable } from '@trpc/server/observable';
import { createTRPCOptionsProxy } from '@trpc/tanstack-react-query';
import { createQueryClient } from '../lib/query-client';

/** Runs one of the API's read procedures as the person the page is for (apps/api/src/http/prerendered-places.ts). */
export type ServerCall = (path: string, input: unknown) => Promise<unknown>;

let currentCall: ServerCall | null = null;

/** The caller of the render under way (renders take turns: render-place.tsx). */
export function setServerCall(call: ServerCall | null): void {
  currentCall = call;
}

/** Answers the app's queries through the API's own procedures, in the server's process: no HTTP, no token. */
const serverCallLink: TRPCLink<AppRouter> =
  () =>
  ({ op }) =>
    observable((observer) => {
      const call = currentCall;
      if (op.type !== 'query' || !call) {
        observer.error(
          TRPCClientError.from(new Error(`${op.path} is not read while rendering on the server`)),
        );
        return;
      }
      call(op.path, op.input).then(
        (data) => {
          observer.next({ result: { type: 'data', data } });
          observer.complete();
        },
        (error: unknown) => observer.error(TRPCClientError.from(error as Error)),
      );
    });

// Stands in for lib/clients.ts in the server's build (build/place-renderer.ts swaps the module): the same
// cache and router code, answered by the caller above, and nothing tried twice.
export const queryClient = createQueryClient();
queryClient.setDefaultOptions({
  queries: { retry: false, staleTime: Number.POSITIVE_INFINITY },
  mutations: { retry: false },
});
export const trpcClient = createTRPCClient<AppRouter>({ links: [serverCallLink] });
export const trpc = createTRPCOptionsProxy<AppRouter>({ client: trpcClient, queryClient });
