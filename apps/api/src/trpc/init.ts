import { LIMITS } from '@taskapp/shared';
import { initTRPC } from '@trpc/server';
import { DomainError, unauthorized } from '../domain-error.js';
import { authenticate } from './authenticate.js';
import type { Context } from './context.js';
import { toTrpcError } from './domain-error-mapping.js';
import { formatError } from './error-formatter.js';
import { guardedSuperjson } from './input-guard.js';
import { userLanes } from './user-lanes.js';

const t = initTRPC.context<Context>().create({
  transformer: guardedSuperjson,
  errorFormatter: formatError,
  // sync.events: a ping keeps proxies from closing a quiet stream; a client that hears nothing (not even
  // a ping) for longer reconnects on its own, resuming from its last event id.
  sse: {
    ping: { enabled: true, intervalMs: 10_000 },
    client: { reconnectAfterInactivityMs: 25_000 },
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Every call's duration and outcome, for GET /metrics. */
const measured = t.procedure.use(async ({ ctx, path, type, next }) => {
  const started = process.hrtime.bigint();
  const result = await next();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  ctx.metrics.observeCall({ procedure: path, type, code: result.ok ? 'OK' : result.error.code, seconds });
  return result;
});

/** Domain code throws DomainError; here, at the edge, it becomes the matching tRPC error. */
export const publicProcedure = measured.use(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof DomainError) throw toTrpcError(result.error.cause);
  return result;
});

/** One person's calls take turns beyond LIMITS.callsPerUser at once (security finding 1). */
const callLanes = userLanes({
  running: LIMITS.callsPerUser,
  queued: LIMITS.callsQueuedPerUser,
  refusal: 'Too many requests at once. Wait for the ones running to finish.',
});

/**
 * Runs only for a signed-in caller whose session still exists and whose account is active, and hands
 * the procedure a non-null `userId` and `session`.
 */
export const protectedProcedure = publicProcedure.use(async ({ ctx, type, next }) => {
  const session = ctx.session ?? (await authenticate(ctx));
  if (!session) throw unauthorized('Sign in to continue.');
  const result = await callLanes.run(session.userId, () =>
    next({ ctx: { ...ctx, session, userId: session.userId } }),
  );
  // With read replicas, the writer's next reads must see this write wherever they land (decision 017).
  if (type === 'mutation') await ctx.reads.wrote(session.userId, ctx.http);
  return result;
});
