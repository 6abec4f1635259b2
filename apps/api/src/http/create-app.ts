import { fileURLToPath } from 'node:url';
import { LIMITS } from '@taskapp/shared';
import express, { type Express } from 'express';
import { exportDownload } from '../account/index.js';
import { trustProxySetting } from '../env.js';
import type { AppDependencies } from '../trpc/context.js';
import { createExpressContextFactory } from '../trpc/express-context.js';
import { appRouter } from '../trpc/router.js';
import { apiCompression } from './api-compression.js';
import { handleHttpError } from './http-error.js';
import { jsonBody } from './json-body.js';
import { metricsRoute } from './metrics-route.js';
import { requestLog } from './request-log.js';
import { requireJsonForPosts } from './require-json.js';
import { securityHeaders } from './security-headers.js';
import { spaRouter } from './spa.js';
import { trpcHandler } from './trpc-handler.js';

export function createApp(deps: AppDependencies): Express {
  const { env, logger, queries } = deps;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', trustProxySetting(env.TRUST_PROXY));

  app.use(requestLog(logger));
  app.use(securityHeaders(env));

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const ready = await queries.isDatabaseReachable();
    res
      .status(ready ? 200 : 503)
      .json({ status: ready ? 'ready' : 'unavailable', database: ready ? 'up' : 'down' });
  });

  app.get('/metrics', metricsRoute(deps.metrics, env.METRICS_TOKEN));

  // API answers are one person's data: no browser or proxy may keep a copy.
  app.use('/api', (_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  app.use('/api', apiCompression());

  // The data export as a file, written as it is read (account/export-download.ts).
  app.get('/api/account/export', exportDownload(deps));
  app.use(
    '/api/trpc',
    requireJsonForPosts,
    jsonBody(),
    trpcHandler({
      router: appRouter,
      createContext: createExpressContextFactory(deps),
      maxBatchSize: LIMITS.batchMax,
      onError: ({ error, path: procedure }) => {
        if (error.code === 'INTERNAL_SERVER_ERROR')
          logger.error({ err: error.cause ?? error, procedure }, 'procedure failed');
      },
    }),
  );
  app.use('/api', (_req, res) => {
    res.status(404).json({ error: 'Not found' });
  });

  // apps/api/{src,dist}/http/ → apps/web/dist
  const webDist = env.WEB_DIST_DIR ?? fileURLToPath(new URL('../../../web/dist', import.meta.url));
  const spa = spaRouter(webDist, deps);
  if (spa) app.use(spa);
  else logger.info({ webDist }, 'no built web app found; serving the API only');

  app.use(handleHttpError);
  return app;
}
