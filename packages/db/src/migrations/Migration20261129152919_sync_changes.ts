import { Migration } from '@mikro-orm/migrations';

/**
 * The change log of live sync (issue 14, decision 011).
 *
 * Triggers write it, in the same transaction as the write itself, for every statement on tasks, projects,
 * labels, task_labels (a task's labels changed: the task changed) and user_settings, so every path (the
 * API, bulk, restore, a backup restore, what later features add, foreign-key actions such as a deleted
 * project moving its tasks to the Inbox) is logged. Statement-level with transition tables: one insert
 * per statement, however many rows it wrote. Nothing is logged for a user being deleted, whichever order
 * PostgreSQL runs the cascades in (the change would outlive its owner and break its foreign key).
 *
 * Each statement also NOTIFYs `taskapp_sync` once per owner ('c:' + user id); PostgreSQL delivers it only
 * on commit, and only wakes the readers: the log is the truth. Ending sessions notify too ('s:' + session
 * id when a session row goes; 'u:' + user id when a user is deactivated), so every API instance ends
 * that session's streams and forgets it in its session cache.
 */
export class Migration20261129152919_sync_changes extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "change_log_horizon" ("id" smallint not null default 1, "xid" xid8 not null, "change_id" bigint not null, constraint "change_log_horizon_pkey" primary key ("id"));`,
    );

    this.addSql(
      `create table "changes" ("id" bigserial primary key, "xid" xid8 not null default pg_current_xact_id(), "user_id" uuid not null, "entity" varchar(16) check ("entity" in ('task', 'project', 'label', 'settings')) not null, "entity_id" uuid not null, "op" varchar(16) check ("op" in ('upsert', 'delete')) not null, "at" timestamptz not null default CURRENT_TIMESTAMP);`,
    );
    this.addSql(`create index "changes_user_id_xid_id_idx" on "changes" ("user_id", "xid", "id");`);
    this.addSql(`create index "changes_at_idx" on "changes" ("at");`);

    this.addSql(
      `alter table "changes" add constraint "changes_user_id_fkey" foreign key ("user_id") references "users" ("id") on update no action on delete cascade;`,
    );

    // TG_ARGV[0]: the entity; rows come from the transition tables "written" (insert, update) or
    // "removed" (delete), which carry "user_id" and "id". Owners that no longer exist are skipped.
    this.addSql(`create or replace function "changes_log_rows"() returns trigger language plpgsql as $$
begin
  if TG_OP = 'DELETE' then
    insert into "changes" ("user_id", "entity", "entity_id", "op")
      select r."user_id", TG_ARGV[0], r."id", 'delete' from "removed" r
      where exists (select 1 from "users" u where u."id" = r."user_id");
    perform pg_notify('taskapp_sync', 'c:' || o."user_id") from (select distinct "user_id" from "removed") o;
  else
    insert into "changes" ("user_id", "entity", "entity_id", "op")
      select r."user_id", TG_ARGV[0], r."id", 'upsert' from "written" r
      where exists (select 1 from "users" u where u."id" = r."user_id");
    perform pg_notify('taskapp_sync', 'c:' || o."user_id") from (select distinct "user_id" from "written") o;
  end if;
  return null;
end
$$;`);

    // A label added to or taken off a task is a change of that task, unless the task itself is gone.
    this.addSql(`create or replace function "changes_log_task_labels"() returns trigger language plpgsql as $$
begin
  if TG_OP = 'DELETE' then
    insert into "changes" ("user_id", "entity", "entity_id", "op")
      select distinct r."user_id", 'task', r."task_id", 'upsert' from "removed" r
      where exists (select 1 from "tasks" t where t."id" = r."task_id")
        and exists (select 1 from "users" u where u."id" = r."user_id");
    perform pg_notify('taskapp_sync', 'c:' || o."user_id") from (select distinct "user_id" from "removed") o;
  else
    insert into "changes" ("user_id", "entity", "entity_id", "op")
      select distinct r."user_id", 'task', r."task_id", 'upsert' from "written" r
      where exists (select 1 from "users" u where u."id" = r."user_id");
    perform pg_notify('taskapp_sync', 'c:' || o."user_id") from (select distinct "user_id" from "written") o;
  end if;
  return null;
end
$$;`);

    // Settings are one row per user, named by the user's id.
    this.addSql(`create or replace function "changes_log_settings"() returns trigger language plpgsql as $$
begin
  insert into "changes" ("user_id", "entity", "entity_id", "op")
    select r."user_id", 'settings', r."user_id", 'upsert' from "written" r
    where exists (select 1 from "users" u where u."id" = r."user_id");
  perform pg_notify('taskapp_sync', 'c:' || o."user_id") from (select distinct "user_id" from "written") o;
  return null;
end
$$;`);

    this.addSql(`create or replace function "sessions_notify_ended"() returns trigger language plpgsql as $$
begin
  perform pg_notify('taskapp_sync', 's:' || r."id") from "removed" r;
  return null;
end
$$;`);

    this.addSql(`create or replace function "users_notify_deactivated"() returns trigger language plpgsql as $$
begin
  perform pg_notify('taskapp_sync', 'u:' || r."id") from "written" r where not r."is_active";
  return null;
end
$$;`);

    for (const [table, entity] of [
      ['tasks', 'task'],
      ['projects', 'project'],
      ['labels', 'label'],
    ] as const) {
      this.addRowsTriggers(table, `"changes_log_rows"('${entity}')`);
    }
    this.addRowsTriggers('task_labels', `"changes_log_task_labels"()`);
    for (const event of ['insert', 'update'] as const) {
      this.addSql(
        `create trigger "user_settings_log_${event}" after ${event} on "user_settings" referencing new table as "written" for each statement execute function "changes_log_settings"();`,
      );
    }
    this.addSql(
      `create trigger "sessions_notify_ended" after delete on "sessions" referencing old table as "removed" for each statement execute function "sessions_notify_ended"();`,
    );
    this.addSql(
      `create trigger "users_notify_deactivated" after update on "users" referencing new table as "written" for each statement execute function "users_notify_deactivated"();`,
    );
  }

  /** A transition table names one event's rows, so each event has a trigger of its own. */
  private addRowsTriggers(table: string, call: string): void {
    this.addSql(
      `create trigger "${table}_log_insert" after insert on "${table}" referencing new table as "written" for each statement execute function ${call};`,
    );
    this.addSql(
      `create trigger "${table}_log_update" after update on "${table}" referencing new table as "written" for each statement execute function ${call};`,
    );
    this.addSql(
      `create trigger "${table}_log_delete" after delete on "${table}" referencing old table as "removed" for each statement execute function ${call};`,
    );
  }

  override async down(): Promise<void> {
    for (const table of ['tasks', 'projects', 'labels', 'task_labels']) {
      for (const event of ['insert', 'update', 'delete']) {
        this.addSql(`drop trigger if exists "${table}_log_${event}" on "${table}";`);
      }
    }
    this.addSql(`drop trigger if exists "user_settings_log_insert" on "user_settings";`);
    this.addSql(`drop trigger if exists "user_settings_log_update" on "user_settings";`);
    this.addSql(`drop trigger if exists "sessions_notify_ended" on "sessions";`);
    this.addSql(`drop trigger if exists "users_notify_deactivated" on "users";`);
    for (const fn of [
      'changes_log_rows',
      'changes_log_task_labels',
      'changes_log_settings',
      'sessions_notify_ended',
      'users_notify_deactivated',
    ]) {
      this.addSql(`drop function if exists "${fn}"();`);
    }
    this.addSql(`drop table if exists "change_log_horizon" cascade;`);
    this.addSql(`drop table if exists "changes" cascade;`);
  }
}
