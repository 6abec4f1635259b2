import { type Pool, poolCounters } from '@taskapp/db';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { RateLimitName } from '../auth/index.js';

export interface Metrics {
  registry: Registry;
  /** One finished tRPC call: its procedure, query or mutation, its outcome ('OK' or the tRPC code). */
  observeCall(call: { procedure: string; type: string; code: string; seconds: number }): void;
  rateLimitRejected(limit: RateLimitName): void;
  /** Reminder jobs settled by this instance's worker: sent, late, retrying, failed, dropped or stale. */
  remindersSettled(outcome: string, count: number): void;
  /** A read that a replica may serve, by where it was served (decision 017); counted only with replicas. */
  readServed(target: string, reason: string): void;
}

/** What /metrics shows of the read replicas (DATABASE_READ_URL). */
export interface ReplicaCounters {
  replicas(): { name: string; up: boolean; lagBytes: number }[];
}

// Most calls take a few milliseconds; the top buckets catch the slow tail and timeouts.
const DURATION_BUCKETS = [0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * Prometheus metrics of one API instance, in a registry of its own (several apps can run in one test
 * process). Served at GET /metrics when METRICS_TOKEN is set.
 */
/** What live sync shows: its open streams, whether LISTEN is up, how many sessions are cached. */
export interface LiveSyncCounters {
  openStreams(): number;
  listening(): boolean;
  cachedSessions(): number;
}

export function createMetrics(pool: Pool, live?: LiveSyncCounters, replicas?: ReplicaCounters): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'taskapp_' });

  const duration = new Histogram({
    name: 'taskapp_trpc_call_duration_seconds',
    help: 'Duration of tRPC calls by procedure, type and outcome',
    labelNames: ['procedure', 'type', 'code'] as const,
    buckets: DURATION_BUCKETS,
    registers: [registry],
  });
  const errors = new Counter({
    name: 'taskapp_trpc_errors_total',
    help: 'tRPC calls that ended in an error, by procedure and tRPC error code',
    labelNames: ['procedure', 'code'] as const,
    registers: [registry],
  });
  const rejections = new Counter({
    name: 'taskapp_rate_limit_rejections_total',
    help: 'Requests refused with TOO_MANY_REQUESTS, by rate limit',
    labelNames: ['limit'] as const,
    registers: [registry],
  });

  const reminders = new Counter({
    name: 'taskapp_reminders_total',
    help: 'Reminder jobs settled by this instance, by outcome (sent, late, retrying, failed, dropped, stale)',
    labelNames: ['outcome'] as const,
    registers: [registry],
  });

  // The app's own pool (reads, task writes, the session check), through node-postgres' public counters.
  type Counters = ReturnType<typeof poolCounters>;
  const poolGauge = (name: string, help: string, read: (counters: Counters) => number) =>
    new Gauge({
      name,
      help,
      registers: [registry],
      collect() {
        this.set(read(poolCounters(pool)));
      },
    });
  poolGauge('taskapp_db_pool_connections_in_use', 'Database connections lent out', (p) => p.inUse);
  poolGauge('taskapp_db_pool_connections_idle', 'Database connections open and idle', (p) => p.idle);
  poolGauge('taskapp_db_pool_waiting_requests', 'Requests waiting for a connection', (p) => p.waiting);
  poolGauge('taskapp_db_pool_max_connections', 'Pool size limit', (p) => p.max);

  if (live) {
    const liveGauge = (name: string, help: string, read: () => number) =>
      new Gauge({
        name,
        help,
        registers: [registry],
        collect() {
          this.set(read());
        },
      });
    liveGauge('taskapp_sync_streams_open', 'Open sync.events streams on this instance', live.openStreams);
    liveGauge('taskapp_sync_listening', '1 while the LISTEN connection is up, else 0', () =>
      live.listening() ? 1 : 0,
    );
    liveGauge('taskapp_session_cache_entries', 'Live sessions cached in this instance', live.cachedSessions);
  }

  const reads = replicas
    ? new Counter({
        name: 'taskapp_db_reads_total',
        help: 'Reads a replica may serve (lists, stats, sync catch-up), by where they were served and why',
        labelNames: ['target', 'reason'] as const,
        registers: [registry],
      })
    : null;
  if (replicas) {
    new Gauge({
      name: 'taskapp_db_replica_up',
      help: '1 while the read replica answers its probe as a standby, else 0',
      labelNames: ['replica'] as const,
      registers: [registry],
      collect() {
        for (const replica of replicas.replicas()) this.set({ replica: replica.name }, replica.up ? 1 : 0);
      },
    });
    new Gauge({
      name: 'taskapp_db_replica_lag_bytes',
      help: 'WAL the primary has flushed that the read replica has not replayed yet (at the last probe)',
      labelNames: ['replica'] as const,
      registers: [registry],
      collect() {
        for (const replica of replicas.replicas()) this.set({ replica: replica.name }, replica.lagBytes);
      },
    });
  }

  return {
    registry,
    readServed(target, reason) {
      reads?.inc({ target, reason });
    },
    observeCall({ procedure, type, code, seconds }) {
      duration.observe({ procedure, type, code }, seconds);
      if (code !== 'OK') errors.inc({ procedure, code });
    },
    rateLimitRejected(limit) {
      rejections.inc({ limit });
    },
    remindersSettled(outcome, count) {
      reminders.inc({ outcome }, count);
    },
  };
}
