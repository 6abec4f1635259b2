import { TRPCClientError, type TRPCLink } from '@trpc/client';
import type { AnyRouter } from '@trpc/server';
import { observable } from '@trpc/server/observable';
import { OUTBOX_PATHS, type OutboxContext } from './outbox-paths';

/** Queues a write in the outbox and settles with the server's answer (or, offline, the predicted one). */
export type Enqueue = (path: string, input: unknown, context: OutboxContext) => Promise<unknown>;

/**
 * Sends the outbox's writes through the outbox instead of straight to the server, so each one is in
 * IndexedDB before it leaves and they reach the server in the order they were made. The outbox itself
 * is loaded with the first write (`loadEnqueue`), never with the first page.
 */
export function outboxLink<TRouter extends AnyRouter>(
  loadEnqueue: () => Promise<Enqueue>,
): TRPCLink<TRouter> {
  return () =>
    ({ op, next }) => {
      if (op.type !== 'mutation' || !OUTBOX_PATHS.has(op.path) || op.context.outboxDelivery) return next(op);
      return observable((observer) => {
        let open = true;
        loadEnqueue()
          .then((enqueue) => enqueue(op.path, op.input, (op.context.outbox ?? {}) as OutboxContext))
          .then(
            (data) => {
              if (!open) return;
              observer.next({ result: { type: 'data', data } });
              observer.complete();
            },
            (error: unknown) => {
              if (open) observer.error(TRPCClientError.from(error as Error));
            },
          );
        return () => {
          open = false;
        };
      });
    };
}
