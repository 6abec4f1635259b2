import { LIMITS } from '@taskapp/shared';
import type { Queryable } from '../pg.js';
import { changeQueries } from './change-queries.js';
import { dailyDigestQueries } from './daily-digests.js';
import { DELETED_TASK_KEPT_MS } from './deleted-tasks.js';
import { reminderJobQueries } from './reminder-jobs.js';
import { rowCount, sql } from './sql.js';

export interface ExpiredRows {
  sessions: number;
  tokens: number;
  limits: number;
  deletedTasks: number;
  changes: number;
  /** Reminders delivered (or given up) and digests sent longer ago than the history is kept. */
  reminderHistory: number;
  /** Second-factor sign-in tickets and WebAuthn challenges past their few minutes. */
  signInSteps: number;
}

/** How long delivered reminders (the bell list) and digest records are kept. */
export const REMINDER_HISTORY_DAYS = 30;

const DAY_MS = 24 * 60 * 60 * 1000;
const CHANGES_PER_BATCH = 10_000;

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
      // In batches, so no one statement holds many locks or runs long; a busy hour's log takes several.
      const changesKeptSince = new Date(now.getTime() - LIMITS.syncRetentionDays * DAY_MS);
      let changes = 0;
      for (;;) {
        const purged = await changeQueries(db).purgeOlderThan(changesKeptSince, CHANGES_PER_BATCH);
        changes += purged;
        if (purged < CHANGES_PER_BATCH) break;
      }
      const historyKeptSince = new Date(now.getTime() - REMINDER_HISTORY_DAYS * DAY_MS);
      const reminderHistory =
        (await reminderJobQueries(db).prune(historyKeptSince)) +
        (await dailyDigestQueries(db).prune(historyKeptSince));
      // Small tables (a row per sign-in attempt, minutes long): no index needed to find the expired.
      const signInSteps =
        (await rowCount(db, sql`delete from "mfa_tickets" where "expires_at" <= ${now}`)) +
        (await rowCount(db, sql`delete from "webauthn_challenges" where "expires_at" <= ${now}`));
      return { sessions, tokens, limits, deletedTasks, changes, reminderHistory, signInSteps };
    },
  };
}
