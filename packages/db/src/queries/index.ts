// packages/db/src/queries: every SQL statement of the app (decision 009). Functions that touch a user's
// data take the owner's id first; the executor is bound once by createQueries.
import type { Queryable } from '../pg.js';
import { changeQueries } from './change-queries.js';
import { dailyDigestQueries } from './daily-digests.js';
import { deletedTaskQueries } from './deleted-tasks.js';
import { exportQueries } from './export-queries.js';
import { isDatabaseReachable } from './health-queries.js';
import { heavyTaskReads } from './heavy-reads.js';
import { labelQueries } from './label-queries.js';
import { maintenanceQueries } from './maintenance-queries.js';
import { projectQueries } from './project-queries.js';
import { pushSubscriptionQueries } from './push-subscriptions.js';
import { reminderJobQueries } from './reminder-jobs.js';
import { sessionQueries } from './session-queries.js';
import { settingsQueries } from './settings-queries.js';
import { taskListQueries } from './task-list.js';
import { taskMoveQueries } from './task-move.js';
import { taskReadQueries } from './task-reads.js';
import { taskStatsQueries } from './task-stats.js';
import { taskWriteQueries } from './task-writes.js';

/**
 * Every owner-scoped query of the app, bound to one executor (the app's pool, a transaction's client).
 * `heavy` runs the reads whose cost grows with a user's data (search, stats, export): in the server a
 * small pool of its own with a short statement timeout; by default the same executor.
 */
export function createQueries(db: Queryable, heavy: Queryable = db) {
  return {
    tasks: {
      ...taskListQueries(db),
      ...taskStatsQueries(db),
      ...taskReadQueries(db),
      ...taskWriteQueries(db),
      ...taskMoveQueries(db),
      ...deletedTaskQueries(db),
      // Last, so these replace the plain list (when searching), stats, allOf and exportPage above.
      ...heavyTaskReads(db, heavy),
    },
    exports: exportQueries(db),
    projects: projectQueries(db),
    labels: labelQueries(db),
    changes: changeQueries(db),
    reminders: reminderJobQueries(db),
    pushSubscriptions: pushSubscriptionQueries(db),
    digests: dailyDigestQueries(db),
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
  analyzeTables,
  beginReadOnlySnapshot,
  buildStructure,
  commitTransaction,
  copyRowsInStatement,
  copyRowsOutStatement,
  type DeferredStructure,
  deferredStructures,
  deleteMigrationHistory,
  dropStructure,
  dropTableCascade,
  type InsertTrigger,
  insertRowLines,
  insertTriggers,
  type KeyColumn,
  latestMigrationName,
  listAppTables,
  ownersOverTaskLimit,
  restartChangeLog,
  setLongTransactionSettings,
  setTriggerEnabled,
  tableHasRows,
  tableRowLines,
} from './backup-queries.js';
export {
  type ChangeCursor,
  type ChangesPage,
  type ChangeWithCursor,
  formatCursor,
  parseCursor,
} from './change-queries.js';
export { type ClaimedDigest, DIGEST_GRACE_MS } from './daily-digests.js';
export type { ExportedLabel, ExportedProject } from './export-queries.js';
export { isDatabaseReachable } from './health-queries.js';
export { heavyPoolSize, STATEMENT_TIMEOUT_MS } from './heavy-reads.js';
export type { LabelChanges, LabelCreate, LabelDto, LabelUpdate } from './label-queries.js';
export type { ExpiredRows } from './maintenance-queries.js';
export { keyAfter, keyBefore, keyBetween } from './order-keys.js';
export type { ProjectChanges, ProjectCreate, ProjectDto, ProjectUpdate } from './project-queries.js';
export {
  type NewPushSubscription,
  PUSH_SUBSCRIPTIONS_PER_USER,
  type PushTarget,
} from './push-subscriptions.js';
export {
  type ClaimedReminder,
  type ClaimResult,
  REMINDER_BACKOFF_MS,
  REMINDER_GRACE_MS,
  REMINDER_ON_TIME_MS,
  REMINDER_STALE_SENDING_MS,
} from './reminder-jobs.js';
export {
  committedWalPosition,
  type PrimaryWalPosition,
  parseLsn,
  primaryWalPosition,
  replayedWalPosition,
} from './replication-queries.js';
export type { LiveSessionTimes } from './session-queries.js';
export { execute, firstRow, identifier, join, raw, rowCount, rows, Sql, sql } from './sql.js';
export { isTaskLimitReached } from './task-limit.js';
export { likePattern, type TaskCursor, type TaskPage } from './task-list.js';
export type { ExportCursor, ExportPage } from './task-reads.js';
export { isTaskRefused, type TaskRefusalReason, TaskRefused } from './task-refusal.js';
export type { TaskDto } from './task-row.js';
export type { TaskStats } from './task-stats.js';
export type { SkipOccurrence, TaskChanges, TaskPatch, TaskUpdate } from './task-writes.js';
