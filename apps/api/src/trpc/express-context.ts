import type { Request, Response } from 'express';
import { type AppDependencies, type Context, createInnerContext } from './context.js';

// Kept apart from context.ts so the router type, which the web app imports, never reaches Express.
/** The thin Express wrapper around the inner context. */
export function createExpressContextFactory(deps: AppDependencies) {
  return ({ req, res }: { req: Request; res: Response }): Context => ({
    ...createInnerContext(deps),
    logger: req.log ?? deps.logger,
    http: { req, res },
  });
}
