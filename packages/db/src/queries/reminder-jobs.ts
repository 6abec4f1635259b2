import { DEFAULT_SETTINGS, type DeliveredReminder } from '@taskapp/shared';
import type { Queryable } from '../pg.js';
import { firstRow, rowCount, rows, sql } from './sql.js';

// The reminder worker's statements (issue 15). The schedule itself is written by triggers
// (Migration20261129164329_reminder_jobs); these claim, settle and retry it.

/**
 * Claimed this long after its time, a reminder still counts as on time: a poll interval, and a burst (100,000
 * reminders in one minute take up to 2 minutes to go out) is busy, not late. Later it says it is late.
 */
export const REMINDER_ON_TIME_MS = 2 * 60_000;
/** Later than this, a reminder is no use any more: dropped, not sent. */
export const REMINDER_GRACE_MS = 60 * 60_000;
/** Waits before the 2nd, 3rd and 4th attempt; a 4th failure is final. */
export const REMINDER_BACKOFF_MS = [60_000, 5 * 60_000, 30 * 60_000] as const;
/** A job still sending after this was left by a crashed worker. */
export const REMINDER_STALE_SENDING_MS = 10 * 60_000;

export interface ClaimedReminder {
  id: string;
  taskId: string;
  reminderIndex: number;
  fireAt: Date;
  /** 1 on the first try. */
  attempts: number;
  /** Claimed after its on-time window (but within the grace window). */
  late: boolean;
  title: string;
  dueDate: Date | null;
  allDay: boolean;
  /** The owner's settings time zone (UTC without settings): how the reminder words the due date. */
  timeZone: string;
  userId: string;
  email: string;
  emailReminders: boolean;
  pushReminders: boolean;
  /** Mail goes only to an address its owner confirmed (nobody can aim reminders at someone else's inbox). */
  emailVerified: boolean;
  active: boolean;
}

export interface ClaimResult {
  claimed: ClaimedReminder[];
  /** Jobs found past the grace window and dropped by this claim (they count against its limit). */
  dropped: number;
}

interface ClaimRow {
  id: string;
  task_id: string;
  reminder_index: number;
  fire_at: Date;
  attempts: number;
  status: 'sending' | 'dropped';
  late: boolean;
  title: string;
  due_date: Date | null;
  all_day: boolean;
  time_zone: string | null;
  user_id: string;
  email: string;
  email_reminders: boolean | null;
  push_reminders: boolean | null;
  is_verified: boolean;
  is_active: boolean;
}

export function reminderJobQueries(db: Queryable) {
  return {
    /**
     * Atomically takes up to `limit` due pending jobs, oldest first: each becomes 'sending' (claimed at
     * `now`, one more attempt) or, when more than the grace window late, 'dropped'. Rows another claimer
     * holds are skipped, so two workers never take the same job.
     */
    async claimDue(now: Date, limit: number): Promise<ClaimResult> {
      const tooLate = new Date(now.getTime() - REMINDER_GRACE_MS);
      const onTime = new Date(now.getTime() - REMINDER_ON_TIME_MS);
      const found = await rows<ClaimRow>(
        db,
        sql`with "due" as (
              select "id" from "reminder_jobs"
              where "status" = 'pending' and "fire_at" <= ${now}
                and ("next_attempt_at" is null or "next_attempt_at" <= ${now})
              order by "status", "fire_at"
              limit ${limit}
              for update skip locked),
            "taken" as (
              update "reminder_jobs" j
              set "status" = case when j."fire_at" < ${tooLate} then 'dropped' else 'sending' end,
                  "claimed_at" = ${now},
                  "attempts" = j."attempts" + case when j."fire_at" < ${tooLate} then 0 else 1 end
              from "due" where j."id" = "due"."id"
              returning j."id", j."task_id", j."user_id", j."reminder_index", j."fire_at", j."attempts", j."status")
            select k."id", k."task_id", k."reminder_index", k."fire_at", k."attempts", k."status",
                   k."fire_at" < ${onTime} as "late", t."title", t."due_date", t."all_day", s."time_zone", k."user_id", u."email", u."is_verified", u."is_active",
                   s."email_reminders", s."push_reminders"
            from "taken" k
              join "tasks" t on t."id" = k."task_id"
              join "users" u on u."id" = k."user_id"
              left join "user_settings" s on s."user_id" = k."user_id"
            order by k."fire_at", k."id"`,
      );
      const claimed = found
        .filter((row) => row.status === 'sending')
        .map(
          (row): ClaimedReminder => ({
            id: row.id,
            taskId: row.task_id,
            reminderIndex: row.reminder_index,
            fireAt: row.fire_at,
            attempts: row.attempts,
            late: row.late,
            title: row.title,
            dueDate: row.due_date,
            allDay: row.all_day,
            timeZone: row.time_zone ?? DEFAULT_SETTINGS.timeZone,
            userId: row.user_id,
            email: row.email,
            emailReminders: row.email_reminders ?? DEFAULT_SETTINGS.emailReminders,
            pushReminders: row.push_reminders ?? DEFAULT_SETTINGS.pushReminders,
            emailVerified: row.is_verified,
            active: row.is_active,
          }),
        );
      return { claimed, dropped: found.length - claimed.length };
    },

    /** Delivered, many at once: 'late' when claimed late. Returns how many were still being sent. */
    async markSentMany(ids: readonly string[], now: Date, late: boolean): Promise<number> {
      if (ids.length === 0) return 0;
      return rowCount(
        db,
        sql`update "reminder_jobs" set "status" = ${late ? 'late' : 'sent'}, "sent_at" = ${now}, "last_error" = null
            where "id" = any(${ids}::uuid[]) and "status" = 'sending'`,
      );
    },

    /** The user's latest delivered reminders, newest first: the web app's bell list. */
    async recent(userId: string, limit: number): Promise<DeliveredReminder[]> {
      const found = await rows<{
        id: string;
        task_id: string;
        title: string;
        fire_at: Date;
        sent_at: Date;
        status: string;
      }>(
        db,
        sql`select j."id", j."task_id", t."title", j."fire_at", j."sent_at", j."status"
            from "reminder_jobs" j join "tasks" t on t."id" = j."task_id"
            where j."user_id" = ${userId} and j."status" in ('sent', 'late')
            order by j."sent_at" desc, j."id" desc
            limit ${limit}`,
      );
      return found.map((row) => ({
        id: row.id,
        taskId: row.task_id,
        title: row.title,
        fireAt: row.fire_at,
        sentAt: row.sent_at,
        late: row.status === 'late',
      }));
    },

    /**
     * When the user's earliest reminder not yet delivered is due (null when none is). One being sent right
     * now counts: it lands in the recent list in a moment, so the bell should ask again soon.
     */
    async nextUndelivered(userId: string): Promise<Date | null> {
      const row = await firstRow<{ next: Date | null }>(
        db,
        sql`select min("fire_at") as "next" from "reminder_jobs" where "user_id" = ${userId} and "status" in ('pending', 'sending')`,
      );
      return row?.next ?? null;
    },

    /** Settled jobs older than `before` are history: removed by maintenance (pending and sending stay). */
    async prune(before: Date): Promise<number> {
      return rowCount(
        db,
        sql`delete from "reminder_jobs" where "status" in ('sent', 'late', 'dropped', 'failed') and "fire_at" < ${before}`,
      );
    },

    /** Delivered: 'late' when it was claimed late. False when the job was not being sent (stale, gone). */
    async markSent(id: string, now: Date, late: boolean): Promise<boolean> {
      const count = await rowCount(
        db,
        sql`update "reminder_jobs" set "status" = ${late ? 'late' : 'sent'}, "sent_at" = ${now}, "last_error" = null
            where "id" = ${id} and "status" = 'sending'`,
      );
      return count === 1;
    },

    /**
     * Not delivered: back to pending after a backoff (1, 5, 30 minutes), or 'failed' after the 4th
     * attempt. Returns the status it ends in, or null when the job was not being sent.
     */
    async markFailed(id: string, now: Date, error: string): Promise<'pending' | 'failed' | null> {
      const backoffSeconds = REMINDER_BACKOFF_MS.map((ms) => ms / 1000);
      // The backoff array indexed by attempts so far: null past its end, and then the job has failed.
      const backoff = sql`(${backoffSeconds}::int[])["attempts"]`;
      const row = await firstRow<{ status: 'pending' | 'failed' }>(
        db,
        sql`update "reminder_jobs"
            set "status" = case when ${backoff} is null then 'failed' else 'pending' end,
                "next_attempt_at" = ${now}::timestamptz + make_interval(secs => ${backoff}),
                "last_error" = ${error.slice(0, 500)}
            where "id" = ${id} and "status" = 'sending'
            returning "status"`,
      );
      return row?.status ?? null;
    },

    /**
     * Jobs left in 'sending' longer than the stale limit (a worker crashed mid-send) become 'failed': they
     * may have gone out, and a reminder is never sent twice. Returns how many.
     */
    async releaseStale(now: Date, staleAfterMs = REMINDER_STALE_SENDING_MS): Promise<number> {
      return rowCount(
        db,
        sql`update "reminder_jobs" set "status" = 'failed', "last_error" = 'still sending when a worker stopped'
            where "status" = 'sending' and "claimed_at" < ${new Date(now.getTime() - staleAfterMs)}`,
      );
    },
  };
}
