import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EntityManager, MikroORM, Sql } from '@taskapp/db';
import type { Env } from '../env.js';
import type { Logger } from '../logger.js';
import type { Mailer } from '../services/mail.js';
import type { Metrics } from '../services/metrics.js';
import type { RateLimits } from '../services/rate-limits.js';

/** What the server holds for its whole life and hands to every request. */
export interface AppDependencies {
  orm: MikroORM;
  /** Plain SQL with bind parameters on the ORM's pool (`poolSql`), for the hot read paths. */
  sql: Sql;
  env: Env;
  logger: Logger;
  mailer: Mailer;
  rateLimits: RateLimits;
  metrics: Metrics;
}

/** The HTTP exchange, typed with node's own types so the router type needs nothing from Express. */
export interface HttpExchange {
  req: IncomingMessage & { ip?: string | undefined };
  res: ServerResponse;
}

/** A signed-in caller: the user and the session (device) the access token belongs to. */
export interface AuthSession {
  userId: string;
  sessionId: string;
}

export interface Context {
  em: EntityManager;
  /** Plain SQL with bind parameters on the same pool, for the hot read paths (list, stats, session check). */
  sql: Sql;
  env: Env;
  logger: Logger;
  mailer: Mailer;
  rateLimits: RateLimits;
  metrics: Metrics;
  /** Set directly by tests; over HTTP protectedProcedure derives it from the bearer token. */
  session: AuthSession | null;
  /** Absent when a test calls procedures directly. */
  http: HttpExchange | null;
}

/** The inner context: everything but HTTP. Tests build it directly, optionally as a signed-in user. */
export function createInnerContext(deps: AppDependencies, session: AuthSession | null = null): Context {
  // One EntityManager per request: nothing shares an identity map across requests.
  return {
    em: deps.orm.em.fork(),
    sql: deps.sql,
    env: deps.env,
    logger: deps.logger,
    mailer: deps.mailer,
    rateLimits: deps.rateLimits,
    metrics: deps.metrics,
    session,
    http: null,
  };
}
