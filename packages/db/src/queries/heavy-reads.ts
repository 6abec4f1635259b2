import type { Queryable } from '../pg.js';
import { taskListQueries } from './task-list.js';
import { taskReadQueries } from './task-reads.js';
import { taskStatsQueries } from './task-stats.js';
import { inTransaction } from './transaction.js';

/**
 * Statement timeouts by kind of query. Searches and stats run on the heavy-read pool, whose connections
 * carry `search` as their statement_timeout (no SET, so no extra round trip); the export sets its own
 * for its transaction. Plain list pages, single reads and writes keep the main pool's timeout
 * (DATABASE_STATEMENT_TIMEOUT_MS).
 */
export const STATEMENT_TIMEOUT_MS = { search: 2_000, export: 30_000 } as const;

/** Connections of the heavy-read pool: a share of the main pool's size, so heavy reads never take all. */
export const heavyPoolSize = (poolMax: number) => Math.max(2, Math.ceil(poolMax / 2));

/** Runs `work` in a read-only transaction on one connection of `db` whose statements stop after `ms`. */
function withStatementTimeout<T>(db: Queryable, ms: number, work: (db: Queryable) => Promise<T>): Promise<T> {
  // A single connection (a test's, a transaction's) keeps its own settings.
  return inTransaction(db, work, `begin read only; set local statement_timeout = ${Math.trunc(ms)}`);
}

type ListArgs = Parameters<ReturnType<typeof taskListQueries>['list']>;
type ExportPageArgs = Parameters<ReturnType<typeof taskReadQueries>['exportPage']>;

/**
 * The reads whose cost grows with what a user stores (search, stats, export), on `heavy`: the heavy-read
 * pool in the server, so however many of them run, the main pool stays free for everyone's ordinary
 * calls. A list without a search is an index range read and stays on `db`.
 */
export function heavyTaskReads(db: Queryable, heavy: Queryable) {
  const plain = taskListQueries(db);
  const searching = taskListQueries(heavy);
  return {
    list: (...args: ListArgs) => (args[1].search ? searching.list(...args) : plain.list(...args)),
    stats: taskStatsQueries(heavy).stats,
    allOf: (userId: string) =>
      withStatementTimeout(heavy, STATEMENT_TIMEOUT_MS.export, (client) =>
        taskReadQueries(client).allOf(userId),
      ),
    /**
     * A page of the streamed export, in a short transaction of its own with the export's timeout: no
     * connection is held while the answer waits for a slow client between pages.
     */
    exportPage: (...args: ExportPageArgs) =>
      withStatementTimeout(heavy, STATEMENT_TIMEOUT_MS.export, (client) =>
        taskReadQueries(client).exportPage(...args),
      ),
  };
}
