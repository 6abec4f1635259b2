import type { Queryable } from '../pg.js';
import { firstRow, rowCount, sql } from './sql.js';

export interface LiveSessionTimes {
  lastUsedAt: Date;
  expiresAt: Date;
}

/** The session check that runs on every protected call, and the cap on sessions per user, on the app's own pool. */
export function sessionQueries(db: Queryable) {
  return {
    /**
     * When the owner's session was last used and when it expires, if it still exists, has not expired
     * and its user is active; undefined otherwise.
     */
    async findLive(userId: string, sessionId: string): Promise<LiveSessionTimes | undefined> {
      const row = await firstRow<{ last_used_at: Date; expires_at: Date }>(
        db,
        sql`select s."last_used_at", s."expires_at" from "sessions" s join "users" u on u."id" = s."user_id"
            where s."id" = ${sessionId} and s."user_id" = ${userId} and s."expires_at" > now() and u."is_active"`,
      );
      return row && { lastUsedAt: row.last_used_at, expiresAt: row.expires_at };
    },

    async touch(userId: string, sessionId: string): Promise<void> {
      await rowCount(
        db,
        sql`update "sessions" set "last_used_at" = now() where "id" = ${sessionId} and "user_id" = ${userId}`,
      );
    },

    /**
     * Signs the owner out of every session beyond their `max` most recently used live ones: expired
     * ones and the least recently used (ties: the older sign-in first). `keepSessionId`, the session
     * just signed in, always counts among the `max`, whatever the clocks say. One statement on
     * sessions_user_id_idx, reading at most the owner's sessions; returns how many it deleted.
     */
    async deleteBeyondNewest(userId: string, keepSessionId: string, max: number): Promise<number> {
      const othersKept = Math.max(0, Math.floor(max) - 1);
      return rowCount(
        db,
        sql`delete from "sessions"
            where "user_id" = ${userId} and "id" <> ${keepSessionId}
              and ("expires_at" <= now() or "id" not in (
                select "id" from "sessions"
                where "user_id" = ${userId} and "id" <> ${keepSessionId} and "expires_at" > now()
                order by "last_used_at" desc, "created_at" desc, "id" desc
                limit ${othersKept}))`,
      );
    },
  };
}
