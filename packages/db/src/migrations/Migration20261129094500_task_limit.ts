import { Migration } from '@mikro-orm/migrations';

// At most 100,000 tasks per person (LIMITS.tasksPerUser; a test pins the two together). A trigger, so
// every way a task row is written (create, restore, what later features add) is held to it. One person's
// inserts take turns on an advisory lock held to the end of their transaction, so the count, taken after
// the lock, sees every task committed before and concurrent creates cannot overshoot; other people are not
// held up. The count stops at the limit: an index-only scan of at most that many entries of
// tasks_user_id_idx, microseconds for ordinary users.
export class Migration20261129094500_task_limit extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create function "tasks_enforce_limit"() returns trigger language plpgsql as $$
begin
  perform pg_advisory_xact_lock(7428310, hashtext(new."user_id"::text));
  if (select count(*) from (select 1 from "tasks" where "user_id" = new."user_id" limit 100000) as "held") >= 100000 then
    raise exception 'task limit reached' using errcode = 'TL001';
  end if;
  return new;
end
$$;`);
    this.addSql(
      `create trigger "tasks_enforce_limit" before insert on "tasks" for each row execute function "tasks_enforce_limit"();`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists "tasks_enforce_limit" on "tasks";`);
    this.addSql(`drop function if exists "tasks_enforce_limit"();`);
  }
}
