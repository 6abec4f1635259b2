import type { Queryable } from '../pg.js';
import { rowCount, rows, sql } from './sql.js';

/** A user keeps at most this many browsers subscribed; subscribing another drops the oldest. */
export const PUSH_SUBSCRIPTIONS_PER_USER = 20;

export interface PushTarget {
  id: string;
  userId: string;
  endpoint: string;
  p256dh: string;
  auth: string;
  hideTitles: boolean;
}

export interface NewPushSubscription {
  endpoint: string;
  p256dh: string;
  auth: string;
  hideTitles: boolean;
}

interface TargetRow {
  id: string;
  user_id: string;
  endpoint: string;
  p256dh: string;
  auth: string;
  hide_titles: boolean;
}

const toTarget = (row: TargetRow): PushTarget => ({
  id: row.id,
  userId: row.user_id,
  endpoint: row.endpoint,
  p256dh: row.p256dh,
  auth: row.auth,
  hideTitles: row.hide_titles,
});

export function pushSubscriptionQueries(db: Queryable) {
  return {
    /**
     * Saves this browser's subscription for the user. An endpoint is one browser profile: if another
     * account had it (someone else signed in there before), it now belongs to this one.
     */
    async subscribe(userId: string, subscription: NewPushSubscription): Promise<void> {
      await rowCount(
        db,
        sql`with "saved" as (
              insert into "push_subscriptions" ("user_id", "endpoint", "p256dh", "auth", "hide_titles")
              values (${userId}, ${subscription.endpoint}, ${subscription.p256dh}, ${subscription.auth}, ${subscription.hideTitles})
              on conflict ("endpoint") do update
                set "user_id" = excluded."user_id", "p256dh" = excluded."p256dh", "auth" = excluded."auth",
                    "hide_titles" = excluded."hide_titles", "created_at" = now()
              returning "id")
            delete from "push_subscriptions" where "id" in (
              select "id" from "push_subscriptions" where "user_id" = ${userId}
                and "id" not in (select "id" from "saved")
              order by "created_at" desc, "id" offset ${PUSH_SUBSCRIPTIONS_PER_USER - 1})`,
      );
    },

    /** Whether the user had this endpoint. */
    async unsubscribe(userId: string, endpoint: string): Promise<boolean> {
      const count = await rowCount(
        db,
        sql`delete from "push_subscriptions" where "user_id" = ${userId} and "endpoint" = ${endpoint}`,
      );
      return count > 0;
    },

    /** Every subscribed browser of these users. */
    async targetsOf(userIds: readonly string[]): Promise<PushTarget[]> {
      if (userIds.length === 0) return [];
      const found = await rows<TargetRow>(
        db,
        sql`select "id", "user_id", "endpoint", "p256dh", "auth", "hide_titles" from "push_subscriptions"
            where "user_id" = any(${userIds}::uuid[]) order by "created_at", "id"`,
      );
      return found.map(toTarget);
    },

    /** The push service said the subscription is gone (404, 410): forget it. */
    async remove(ids: readonly string[]): Promise<number> {
      if (ids.length === 0) return 0;
      return rowCount(db, sql`delete from "push_subscriptions" where "id" = any(${ids}::uuid[])`);
    },

    async markDelivered(ids: readonly string[], now: Date): Promise<void> {
      if (ids.length === 0) return;
      await rowCount(
        db,
        sql`update "push_subscriptions" set "last_success_at" = ${now} where "id" = any(${ids}::uuid[])`,
      );
    },
  };
}
