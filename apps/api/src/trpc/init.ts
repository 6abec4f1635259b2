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
export const publicProcedure = t.procedure;
export const createCallerFactory = t.createCallerFactory;

/**
 * Runs only for a signed-in caller whose session still exists and whose account is active, and hands
 * the procedure a non-null `userId` and `session`.
 */
export const protectedProcedure = t.procedure.use(async ({ ctx, next }) => {
  const session = ctx.session ?? (await authenticate(ctx));
  if (!session) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in to continue.' });
  return next({ ctx: { ...ctx, session, userId: session.userId } });
});
