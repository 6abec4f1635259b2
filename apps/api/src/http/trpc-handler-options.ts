import type { HTTPErrorHandler } from '@trpc/server/http';
import type { Request, Response } from 'express';
import type { Context } from '../trpc/context.js';
import type { AppRouter } from '../trpc/router.js';

/** What both tRPC paths need: the buffered handler (trpc-handler.ts) and the direct one for queries (trpc-queries.ts). */
export interface TrpcHandlerOptions {
  router: AppRouter;
  createContext: (exchange: { req: Request; res: Response }) => Context;
  maxBatchSize: number;
  onError: HTTPErrorHandler<AppRouter, Request>;
}
