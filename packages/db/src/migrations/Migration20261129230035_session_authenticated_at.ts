import { Migration } from '@mikro-orm/migrations';

/**
 * When the person last proved who they are on a session (issue 17: sensitive actions ask for recent
 * re-authentication): set when the session starts (sign-in) and again when they confirm their password.
 * Sessions open before this migration count as signed in now.
 */
export class Migration20261129230035_session_authenticated_at extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "sessions" add column "authenticated_at" timestamptz not null default CURRENT_TIMESTAMP;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "sessions" drop column "authenticated_at";`);
  }
}
