import { Migration } from '@mikro-orm/migrations';

/**
 * Second factors (issue 17): an authenticator app per user ("user_totp"), one-time recovery codes
 * ("recovery_codes"), passkeys ("passkeys"), the half-finished sign-in between password and second factor
 * ("mfa_tickets") and the WebAuthn challenges waiting for their answer ("webauthn_challenges").
 *
 * Nothing here is usable by whoever reads the rows: the TOTP secret is encrypted by the API (the key is not
 * in the database), recovery codes and tickets are stored only as hashes, and tickets and challenges are
 * single-use and live for minutes. Every row belongs to a user and goes with them (ON DELETE CASCADE).
 */
export class Migration20261129222031_second_factors extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "recovery_codes" ("id" uuid not null default gen_random_uuid(), "user_id" uuid not null, "code_hash" varchar(64) not null, "used_at" timestamptz null, "created_at" timestamptz not null default CURRENT_TIMESTAMP, constraint "recovery_codes_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "recovery_codes" add constraint "recovery_codes_user_code_unique" unique ("user_id", "code_hash");`,
    );

    this.addSql(
      `create table "passkeys" ("id" uuid not null default gen_random_uuid(), "user_id" uuid not null, "credential_id" varchar(1024) not null, "public_key" text not null, "counter" bigint not null default 0, "transports" jsonb not null default '[]', "name" varchar(100) not null, "backed_up" boolean not null default false, "created_at" timestamptz not null default CURRENT_TIMESTAMP, "last_used_at" timestamptz null, constraint "passkeys_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "passkeys_user_id_idx" on "passkeys" ("user_id");`);
    this.addSql(
      `alter table "passkeys" add constraint "passkeys_credential_id_unique" unique ("credential_id");`,
    );

    this.addSql(
      `create table "mfa_tickets" ("id" uuid not null default gen_random_uuid(), "token_hash" varchar(64) not null, "user_id" uuid not null, "client_hash" varchar(64) not null, "expires_at" timestamptz not null, "used_at" timestamptz null, "failed_attempts" int not null default 0, "created_at" timestamptz not null default CURRENT_TIMESTAMP, constraint "mfa_tickets_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "mfa_tickets_user_id_idx" on "mfa_tickets" ("user_id");`);
    this.addSql(
      `alter table "mfa_tickets" add constraint "mfa_tickets_token_hash_unique" unique ("token_hash");`,
    );

    this.addSql(
      `create table "user_totp" ("user_id" uuid not null, "secret_ciphertext" varchar(512) not null, "confirmed_at" timestamptz null, "last_used_step" bigint null, "created_at" timestamptz not null default CURRENT_TIMESTAMP, "updated_at" timestamptz not null default CURRENT_TIMESTAMP, constraint "user_totp_pkey" primary key ("user_id"));`,
    );

    this.addSql(
      `create table "webauthn_challenges" ("id" uuid not null default gen_random_uuid(), "challenge" varchar(128) not null, "user_id" uuid null, "purpose" varchar(16) check ("purpose" in ('register', 'sign-in', 'second-factor')) not null, "expires_at" timestamptz not null, "created_at" timestamptz not null default CURRENT_TIMESTAMP, constraint "webauthn_challenges_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "webauthn_challenges_user_id_idx" on "webauthn_challenges" ("user_id");`);
    this.addSql(
      `alter table "webauthn_challenges" add constraint "webauthn_challenges_challenge_unique" unique ("challenge");`,
    );

    this.addSql(
      `alter table "recovery_codes" add constraint "recovery_codes_user_id_fkey" foreign key ("user_id") references "users" ("id") on update no action on delete cascade;`,
    );

    this.addSql(
      `alter table "passkeys" add constraint "passkeys_user_id_fkey" foreign key ("user_id") references "users" ("id") on update no action on delete cascade;`,
    );

    this.addSql(
      `alter table "mfa_tickets" add constraint "mfa_tickets_user_id_fkey" foreign key ("user_id") references "users" ("id") on update no action on delete cascade;`,
    );

    this.addSql(
      `alter table "user_totp" add constraint "user_totp_user_id_fkey" foreign key ("user_id") references "users" ("id") on update no action on delete cascade;`,
    );

    this.addSql(
      `alter table "webauthn_challenges" add constraint "webauthn_challenges_user_id_fkey" foreign key ("user_id") references "users" ("id") on update no action on delete cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "recovery_codes" cascade;`);

    this.addSql(`drop table if exists "passkeys" cascade;`);

    this.addSql(`drop table if exists "mfa_tickets" cascade;`);

    this.addSql(`drop table if exists "user_totp" cascade;`);

    this.addSql(`drop table if exists "webauthn_challenges" cascade;`);
  }
}
