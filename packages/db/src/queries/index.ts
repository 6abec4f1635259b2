// packages/db/src/queries: every SQL statement of the app (decision 009). Functions that touch a user's
// data take the owner's id first; the executor is bound once by createQueries.
import type { Queryable } from '../pg.js';
import { deletedTaskQueries } from './deleted-tasks.js';
import { isDatabaseReachable } from './health-queries.js';
import { maintenanceQueries } from './maintenance-queries.js';
import { sessionQueries } from './session-queries.js';
import { settingsQueries } from './settings-queries.js';
import { taskListQueries } from './task-list.js';
import { taskReadQueries } from './task-reads.js';
import { taskStatsQueries } from './task-stats.js';
import { taskWriteQueries } from './task-writes.js';

/** Every owner-scoped query of the app, bound to one executor (the app's pool, a transaction's client). */
export function createQueries(db: Queryable) {
  return {
    tasks: {
      ...taskListQueries(db),
      ...taskStatsQueries(db),
      ...taskReadQueries(db),
      ...taskWriteQueries(db),
      ...deletedTaskQueries(db),
    },
    sessions: sessionQueries(db),
    settings: settingsQueries(db),
    maintenance: maintenanceQueries(db),
    isDatabaseReachable: (timeoutMs?: number) => isDatabaseReachable(db, timeoutMs),
  };
}

export type Queries = ReturnType<typeof createQueries>;

export {
  createDatabase,
  createDatabaseIfMissing,
  databaseExists,
  dropDatabase,
  dropDatabasesStartingWith,
} from './admin-queries.js';
export {
  acquireAdvisoryLock,
  advisoryTransactionLock,
  releaseAdvisoryLock,
  tryAdvisoryLock,
} from './advisory-locks.js';
export {
  type AppTable,
  beginReadOnlySnapshot,
  commitTransaction,
  deleteMigrationHistory,
  dropTableCascade,
  insertRowLines,
  type KeyColumn,
  latestMigrationName,
  listAppTables,
  setLongTransactionSettings,
  tableHasRows,
  tableRowLines,
} from './backup-queries.js';
export { isDatabaseReachable } from './health-queries.js';
export type { ExpiredRows } from './maintenance-queries.js';
export { execute, firstRow, identifier, join, raw, rowCount, rows, Sql, sql } from './sql.js';
export { likePattern, type TaskCursor, type TaskPage } from './task-list.js';
export { isTaskLimitReached } from './task-limit.js';
export type { TaskDto } from './task-row.js';
export type { TaskStats } from './task-stats.js';
export type { TaskChanges, TaskPatch, TaskUpdate } from './task-writes.js';
