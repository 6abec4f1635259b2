import { Migration } from '@mikro-orm/migrations';

export class Migration20261129093604_deleted_tasks extends Migration {
  // Deleted tasks are kept for a day so their owner can undo the delete (task.restore { id }).
  override async up(): Promise<void> {
    this.addSql(
      `create table "deleted_tasks" ("id" uuid not null, "user_id" uuid not null, "task" jsonb not null, "deleted_at" timestamptz not null default CURRENT_TIMESTAMP, constraint "deleted_tasks_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "deleted_tasks_user_id_idx" on "deleted_tasks" ("user_id");`);
    this.addSql(`create index "deleted_tasks_deleted_at_idx" on "deleted_tasks" ("deleted_at");`);

    this.addSql(
      `alter table "deleted_tasks" add constraint "deleted_tasks_user_id_fkey" foreign key ("user_id") references "users" ("id") on update no action on delete cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "deleted_tasks" cascade;`);
  }
}
