import { createPool, type DatabaseSettings, type Pool } from '@taskapp/db';
import { createQueries, heavyPoolSize, type Queries, STATEMENT_TIMEOUT_MS } from '@taskapp/db/queries';
import type { Env } from '../env.js';
import type { Logger } from '../logger.js';
import type { ChangeFeed } from '../sync/index.js';
import { type ReadReason, type ReadRouter, type ReadTarget, replicaReads } from './read-router.js';
import { readTokenCookie } from './read-token-cookie.js';
import { WalMonitor } from './wal-monitor.js';

/** What /metrics shows of each replica. */
export interface ReplicaGauges {
  name: string;
  up: boolean;
  /** Bytes of WAL the primary had flushed at its last sample that the replica had not replayed. */
  lagBytes: number;
}

export interface ReadReplicas {
  reads: ReadRouter;
  gauges(): ReplicaGauges[];
  close(): Promise<void>;
}

export interface ReadReplicaOptions {
  env: Pick<Env, 'APP_ORIGIN' | 'DATABASE_READ_MAX_LAG_MS'>;
  urls: string[];
  /** The primary's settings: replicas get the same pool sizes and timeouts. */
  settings: DatabaseSettings;
  primary: { queries: Queries; pool: Pool };
  feed: ChangeFeed;
  logger: Logger;
  onRead(target: ReadTarget, reason: ReadReason): void;
}

/** The probes get one connection each and give up fast: they decide nothing but where reads go. */
const PROBE_TIMEOUT_MS = 1_000;

/** host:port of a URL: names a replica in logs and metrics without its credentials. */
const hostOf = (url: string) => new URL(url).host;

/**
 * DATABASE_READ_URL's replicas (decision 017): for each, a pool and a heavy-read pool like the primary's
 * and a probe connection; one monitor; the read router that uses them.
 */
export function openReadReplicas(options: ReadReplicaOptions): ReadReplicas {
  const { settings, env } = options;
  const probeSettings = {
    poolMax: 1,
    connectTimeoutMs: PROBE_TIMEOUT_MS,
    statementTimeoutMs: PROBE_TIMEOUT_MS,
  };
  const pools: Pool[] = [];
  const open = (overrides: Partial<DatabaseSettings> & { url: string }) => {
    const pool = createPool({ ...settings, ...overrides });
    pools.push(pool);
    return pool;
  };

  // A replica that is down is seen by its probe within a second; a read already waiting for one of its
  // connections gives up sooner than the primary's timeout and is run on the primary.
  const connectTimeoutMs = Math.min(settings.connectTimeoutMs, 2_000);
  const replicas = options.urls.map((url) => ({
    name: hostOf(url),
    pool: open({ url, connectTimeoutMs }),
    heavy: open({
      url,
      connectTimeoutMs,
      poolMax: heavyPoolSize(settings.poolMax),
      statementTimeoutMs: STATEMENT_TIMEOUT_MS.search,
    }),
    probe: open({ url, ...probeSettings }),
  }));
  const maxLagMs = env.DATABASE_READ_MAX_LAG_MS;
  const monitor = new WalMonitor({
    primary: open({ url: settings.url, ...probeSettings }),
    replicas: replicas.map(({ name, probe }) => ({ name, probe })),
    logger: options.logger,
    historyMs: maxLagMs + 2_000,
  });
  const reads = replicaReads({
    primary: options.primary.queries,
    primaryPool: options.primary.pool,
    replicas: replicas.map(({ pool, heavy }, index) => ({
      state: monitor.replicas[index] as (typeof monitor.replicas)[number],
      queries: createQueries(pool, heavy),
    })),
    monitor,
    maxLagMs,
    feed: options.feed,
    // Lives as long as the lag bound (and the sampling slack) takes to cover the write on its own.
    cookie: readTokenCookie(env, Math.ceil((maxLagMs + 1_000) / 1_000) + 1),
    logger: options.logger,
    onRead: options.onRead,
  });

  return {
    reads,
    gauges() {
      const flushed = monitor.history.at(-1)?.flushed ?? 0n;
      return monitor.replicas.map(({ name, up, replayed }) => ({
        name,
        up,
        lagBytes: flushed > replayed ? Number(flushed - replayed) : 0,
      }));
    },
    async close() {
      reads.stop();
      monitor.stop();
      await Promise.all(pools.map((pool) => pool.end().catch(() => undefined)));
    },
  };
}
