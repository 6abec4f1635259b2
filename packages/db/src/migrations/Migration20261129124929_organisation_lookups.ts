import { Migration } from '@mikro-orm/migrations';

/**
 * Lookups the organisation tables need at scale: the foreign keys' reverse lookups (deleting a project,
 * a parent task or a label) and the sidebar's open counts per project.
 */
export class Migration20261129124929_organisation_lookups extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create index "tasks_project_id_idx" on "tasks" ("project_id") where "project_id" is not null;`,
    );
    this.addSql(`create index "tasks_parent_id_idx" on "tasks" ("parent_id") where "parent_id" is not null;`);
    this.addSql(
      `create index "tasks_user_id_project_id_open_idx" on "tasks" ("user_id", "project_id") where "status" <> 'completed';`,
    );

    this.addSql(`create index "task_labels_label_id_idx" on "task_labels" ("label_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "task_labels_label_id_idx";`);

    this.addSql(`drop index "tasks_project_id_idx";`);
    this.addSql(`drop index "tasks_parent_id_idx";`);
    this.addSql(`drop index "tasks_user_id_project_id_open_idx";`);
  }
}
