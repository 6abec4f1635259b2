import { Migration } from '@mikro-orm/migrations';

// At most 100,000 tasks per person (LIMITS.tasksPerUser; a test pins the two together). A trigger, so
// every statement that writes task rows (create, restore, a backup restore, what later features add) is
// held to it. Once per statement and owner, after the rows are in: it takes an advisory lock for that
// owner, held to the end of the transaction, then counts with a fresh snapshot, so of two racing creates
// the second sees the first and cannot overshoot; other people are not held up. The count stops just past
// the limit: an index-only scan of tasks_user_id_idx, microseconds for ordinary users. `create or replace`:
// a restore drops the tables (and so the trigger) but not this function before migrating again.
export class Migration20261129094500_task_limit extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create or replace function "tasks_enforce_limit"() returns trigger language plpgsql as $$
declare
  owner uuid;
begin
  for owner in select distinct "user_id" from "inserted" order by "user_id" loop
    perform pg_advisory_xact_lock(7428310, hashtext(owner::text));
    if (select count(*) from (select 1 from "tasks" where "user_id" = owner limit 100001) as "held") > 100000 then
      raise exception 'task limit reached' using errcode = 'TL001';
    end if;
  end loop;
  return null;
end
$$;`);
    this.addSql(
      `create trigger "tasks_enforce_limit" after insert on "tasks" referencing new table as "inserted" for each statement execute function "tasks_enforce_limit"();`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists "tasks_enforce_limit" on "tasks";`);
    this.addSql(`drop function if exists "tasks_enforce_limit"();`);
  }
}
