import { Migration } from '@mikro-orm/migrations';

export class Migration20261127123501_initial extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "users" ("id" uuid not null default gen_random_uuid(), "email" varchar(255) not null, "name" varchar(255) not null, "password_hash" varchar(255) not null, "is_active" boolean not null default true, "is_verified" boolean not null default false, "created_at" timestamptz not null default CURRENT_TIMESTAMP, "updated_at" timestamptz not null default CURRENT_TIMESTAMP, constraint "users_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "users" add constraint "users_email_key" unique ("email");`);
    this.addSql(`create index "users_email_idx" on "users" ("email");`);
    this.addSql(`create index "users_created_at_idx" on "users" ("created_at");`);

    this.addSql(
      `create table "tasks" ("id" uuid not null default gen_random_uuid(), "user_id" uuid not null, "title" varchar(255) not null, "description" text null, "status" varchar(50) check ("status" in ('pending', 'in_progress', 'completed')) not null default 'pending', "priority" varchar(20) check ("priority" in ('low', 'medium', 'high')) not null default 'medium', "due_date" timestamptz null, "completed_at" timestamptz null, "created_at" timestamptz not null default CURRENT_TIMESTAMP, "updated_at" timestamptz not null default CURRENT_TIMESTAMP, constraint "tasks_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "tasks_user_id_idx" on "tasks" ("user_id");`);
    this.addSql(`create index "tasks_status_idx" on "tasks" ("status");`);
    this.addSql(`create index "tasks_priority_idx" on "tasks" ("priority");`);
    this.addSql(`create index "tasks_due_date_idx" on "tasks" ("due_date");`);
    this.addSql(`create index "tasks_created_at_idx" on "tasks" ("created_at");`);
    this.addSql(`create index "tasks_user_id_status_idx" on "tasks" ("user_id", "status");`);
    this.addSql(`create index "tasks_user_id_priority_idx" on "tasks" ("user_id", "priority");`);
    this.addSql(`create index "tasks_user_id_due_date_idx" on "tasks" ("user_id", "due_date");`);

    this.addSql(
      `create table "sessions" ("id" uuid not null default gen_random_uuid(), "user_id" uuid not null, "token_hash" varchar(255) not null, "expires_at" timestamptz not null, "created_at" timestamptz not null default CURRENT_TIMESTAMP, constraint "sessions_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "sessions" add constraint "sessions_token_hash_key" unique ("token_hash");`);
    this.addSql(`create index "sessions_token_hash_idx" on "sessions" ("token_hash");`);
    this.addSql(`create index "sessions_expires_at_idx" on "sessions" ("expires_at");`);
    this.addSql(`create index "sessions_user_id_idx" on "sessions" ("user_id");`);

    this.addSql(
      `alter table "tasks" add constraint "tasks_user_id_fkey" foreign key ("user_id") references "users" ("id") on update no action on delete cascade;`,
    );

    this.addSql(
      `alter table "sessions" add constraint "sessions_user_id_fkey" foreign key ("user_id") references "users" ("id") on update no action on delete cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "tasks" drop constraint "tasks_user_id_fkey";`);

    this.addSql(`alter table "sessions" drop constraint "sessions_user_id_fkey";`);

    this.addSql(`drop table if exists "users" cascade;`);

    this.addSql(`drop table if exists "tasks" cascade;`);

    this.addSql(`drop table if exists "sessions" cascade;`);
  }
}
