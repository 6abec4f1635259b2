import type { Queryable } from '../pg.js';
import { DELETED_TASK_KEPT_MS } from './deleted-tasks.js';
import { rowCount, sql } from './sql.js';

export interface ExpiredRows {
  sessions: number;
  tokens: number;
  limits: number;
  deletedTasks: number;
}

/** What has expired, across all users: the hourly clean-up. */
export function maintenanceQueries(db: Queryable) {
  return {
    async deleteExpired(now: Date): Promise<ExpiredRows> {
      // An index range scan on sessions_expires_at_idx and user_tokens_expires_at_idx.
      const sessions = await rowCount(db, sql`delete from "sessions" where "expires_at" <= ${now}`);
      const tokens = await rowCount(db, sql`delete from "user_tokens" where "expires_at" <= ${now}`);
      // rate-limiter-flexible's layout: "expire" is milliseconds since the epoch.
      const limits = await rowCount(db, sql`delete from "rate_limits" where "expire" < ${now.getTime()}`);
      const keptSince = new Date(now.getTime() - DELETED_TASK_KEPT_MS);
      const deletedTasks = await rowCount(
        db,
        sql`delete from "deleted_tasks" where "deleted_at" <= ${keptSince}`,
      );
      return { sessions, tokens, limits, deletedTasks };
    },
  };
}
