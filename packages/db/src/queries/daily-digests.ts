import type { Queryable } from '../pg.js';
import { rowCount, rows, sql } from './sql.js';

/**
 * A digest found this late (the servers were down at its time) still goes out; later than this it would
 * arrive at an odd hour about a day half gone, so that day's is skipped.
 */
export const DIGEST_GRACE_MS = 3 * 60 * 60_000;

export interface ClaimedDigest {
  userId: string;
  email: string;
  timeZone: string;
  /** The user's calendar day the digest is for, as YYYY-MM-DD. */
  localDate: string;
  /** When it was due: an instant on that day, to read "today" as that day (it may be claimed after midnight). */
  sendAt: Date;
}

interface ClaimRow {
  user_id: string;
  email: string;
  time_zone: string;
  local_date: string;
  send_at: Date;
}

export function dailyDigestQueries(db: Queryable) {
  return {
    /**
     * Takes up to `limit` digests whose time has come: for each verified, active user with a digest time,
     * the local day (today or yesterday in their zone) whose digest time, read in their zone, is at or
     * before `now` and within the grace window, and that has no digest row yet. The row is written before
     * the mail goes out, so two instances (or a restart) never send a day's digest twice. On the day the
     * clocks go forward a time that does not exist that day is read an hour later; on the day they go back
     * the first of the two is used.
     */
    async claimDue(now: Date, limit: number): Promise<ClaimedDigest[]> {
      const found = await rows<ClaimRow>(
        db,
        sql`with "due" as (
              select s."user_id", d."local_date", t."send_at"
              from "user_settings" s
                join "users" u on u."id" = s."user_id" and u."is_active" and u."is_verified"
                cross join lateral (values
                  ((${now}::timestamptz at time zone s."time_zone")::date),
                  ((${now}::timestamptz at time zone s."time_zone")::date - 1)) d("local_date")
                cross join lateral (select d."local_date" + s."daily_digest_at"::time as "local_at") l
                -- PostgreSQL reads a repeated local time as the later (standard time) instant; the earlier
                -- reading, when there is one, is an hour (or half an hour) before it and shows the same time.
                cross join lateral (select coalesce(
                  (select min(c."at") from (values
                      ((l."local_at" at time zone s."time_zone") - interval '1 hour'),
                      ((l."local_at" at time zone s."time_zone") - interval '30 minutes')) c("at")
                    where c."at" at time zone s."time_zone" = l."local_at"),
                  l."local_at" at time zone s."time_zone") as "send_at") t
              where s."daily_digest_at" is not null
                and t."send_at" <= ${now}
                and t."send_at" > ${new Date(now.getTime() - DIGEST_GRACE_MS)}
                and not exists (select 1 from "daily_digests" g
                                where g."user_id" = s."user_id" and g."local_date" = d."local_date")
              limit ${limit}),
            "taken" as (
              insert into "daily_digests" ("user_id", "local_date", "status", "claimed_at")
              select "user_id", "local_date", 'sending', ${now} from "due"
              on conflict do nothing
              returning "user_id", "local_date")
            select k."user_id", u."email", s."time_zone", to_char(k."local_date", 'YYYY-MM-DD') as "local_date",
                   d."send_at"
            from "taken" k
              join "due" d on d."user_id" = k."user_id" and d."local_date" = k."local_date"
              join "users" u on u."id" = k."user_id"
              join "user_settings" s on s."user_id" = k."user_id"
            order by k."user_id"`,
      );
      return found.map((row) => ({
        userId: row.user_id,
        email: row.email,
        timeZone: row.time_zone,
        localDate: row.local_date,
        sendAt: row.send_at,
      }));
    },

    async markSent(userId: string, localDate: string, now: Date): Promise<void> {
      await rowCount(
        db,
        sql`update "daily_digests" set "status" = 'sent', "sent_at" = ${now}
            where "user_id" = ${userId} and "local_date" = ${localDate}::date and "status" = 'sending'`,
      );
    },

    /** Not retried: the next day's digest carries the same tasks. */
    async markFailed(userId: string, localDate: string, error: string): Promise<void> {
      await rowCount(
        db,
        sql`update "daily_digests" set "status" = 'failed', "last_error" = ${error.slice(0, 500)}
            where "user_id" = ${userId} and "local_date" = ${localDate}::date and "status" = 'sending'`,
      );
    },

    /** Digest rows older than this are history nobody reads: removed by maintenance. */
    async prune(before: Date): Promise<number> {
      return rowCount(db, sql`delete from "daily_digests" where "claimed_at" < ${before}`);
    },
  };
}
