import { Migration } from '@mikro-orm/migrations';

/**
 * Projects, labels, subtasks and manual order (issue 13).
 *
 * Existing tasks stay in the Inbox at the top level, and their manual order starts as the order people
 * saw them in (newest first): each person's tasks get fractional-indexing keys "d" + four base-62 digits
 * (room for 14 million), numbered by creation, newest first.
 */
export class Migration20261129123402_organisation extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "projects" ("id" uuid not null default gen_random_uuid(), "user_id" uuid not null, "name" varchar(255) not null, "color" varchar(20) not null default 'grey', "position" text not null, "archived_at" timestamptz null, "created_at" timestamptz not null default CURRENT_TIMESTAMP, "updated_at" timestamptz not null default CURRENT_TIMESTAMP, constraint "projects_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "projects_user_id_position_idx" on "projects" ("user_id", ("position" collate "C"), "id");`,
    );

    this.addSql(
      `create table "labels" ("id" uuid not null default gen_random_uuid(), "user_id" uuid not null, "name" varchar(255) not null, "color" varchar(20) not null default 'grey', "created_at" timestamptz not null default CURRENT_TIMESTAMP, "updated_at" timestamptz not null default CURRENT_TIMESTAMP, constraint "labels_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create unique index "labels_user_id_lower_name_key" on "labels" ("user_id", lower("name"));`,
    );

    this.addSql(
      `create table "task_labels" ("task_id" uuid not null, "label_id" uuid not null, "user_id" uuid not null, constraint "task_labels_pkey" primary key ("task_id", "label_id"));`,
    );
    this.addSql(
      `create index "task_labels_user_id_label_id_task_id_idx" on "task_labels" ("user_id", "label_id", "task_id");`,
    );

    this.addSql(
      `alter table "projects" add constraint "projects_user_id_fkey" foreign key ("user_id") references "users" ("id") on update no action on delete cascade;`,
    );

    this.addSql(
      `alter table "labels" add constraint "labels_user_id_fkey" foreign key ("user_id") references "users" ("id") on update no action on delete cascade;`,
    );

    this.addSql(
      `alter table "task_labels" add constraint "task_labels_task_id_fkey" foreign key ("task_id") references "tasks" ("id") on update no action on delete cascade;`,
    );
    this.addSql(
      `alter table "task_labels" add constraint "task_labels_label_id_fkey" foreign key ("label_id") references "labels" ("id") on update no action on delete cascade;`,
    );
    this.addSql(
      `alter table "task_labels" add constraint "task_labels_user_id_fkey" foreign key ("user_id") references "users" ("id") on update no action on delete cascade;`,
    );

    this.addSql(
      `alter table "tasks" add column "project_id" uuid null, add column "parent_id" uuid null, add column "position" text not null default 'a0';`,
    );
    this.addSql(
      `alter table "tasks" add constraint "tasks_project_id_fkey" foreign key ("project_id") references "projects" ("id") on update no action on delete set null;`,
    );
    this.addSql(
      `alter table "tasks" add constraint "tasks_parent_id_fkey" foreign key ("parent_id") references "tasks" ("id") on update no action on delete cascade;`,
    );
    this.addSql(`update "tasks" set "position" = "numbered"."key"
      from (
        select "id", 'd' || (
          select string_agg(substr('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz',
                                   ("n" / (62 ^ "digit")::bigint % 62)::int + 1, 1), '' order by "digit" desc)
          from generate_series(0, 3) as "digit"
        ) as "key"
        from (
          select "id", row_number() over (partition by "user_id" order by "created_at" desc, "id" desc) as "n"
          from "tasks"
        ) as "ranked"
      ) as "numbered"
      where "tasks"."id" = "numbered"."id";`);
    this.addSql(
      `create index "tasks_user_id_manual_sort_idx" on "tasks" ("user_id", ("position" collate "C"), "id");`,
    );
    this.addSql(
      `create index "tasks_user_id_project_id_parent_id_position_idx" on "tasks" ("user_id", "project_id", "parent_id", ("position" collate "C"), "id");`,
    );
    this.addSql(
      `create index "tasks_user_id_parent_id_position_idx" on "tasks" ("user_id", "parent_id", ("position" collate "C"), "id");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "tasks" drop constraint "tasks_project_id_fkey";`);

    this.addSql(`alter table "task_labels" drop constraint "task_labels_label_id_fkey";`);

    this.addSql(`drop table if exists "projects" cascade;`);

    this.addSql(`drop table if exists "labels" cascade;`);

    this.addSql(`drop table if exists "task_labels" cascade;`);

    this.addSql(`alter table "tasks" drop constraint "tasks_parent_id_fkey";`);

    this.addSql(`drop index "tasks_user_id_manual_sort_idx";`);
    this.addSql(`drop index "tasks_user_id_project_id_parent_id_position_idx";`);
    this.addSql(`drop index "tasks_user_id_parent_id_position_idx";`);
    this.addSql(
      `alter table "tasks" drop column "project_id", drop column "parent_id", drop column "position";`,
    );
  }
}
