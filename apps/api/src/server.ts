import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createPool, databaseSettings, migrateToLatest, openOrm, provideDatabase } from '@taskapp/db';
import { createQueries, heavyPoolSize, STATEMENT_TIMEOUT_MS } from '@taskapp/db/queries';
import { createRateLimits, createSessionCache } from './auth/index.js';
import { monotonicClock } from './clock.js';
import type { Env } from './env.js';
import { createApp } from './http/create-app.js';
import type { Logger } from './logger.js';
import { createMailer } from './mail/index.js';
import { createMetrics, scheduleBackups, scheduleMaintenance } from './ops/index.js';
import { createPushService, startReminderWorker } from './reminders/index.js';
import { openReadReplicas, primaryReads } from './replicas/index.js';
import { LiveStreams, listenForChanges } from './sync/index.js';

export interface RunningServer {
  /** Where this machine reaches the server (loopback when it listens on every interface). */
  url: string;
  /** What it really listens on, from server.address(): e.g. 127.0.0.1:3000 or [::]:3000. */
  address: string;
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
  // Searches, stats and exports get a few connections of their own with a short statement timeout.
  const heavyPool = createPool({
    ...settings,
    poolMax: heavyPoolSize(settings.poolMax),
    statementTimeoutMs: STATEMENT_TIMEOUT_MS.search,
  });
  const queries = createQueries(pool, heavyPool);
  const mailer = createMailer(env, logger);
  const rateLimits = createRateLimits(pool, { onRejected: (name) => metrics.rateLimitRejected(name) });
  const feed = listenForChanges({ url: env.DATABASE_URL_UNPOOLED ?? database.url, logger });
  const sync = { feed, streams: new LiveStreams(feed) };
  const sessions = createSessionCache(queries, feed);
  const replicas = env.DATABASE_READ_URL
    ? openReadReplicas({
        env,
        urls: env.DATABASE_READ_URL,
        settings,
        primary: { queries, pool },
        feed,
        logger,
        onRead: (target, reason) => metrics.readServed(target, reason),
      })
    : null;
  const reads = replicas?.reads ?? primaryReads(queries);
  const metrics = createMetrics(
    pool,
    {
      openStreams: () => sync.streams.size,
      listening: () => feed.listening,
      cachedSessions: () => sessions.size,
    },
    replicas ? { replicas: () => replicas.gauges() } : undefined,
  );
  const stopMaintenance = scheduleMaintenance(queries, logger);
  const stopBackups = scheduleBackups({ env, databaseUrl: database.url, logger });
  const push = createPushService(env);
  const now = monotonicClock();
  const reminderWorker =
    env.REMINDER_WORKER === 'on'
      ? startReminderWorker(
          { queries, mailer, push, appOrigin: env.APP_ORIGIN, logger, metrics },
          { pollMs: env.REMINDER_POLL_MS, now },
        )
      : null;
  const app = createApp({
    orm,
    queries,
    reads,
    env,
    logger,
    mailer,
    rateLimits,
    metrics,
    now,
    sessions,
    sync,
    push,
  });
  const server = createServer(
    {
      requestTimeout: env.HTTP_REQUEST_TIMEOUT_MS,
      headersTimeout: env.HTTP_HEADERS_TIMEOUT_MS,
      // How often Node looks for requests past those timeouts (its default, 30 s, would double them).
      connectionsCheckingInterval: Math.min(1_000, env.HTTP_HEADERS_TIMEOUT_MS),
    },
    app,
  );
  server.keepAliveTimeout = env.HTTP_KEEP_ALIVE_TIMEOUT_MS;
  server.maxConnections = env.HTTP_MAX_CONNECTIONS;
  server.listen(env.PORT, env.HOST);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const listening = server.address() as AddressInfo;

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      stopMaintenance();
      // No new scheduled backup starts; one in progress finishes before the database goes away.
      const backupsStopped = stopBackups();
      // Reminders being sent finish and are settled, so none is left half-sent (and given up) by a restart.
      const remindersStopped = reminderWorker?.stop();
      const drained = new Promise<void>((resolve) => server.close(() => resolve()));
      // Open live-sync streams never finish on their own: end them so the server can drain (clients
      // reconnect to another instance and resume from their last event id).
      sync.streams.endAll();
      // A keep-alive connection turns idle when its last response ends; close it then rather than
      // waiting for the keep-alive timeout.
      const sweep = setInterval(() => server.closeIdleConnections(), 50);
      server.closeIdleConnections();
      await drained.finally(() => clearInterval(sweep));
      await backupsStopped;
      await remindersStopped;
      await feed.close();
      await replicas?.close();
      await pool.end();
      await heavyPool.end();
      await orm.close();
      await database.stop();
    })();
    return closing;
  };
  return {
    url: reachableUrl(listening),
    address: hostAndPort(listening.address, listening.port),
    server,
    close,
  };
}

const hostAndPort = (host: string, port: number) =>
  host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;

function reachableUrl({ address, family, port }: AddressInfo): string {
  const unspecified = address === '0.0.0.0' || address === '::';
  const host = unspecified ? (family === 'IPv6' ? '::1' : '127.0.0.1') : address;
  return `http://${hostAndPort(host, port)}`;
}
