import { Migration } from '@mikro-orm/migrations';

/**
 * Reminder delivery (issue 15): the browsers that take Web Push ("push_subscriptions") and the daily digest
 * mails that went out ("daily_digests", one per user and local day).
 *
 * The reminder schedule no longer schedules what is already past: a reminder that a change puts more than
 * a minute in the past (a reminder an hour before a task due in ten minutes, the earlier days of a series
 * that caught up, a restore's old tasks) would otherwise go out at once, late, which reads as a bug. A
 * pending job that is still wanted is now kept rather than deleted and inserted again, so a job that is
 * waiting late (the servers were down) survives an unrelated edit of its task.
 */
export class Migration20261129183814_push_and_digests extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "push_subscriptions" ("id" uuid not null default gen_random_uuid(), "user_id" uuid not null, "endpoint" varchar(2048) not null, "p256dh" varchar(256) not null, "auth" varchar(256) not null, "hide_titles" boolean not null default false, "created_at" timestamptz not null default CURRENT_TIMESTAMP, "last_success_at" timestamptz null, constraint "push_subscriptions_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "push_subscriptions_user_id_idx" on "push_subscriptions" ("user_id");`);
    this.addSql(
      `alter table "push_subscriptions" add constraint "push_subscriptions_endpoint_unique" unique ("endpoint");`,
    );

    this.addSql(
      `create table "daily_digests" ("user_id" uuid not null, "local_date" date not null, "status" varchar(16) check ("status" in ('sending', 'sent', 'failed')) not null default 'sending', "claimed_at" timestamptz not null, "sent_at" timestamptz null, "last_error" varchar(500) null, constraint "daily_digests_pkey" primary key ("user_id", "local_date"));`,
    );

    this.addSql(
      `alter table "push_subscriptions" add constraint "push_subscriptions_user_id_fkey" foreign key ("user_id") references "users" ("id") on update no action on delete cascade;`,
    );

    this.addSql(
      `alter table "daily_digests" add constraint "daily_digests_user_id_fkey" foreign key ("user_id") references "users" ("id") on update no action on delete cascade;`,
    );

    this.addSql(`create or replace function "reminder_jobs_schedule"("task_ids" uuid[]) returns void language plpgsql as $$
begin
  if cardinality(task_ids) = 0 then
    return;
  end if;
  with "wanted" as (
    select t."user_id", t."id" as "task_id", (r."ordinality" - 1)::smallint as "reminder_index", f."fire_at"
    from "tasks" t
      left join "user_settings" s on s."user_id" = t."user_id"
      cross join lateral jsonb_array_elements(t."reminders") with ordinality as r("reminder", "ordinality")
      cross join lateral (select case
        when r."reminder" ->> 'at' is not null then (r."reminder" ->> 'at')::timestamptz
        when t."due_date" is null then null
        when t."all_day" then
          (((t."due_date" at time zone 'UTC')::date + time '09:00') at time zone coalesce(s."time_zone", 'UTC'))
            - make_interval(mins => (r."reminder" ->> 'minutesBefore')::int)
        else t."due_date" - make_interval(mins => (r."reminder" ->> 'minutesBefore')::int)
      end as "fire_at") f
    where t."id" = any(task_ids) and t."status" <> 'completed' and f."fire_at" is not null),
  "unwanted" as (
    delete from "reminder_jobs" j
    where j."task_id" = any(task_ids) and j."status" = 'pending'
      and not exists (select 1 from "wanted" w
                      where w."task_id" = j."task_id" and w."reminder_index" = j."reminder_index" and w."fire_at" = j."fire_at"))
  insert into "reminder_jobs" ("user_id", "task_id", "reminder_index", "fire_at")
    select w."user_id", w."task_id", w."reminder_index", w."fire_at" from "wanted" w
    where w."fire_at" >= statement_timestamp() - interval '1 minute'
    on conflict ("task_id", "reminder_index", "fire_at") do nothing;
end
$$;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "push_subscriptions" cascade;`);

    this.addSql(`drop table if exists "daily_digests" cascade;`);
    // Back to deleting and scheduling every reminder of the tasks again, past ones too.
    this.addSql(`create or replace function "reminder_jobs_schedule"("task_ids" uuid[]) returns void language plpgsql as $$
begin
  if cardinality(task_ids) = 0 then
    return;
  end if;
  delete from "reminder_jobs" where "task_id" = any(task_ids) and "status" = 'pending';
  insert into "reminder_jobs" ("user_id", "task_id", "reminder_index", "fire_at")
    select t."user_id", t."id", (r."ordinality" - 1)::smallint, f."fire_at"
    from "tasks" t
      left join "user_settings" s on s."user_id" = t."user_id"
      cross join lateral jsonb_array_elements(t."reminders") with ordinality as r("reminder", "ordinality")
      cross join lateral (select case
        when r."reminder" ->> 'at' is not null then (r."reminder" ->> 'at')::timestamptz
        when t."due_date" is null then null
        when t."all_day" then
          (((t."due_date" at time zone 'UTC')::date + time '09:00') at time zone coalesce(s."time_zone", 'UTC'))
            - make_interval(mins => (r."reminder" ->> 'minutesBefore')::int)
        else t."due_date" - make_interval(mins => (r."reminder" ->> 'minutesBefore')::int)
      end as "fire_at") f
    where t."id" = any(task_ids) and t."status" <> 'completed' and f."fire_at" is not null
    on conflict ("task_id", "reminder_index", "fire_at") do nothing;
end
$$;`);
  }
}
