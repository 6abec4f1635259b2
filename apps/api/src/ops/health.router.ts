import { APP_VERSION } from '@taskapp/backup';
import type { HealthStatus } from '@taskapp/shared';
import { publicProcedure, router } from '../trpc/init.js';

export const healthRouter = router({
  /** What the web app shows on its status page. */
  check: publicProcedure.query(async ({ ctx }): Promise<HealthStatus> => {
    const databaseUp = await ctx.queries.isDatabaseReachable();
    return {
      status: databaseUp ? 'ok' : 'degraded',
      database: databaseUp ? 'up' : 'down',
      version: APP_VERSION,
      uptimeSeconds: Math.round(process.uptime()),
    };
  }),
});
