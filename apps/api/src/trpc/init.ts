import { initTRPC, TRPCError } from '@trpc/server';
import superjson from 'superjson';
import { authenticate } from '../services/authenticate.js';
import type { Context } from './context.js';
import { formatError } from './error-formatter.js';

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter: formatError,
});

export const router = t.router;
/** Every call's duration and outcome, for GET /metrics. */
const measured = t.procedure.use(async ({ ctx, path, type, next }) => {
  const started = process.hrtime.bigint();
  const result = await next();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  ctx.metrics.observeCall({ procedure: path, type, code: result.ok ? 'OK' : result.error.code, seconds });
  return result;
});

export const publicProcedure = measured;
export const createCallerFactory = t.createCallerFactory;

/**
 * Runs only for a signed-in caller whose session still exists and whose account is active, and hands
 * the procedure a non-null `userId` and `session`.
 */
export const protectedProcedure = measured.use(async ({ ctx, next }) => {
  const session = ctx.session ?? (await authenticate(ctx));
  if (!session) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in to continue.' });
  return next({ ctx: { ...ctx, session, userId: session.userId } });
});
