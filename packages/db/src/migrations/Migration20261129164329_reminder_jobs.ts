import { Migration } from '@mikro-orm/migrations';

/**
 * The reminder schedule (issue 15): "reminder_jobs", kept true by triggers so that no write path (the API,
 * bulk, recurring spawns, restore, a backup load) can forget it. Statement-level with transition tables:
 * one pass per statement, however many rows it wrote.
 *
 * When a task is inserted, or an update changes its due date, all-day flag, reminders or status, its
 * pending jobs are replaced by the current ones; a completed task has none (a deleted one loses them with
 * its row). When a user's time zone changes, their all-day tasks' jobs are recomputed. Jobs already
 * sending, sent, late, dropped or failed are never touched, and the unique key keeps a replacement from
 * scheduling the same reminder of the same occurrence again: a change never sends one twice.
 *
 * When a reminder fires: `{ at }` at that instant; `{ minutesBefore }` that long before the due instant,
 * where an ALL-DAY task's due instant is 09:00 LOCAL on its calendar day in the owner's time zone (UTC when
 * they saved no settings). Without a due date, `{ minutesBefore }` schedules nothing.
 */
export class Migration20261129164329_reminder_jobs extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "reminder_jobs" ("id" uuid not null default gen_random_uuid(), "user_id" uuid not null, "task_id" uuid not null, "reminder_index" smallint not null, "fire_at" timestamptz not null, "status" varchar(16) check ("status" in ('pending', 'sending', 'sent', 'late', 'dropped', 'failed')) not null default 'pending', "attempts" int not null default 0, "next_attempt_at" timestamptz null, "claimed_at" timestamptz null, "sent_at" timestamptz null, "last_error" varchar(500) null, "created_at" timestamptz not null default CURRENT_TIMESTAMP, constraint "reminder_jobs_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "reminder_jobs_pending_fire_at_idx" on "reminder_jobs" ("status", "fire_at") where "status" = 'pending';`,
    );
    this.addSql(
      `create index "reminder_jobs_sending_claimed_at_idx" on "reminder_jobs" ("claimed_at") where "status" = 'sending';`,
    );
    this.addSql(`create index "reminder_jobs_user_id_idx" on "reminder_jobs" ("user_id");`);
    this.addSql(
      `alter table "reminder_jobs" add constraint "reminder_jobs_task_id_reminder_index_fire_at_unique" unique ("task_id", "reminder_index", "fire_at");`,
    );

    this.addSql(
      `alter table "reminder_jobs" add constraint "reminder_jobs_user_id_fkey" foreign key ("user_id") references "users" ("id") on update no action on delete cascade;`,
    );
    this.addSql(
      `alter table "reminder_jobs" add constraint "reminder_jobs_task_id_fkey" foreign key ("task_id") references "tasks" ("id") on update no action on delete cascade;`,
    );

    // Replaces the pending jobs of these tasks by their current reminders. All-day reminders are
    // relative to 09:00 local time on the due day, in the owner's time zone.
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

    this.addSql(`create or replace function "reminder_jobs_tasks_inserted"() returns trigger language plpgsql as $$
begin
  perform "reminder_jobs_schedule"(array(select w."id" from "written" w where w."reminders" <> '[]'::jsonb));
  return null;
end
$$;`);

    // Only tasks whose schedule can have changed: most updates (title, order, project) pass straight by.
    this.addSql(`create or replace function "reminder_jobs_tasks_updated"() returns trigger language plpgsql as $$
begin
  perform "reminder_jobs_schedule"(array(
    select n."id" from "written" n join "replaced" o on o."id" = n."id"
    where (n."reminders" <> '[]'::jsonb or o."reminders" <> '[]'::jsonb)
      and (n."due_date" is distinct from o."due_date" or n."all_day" is distinct from o."all_day"
           or n."reminders" is distinct from o."reminders" or n."status" is distinct from o."status")));
  return null;
end
$$;`);

    // A new or changed time zone moves the reminders of the owner's open all-day tasks.
    this.addSql(`create or replace function "reminder_jobs_time_zone_changed"() returns trigger language plpgsql as $$
begin
  if TG_OP = 'INSERT' then
    perform "reminder_jobs_schedule"(array(
      select t."id" from "written" n join "tasks" t on t."user_id" = n."user_id"
      where t."all_day" and t."status" <> 'completed' and t."reminders" <> '[]'::jsonb));
  else
    perform "reminder_jobs_schedule"(array(
      select t."id" from "written" n join "replaced" o on o."user_id" = n."user_id"
        join "tasks" t on t."user_id" = n."user_id"
      where n."time_zone" is distinct from o."time_zone"
        and t."all_day" and t."status" <> 'completed' and t."reminders" <> '[]'::jsonb));
  end if;
  return null;
end
$$;`);

    // A transition table can't go with a column list (UPDATE OF): the functions compare the columns.
    this.addSql(
      `create trigger "tasks_reminder_jobs_insert" after insert on "tasks" referencing new table as "written" for each statement execute function "reminder_jobs_tasks_inserted"();`,
    );
    this.addSql(
      `create trigger "tasks_reminder_jobs_update" after update on "tasks" referencing old table as "replaced" new table as "written" for each statement execute function "reminder_jobs_tasks_updated"();`,
    );
    this.addSql(
      `create trigger "user_settings_reminder_jobs_insert" after insert on "user_settings" referencing new table as "written" for each statement execute function "reminder_jobs_time_zone_changed"();`,
    );
    this.addSql(
      `create trigger "user_settings_reminder_jobs_update" after update on "user_settings" referencing old table as "replaced" new table as "written" for each statement execute function "reminder_jobs_time_zone_changed"();`,
    );

    // Tasks that already have reminders get their schedule now.
    this.addSql(
      `select "reminder_jobs_schedule"(array(select "id" from "tasks" where "status" <> 'completed' and "reminders" <> '[]'::jsonb));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists "tasks_reminder_jobs_insert" on "tasks";`);
    this.addSql(`drop trigger if exists "tasks_reminder_jobs_update" on "tasks";`);
    this.addSql(`drop trigger if exists "user_settings_reminder_jobs_insert" on "user_settings";`);
    this.addSql(`drop trigger if exists "user_settings_reminder_jobs_update" on "user_settings";`);
    this.addSql(`drop function if exists "reminder_jobs_tasks_inserted"();`);
    this.addSql(`drop function if exists "reminder_jobs_tasks_updated"();`);
    this.addSql(`drop function if exists "reminder_jobs_time_zone_changed"();`);
    this.addSql(`drop function if exists "reminder_jobs_schedule"(uuid[]);`);
    this.addSql(`drop table if exists "reminder_jobs" cascade;`);
  }
}
