import type { Queryable } from '../pg.js';
import { firstRow, rowCount, sql } from './sql.js';

/** The session check that runs on every protected call, on the app's own pool. */
export function sessionQueries(db: Queryable) {
  return {
    /**
     * When the owner's session was last used, if it still exists, has not expired and its user is
     * active; undefined otherwise.
     */
    async lastUsedAtOfLive(userId: string, sessionId: string): Promise<Date | undefined> {
      const row = await firstRow<{ last_used_at: Date }>(
        db,
        sql`select s."last_used_at" from "sessions" s join "users" u on u."id" = s."user_id"
            where s."id" = ${sessionId} and s."user_id" = ${userId} and s."expires_at" > now() and u."is_active"`,
      );
      return row?.last_used_at;
    },

    async touch(userId: string, sessionId: string): Promise<void> {
      await rowCount(
        db,
        sql`update "sessions" set "last_used_at" = now() where "id" = ${sessionId} and "user_id" = ${userId}`,
      );
    },
  };
}
