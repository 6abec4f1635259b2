import { Migration } from '@mikro-orm/migrations';

/**
 * An all-day task's reminders count back from 09:00 local on the wall clock, not in elapsed minutes: "1 day
 * before" a task due on the day the clocks change is 09:00 the day before, as the person means it (it was
 * 08:00 or 10:00). Timed tasks keep counting elapsed minutes back from their due instant.
 */
export class Migration20261130013000_all_day_reminders_wall_clock extends Migration {
  override async up(): Promise<void> {
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
          ((((t."due_date" at time zone 'UTC')::date + time '09:00')
            - make_interval(mins => (r."reminder" ->> 'minutesBefore')::int))
            at time zone coalesce(s."time_zone", 'UTC'))
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
}
