import type { MikroORM, Pool } from '@taskapp/db';
import { createQueries } from '@taskapp/db/queries';
import { createRateLimits, createSessionCache, type LiveSession } from '../../src/auth/index.js';
import { monotonicClock } from '../../src/clock.js';
import { createLogger } from '../../src/logger.js';
import { createMailer } from '../../src/mail/index.js';
import { createMetrics } from '../../src/ops/index.js';
import { createPushService } from '../../src/reminders/index.js';
import { primaryReads } from '../../src/replicas/index.js';
import { LiveStreams, silentFeed } from '../../src/sync/index.js';
import { type AppDependencies, createInnerContext } from '../../src/trpc/context.js';
import { createCallerFactory } from '../../src/trpc/init.js';
import { appRouter } from '../../src/trpc/router.js';
import { testEnv } from './test-env.js';

/** Everything createCaller needs, on a test database (its ORM and pool); mail goes to the SMTP url given. */
export function testDependencies(db: { orm: MikroORM; pool: Pool }, smtpUrl: string): AppDependencies {
  const env = testEnv({ SMTP_URL: smtpUrl });
  const logger = createLogger(env);
  const metrics = createMetrics(db.pool);
  const rateLimits = createRateLimits(db.pool, { onRejected: (name) => metrics.rateLimitRejected(name) });
  const queries = createQueries(db.pool);
  return {
    orm: db.orm,
    queries,
    reads: primaryReads(queries),
    env,
    logger,
    mailer: createMailer(env, logger),
    rateLimits,
    metrics,
    now: monotonicClock(),
    // No LISTEN connection: sessions are looked up on every call, streams poll.
    sessions: createSessionCache(queries, silentFeed),
    sync: { feed: silentFeed, streams: new LiveStreams(silentFeed) },
    push: createPushService(env),
  };
}

/** A server-side caller, anonymous or signed in as the given session. */
export function callerFor(deps: AppDependencies, session: LiveSession | null = null) {
  return createCallerFactory(appRouter)(createInnerContext(deps, session));
}
