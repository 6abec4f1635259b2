import pg from 'pg';
import type { DatabaseSettings } from './config.js';

/**
 * Anything that runs one statement: the app's pool, one of its clients inside a transaction, or a
 * single connection. Every query function takes one, so it runs the same in the app, in a transaction,
 * in tests, under the EXPLAIN recorder and in the benchmark's baseline.
 */
export interface Queryable {
  query(statement: {
    text: string;
    values: unknown[];
  }): Promise<{ rows: unknown[]; rowCount: number | null }>;
}

/**
 * The pool this app owns for its own SQL (packages/db/src/queries), beside the ORM's pool for entity
 * writes: same size, timeouts and TLS, through node-postgres' public API only (decision 009).
 */
export function createPool(settings: DatabaseSettings): pg.Pool {
  const pool = new pg.Pool({
    // The whole URL, so sslmode and friends apply (a Neon URL with sslmode=require uses TLS).
    connectionString: settings.url,
    max: settings.poolMax,
    connectionTimeoutMillis: settings.connectTimeoutMs,
    statement_timeout: settings.statementTimeoutMs,
    application_name: 'taskapp',
  });
  // An idle client whose server went away (restart, failover) must not crash the process; the pool
  // drops it and the next query opens a new connection.
  pool.on('error', () => undefined);
  return pool;
}

/**
 * An answer from PostgreSQL (with its SQLSTATE in `code`), as opposed to a connection that could not be
 * made or went away, which node-postgres reports as a plain or system error.
 */
export function isDatabaseError(error: unknown): error is pg.DatabaseError {
  return error instanceof pg.DatabaseError;
}

/** The pool's counters, for /metrics. */
export function poolCounters(pool: pg.Pool) {
  return {
    inUse: pool.totalCount - pool.idleCount,
    idle: pool.idleCount,
    waiting: pool.waitingCount,
    max: pool.options.max ?? 10,
  };
}

/**
 * A connection of its own, not yet connected, that stays open until ended (live sync's LISTEN):
 * TCP keep-alive on, so a dead peer is noticed by the operating system too.
 */
export function longLivedClient(url: string, applicationName: string): pg.Client {
  return new pg.Client({ connectionString: url, application_name: applicationName, keepAlive: true });
}

/** One connection of its own for `work`, always closed afterwards (admin work, locks, long streams). */
export async function withClient<T>(
  url: string,
  work: (client: pg.Client) => Promise<T>,
  applicationName = 'taskapp',
): Promise<T> {
  const client = new pg.Client({ connectionString: url, application_name: applicationName });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * The URL of another database on the same server: same host, credentials and options, other name.
 * node-postgres reads the name back with decodeURI, so it is written the way decodeURI undoes (names
 * with `#`, `?` or `%` cannot round-trip; ours are letters, digits and underscores).
 */
export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${encodeURI(database)}`;
  return url.toString();
}

/** The database a URL names, read as node-postgres reads it. */
export function databaseName(url: string): string {
  return decodeURI(new URL(url).pathname.slice(1));
}
