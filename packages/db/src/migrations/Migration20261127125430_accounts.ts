import { Migration } from '@mikro-orm/migrations';

export class Migration20261127125430_accounts extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "rate_limits" ("key" varchar(255) not null, "points" int not null default 0, "expire" bigint null, constraint "rate_limits_pkey" primary key ("key"));`,
    );

    this.addSql(
      `create table "rotated_refresh_tokens" ("token_hash" varchar(64) not null, "session_id" uuid not null, "rotated_at" timestamptz not null default CURRENT_TIMESTAMP, constraint "rotated_refresh_tokens_pkey" primary key ("token_hash"));`,
    );
    this.addSql(
      `create index "rotated_refresh_tokens_session_id_idx" on "rotated_refresh_tokens" ("session_id");`,
    );

    this.addSql(
      `create table "user_tokens" ("id" uuid not null default gen_random_uuid(), "user_id" uuid not null, "purpose" varchar(32) check ("purpose" in ('verify_email', 'reset_password')) not null, "token_hash" varchar(64) not null, "expires_at" timestamptz not null, "used_at" timestamptz null, "created_at" timestamptz not null default CURRENT_TIMESTAMP, constraint "user_tokens_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "user_tokens" add constraint "user_tokens_token_hash_key" unique ("token_hash");`,
    );
    this.addSql(`create index "user_tokens_user_id_idx" on "user_tokens" ("user_id");`);
    this.addSql(`create index "user_tokens_expires_at_idx" on "user_tokens" ("expires_at");`);

    this.addSql(
      `alter table "rotated_refresh_tokens" add constraint "rotated_refresh_tokens_session_id_fkey" foreign key ("session_id") references "sessions" ("id") on update no action on delete cascade;`,
    );

    this.addSql(
      `alter table "user_tokens" add constraint "user_tokens_user_id_fkey" foreign key ("user_id") references "users" ("id") on update no action on delete cascade;`,
    );

    this.addSql(
      `alter table "sessions" add column "last_used_at" timestamptz not null default CURRENT_TIMESTAMP, add column "user_agent" varchar(512) null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "rate_limits" cascade;`);

    this.addSql(`drop table if exists "rotated_refresh_tokens" cascade;`);

    this.addSql(`drop table if exists "user_tokens" cascade;`);

    this.addSql(`alter table "sessions" drop column "last_used_at", drop column "user_agent";`);
  }
}
