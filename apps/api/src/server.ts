import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createPool, databaseSettings, migrateToLatest, openOrm, provideDatabase } from '@taskapp/db';
import { createQueries } from '@taskapp/db/queries';
import { createRateLimits } from './auth/index.js';
import { monotonicClock } from './clock.js';
import type { Env } from './env.js';
import { createApp } from './http/create-app.js';
import type { Logger } from './logger.js';
import { createMailer } from './mail/index.js';
import { createMetrics, scheduleBackups, scheduleMaintenance } from './ops/index.js';

export interface RunningServer {
  url: string;
  server: Server;
  /** Stops accepting connections, lets in-flight requests finish, then closes the pools and the embedded database. */
  close(): Promise<void>;
}

/** Database (embedded when DATABASE_URL is unset) → migrations → HTTP server. */
export async function startServer(env: Env, logger: Logger): Promise<RunningServer> {
  const database = await provideDatabase(env);
  if (database.embedded) logger.info('DATABASE_URL is not set: using the embedded PostgreSQL under .data/');
  const settings = databaseSettings(env, database.url);
  const orm = await openOrm(settings);
  try {
    const applied = await migrateToLatest(orm);
    if (applied.length) logger.info({ applied }, 'applied database migrations');
  } catch (error) {
    await orm.close();
    await database.stop();
    throw error;
  }

  const pool = createPool(settings);
  const queries = createQueries(pool);
  const mailer = createMailer(env, logger);
  const metrics = createMetrics(pool);
  const rateLimits = createRateLimits(pool, { onRejected: (name) => metrics.rateLimitRejected(name) });
  const stopMaintenance = scheduleMaintenance(queries, logger);
  const stopBackups = scheduleBackups({ env, databaseUrl: database.url, logger });
  const app = createApp({ orm, queries, env, logger, mailer, rateLimits, metrics, now: monotonicClock() });
  const server = app.listen(env.PORT);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      stopMaintenance();
      // No new scheduled backup starts; one in progress finishes before the database goes away.
      const backupsStopped = stopBackups();
      const drained = new Promise<void>((resolve) => server.close(() => resolve()));
      // A keep-alive connection turns idle when its last response ends; close it then rather than
      // waiting for the keep-alive timeout.
      const sweep = setInterval(() => server.closeIdleConnections(), 50);
      server.closeIdleConnections();
      await drained.finally(() => clearInterval(sweep));
      await backupsStopped;
      await pool.end();
      await orm.close();
      await database.stop();
    })();
    return closing;
  };
  return { url: `http://127.0.0.1:${port}`, server, close };
}
