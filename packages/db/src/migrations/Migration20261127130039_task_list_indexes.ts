import { Migration } from '@mikro-orm/migrations';

export class Migration20261127130039_task_list_indexes extends Migration {
  override async up(): Promise<void> {
    // Trusted extensions (PostgreSQL >= 13): a database owner may create them, Neon included.
    // btree_gin lets one GIN index start with user_id, so searches stay within one owner's rows.
    this.addSql('create extension if not exists pg_trgm;');
    this.addSql('create extension if not exists btree_gin;');
    this.addSql(
      `create index "tasks_user_id_created_at_sort_idx" on "tasks" ("user_id", "created_at", "id");`,
    );
    this.addSql(
      `create index "tasks_user_id_updated_at_sort_idx" on "tasks" ("user_id", "updated_at", "id");`,
    );
    this.addSql(
      `create index "tasks_user_id_due_date_sort_idx" on "tasks" ("user_id", coalesce("due_date", 'infinity'::timestamptz), "id");`,
    );
    this.addSql(
      `create index "tasks_user_id_due_date_desc_sort_idx" on "tasks" ("user_id", coalesce("due_date", '-infinity'::timestamptz), "id");`,
    );
    this.addSql(
      `create index "tasks_user_id_priority_sort_idx" on "tasks" ("user_id", (case "priority" when 'high' then 3 when 'medium' then 2 else 1 end), "id");`,
    );
    this.addSql(`create index "tasks_user_id_title_sort_idx" on "tasks" ("user_id", lower("title"), "id");`);
    this.addSql(
      `create index "tasks_user_id_search_trgm_idx" on "tasks" using gin ("user_id", "title" gin_trgm_ops, "description" gin_trgm_ops);`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "tasks_user_id_created_at_sort_idx";`);
    this.addSql(`drop index "tasks_user_id_updated_at_sort_idx";`);
    this.addSql(`drop index "tasks_user_id_due_date_sort_idx";`);
    this.addSql(`drop index "tasks_user_id_due_date_desc_sort_idx";`);
    this.addSql(`drop index "tasks_user_id_priority_sort_idx";`);
    this.addSql(`drop index "tasks_user_id_title_sort_idx";`);
    this.addSql(`drop index "tasks_user_id_search_trgm_idx";`);
  }
}
