import { Migration } from '@mikro-orm/migrations';

/**
 * All-day due dates and per-user settings (issue 12).
 *
 * Existing tasks: before this migration no time zone was stored for anyone, so nobody's "local midnight"
 * can be known. A due date at 00:00 in the creator's zone cannot be told from a real 00:00 (or, in another
 * zone, 18:00) appointment, so every existing task is left timed (`all_day = false`) with its due date
 * unchanged. Accounts get no settings row; `account.settings` answers the defaults (UTC) until saved.
 */
export class Migration20261129093114_all_day_and_settings extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "user_settings" ("user_id" uuid not null, "time_zone" varchar(64) not null default 'UTC', "week_start" smallint not null default 1, "email_reminders" boolean not null default true, "push_reminders" boolean not null default true, "daily_digest_at" varchar(5) null, constraint "user_settings_pkey" primary key ("user_id"));`,
    );
    this.addSql(
      `alter table "user_settings" add constraint "user_settings_user_id_fkey" foreign key ("user_id") references "users" ("id") on update no action on delete cascade;`,
    );
    this.addSql(`alter table "tasks" add column "all_day" boolean not null default false;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "user_settings" cascade;`);
    this.addSql(`alter table "tasks" drop column "all_day";`);
  }
}
