import { Migration } from '@mikro-orm/migrations';

/**
 * Recurring tasks and reminders (issue 15): the repeat rule (an RRULE body) and what it counts from, which
 * occurrence of its series a task is, the completed occurrence it was spawned from (so undoing that
 * completion can take it back), and up to 5 reminders. Constant defaults: no table rewrite.
 */
export class Migration20261129162016_recurrence extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "tasks" add column "recurrence_rule" varchar(200) null, add column "recurrence_from" varchar(16) check ("recurrence_from" in ('due', 'completion')) null, add column "occurrence" int not null default 1, add column "previous_occurrence_id" uuid null, add column "reminders" jsonb not null default '[]';`,
    );
    this.addSql(
      `alter table "tasks" add constraint "tasks_previous_occurrence_id_fkey" foreign key ("previous_occurrence_id") references "tasks" ("id") on update no action on delete set null;`,
    );
    this.addSql(
      `create index "tasks_previous_occurrence_id_idx" on "tasks" ("previous_occurrence_id") where "previous_occurrence_id" is not null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "tasks" drop constraint "tasks_previous_occurrence_id_fkey";`);

    this.addSql(`drop index "tasks_previous_occurrence_id_idx";`);
    this.addSql(
      `alter table "tasks" drop column "recurrence_rule", drop column "recurrence_from", drop column "occurrence", drop column "previous_occurrence_id", drop column "reminders";`,
    );
  }
}
