import type { EntityManager, MikroORM } from '@taskapp/db';
import type { Queries } from '@taskapp/db/queries';
import type { LiveSession, RateLimits, SessionCache } from '../auth/index.js';
import type { Env } from '../env.js';
import type { Logger } from '../logger.js';
import type { Mailer } from '../mail/index.js';
import type { Metrics } from '../ops/index.js';
import type { PushService } from '../reminders/index.js';
import type { ReadRouter } from '../replicas/index.js';
import type { ChangeFeed, LiveStreams } from '../sync/index.js';
import type { HttpExchange } from './http-exchange.js';
import { lazyEntityManager } from './lazy-entity-manager.js';

export type { HttpExchange };

/** What the server holds for its whole life and hands to every request. */
export interface AppDependencies {
  /** Entities, for writes with rules (accounts, sessions, mailed tokens). */
  orm: MikroORM;
  /** The app's SQL (packages/db/src/queries) on its own pool: task reads and writes, the session check. */
  queries: Queries;
  /** Where lists, stats and sync catch-up are read: a fresh enough replica, else `queries` (decision 017). */
  reads: ReadRouter;
  env: Env;
  logger: Logger;
  mailer: Mailer;
  rateLimits: RateLimits;
  metrics: Metrics;
  /** The time writes are stamped with (monotonicClock in the server). */
  now: () => Date;
  /** Live sessions, looked up once and then trusted while the change feed says nothing ended them. */
  sessions: SessionCache;
  /** Live sync: the database's notifications and this instance's open `sync.events` streams. */
  sync: { feed: ChangeFeed; streams: LiveStreams };
  /** Web Push: its public key and the endpoints it accepts (the reminder worker sends). */
  push: PushService;
}

export type Context = Omit<AppDependencies, 'orm'> & {
  /** A fresh EntityManager per request (forked when first used): nothing shares an identity map across requests. */
  em: EntityManager;
  /** Set directly by tests; over HTTP protectedProcedure derives it from the bearer token. */
  session: LiveSession | null;
  /** Absent when a test calls procedures directly. */
  http: HttpExchange | null;
};

/** The inner context: everything but HTTP. Tests build it directly, optionally as a signed-in user. */
export function createInnerContext(deps: AppDependencies, session: LiveSession | null = null): Context {
  const { orm, ...rest } = deps;
  return { ...rest, em: lazyEntityManager(orm), session, http: null };
}
