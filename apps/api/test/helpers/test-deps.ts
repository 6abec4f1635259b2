import { type MikroORM, poolSql } from '@taskapp/db';
import { createLogger } from '../../src/logger.js';
import { createMailer } from '../../src/services/mail.js';
import { createMetrics } from '../../src/services/metrics.js';
import { createRateLimits } from '../../src/services/rate-limits.js';
import { type AppDependencies, type AuthSession, createInnerContext } from '../../src/trpc/context.js';
import { createCallerFactory } from '../../src/trpc/init.js';
import { appRouter } from '../../src/trpc/router.js';
import { testEnv } from './test-env.js';

/** Everything createCaller needs, on a test database; mail goes to the SMTP url given. */
export function testDependencies(orm: MikroORM, smtpUrl: string): AppDependencies {
  const env = testEnv({ SMTP_URL: smtpUrl });
  const logger = createLogger(env);
  const metrics = createMetrics(orm);
  const rateLimits = createRateLimits(orm, { onRejected: (name) => metrics.rateLimitRejected(name) });
  return { orm, sql: poolSql(orm), env, logger, mailer: createMailer(env, logger), rateLimits, metrics };
}

/** A server-side caller, anonymous or signed in as the given session. */
export function callerFor(deps: AppDependencies, session: AuthSession | null = null) {
  return createCallerFactory(appRouter)(createInnerContext(deps, session));
}
