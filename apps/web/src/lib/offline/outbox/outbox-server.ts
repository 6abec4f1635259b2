import type { AppRouter } from '@taskapp/api';
import type { TRPCClient } from '@trpc/client';
import type { Server } from './deliver';
import { DELIVERY_CONTEXT } from './outbox-paths';

type Mutation = { mutate(input: unknown, options: { context: Record<string, unknown> }): Promise<unknown> };

/** The server as the outbox sends to it: through the app's tRPC client (token refresh included), never back into the outbox. */
export function outboxServer(client: TRPCClient<AppRouter>): Server {
  return {
    send(path, input) {
      const procedure = path
        .split('.')
        .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], client);
      return (procedure as Mutation).mutate(input, { context: DELIVERY_CONTEXT });
    },
    task: (id) => client.task.byId.query({ id }),
  };
}
