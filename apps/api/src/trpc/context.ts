import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EntityManager, MikroORM } from '@taskapp/db';
import type { Env } from '../env.js';
import type { Logger } from '../logger.js';

/** What the server holds for its whole life and hands to every request. */
export interface AppDependencies {
  orm: MikroORM;
  env: Env;
  logger: Logger;
}

/** The part of the context procedures use; tests build it directly. */
export interface InnerContext {
  em: EntityManager;
  env: Env;
  logger: Logger;
  /** Set by protectedProcedure once the access token checks out. */
  userId: string | null;
}

/** The HTTP exchange, typed with node's own types so the router type needs nothing from Express. */
export interface HttpExchange {
  req: IncomingMessage & { ip?: string | undefined };
  res: ServerResponse;
}

export interface Context extends InnerContext {
  /** Absent when a test calls procedures directly. */
  http: HttpExchange | null;
}

export function createInnerContext(deps: AppDependencies, userId: string | null = null): Context {
  // One EntityManager per request: nothing shares an identity map across requests.
  return { em: deps.orm.em.fork(), env: deps.env, logger: deps.logger, userId, http: null };
}
